using Dapper;
using Integration.Core.Database;
using Integration.Ingest.Feeds;
using Integration.Ingest.Runs;

namespace Integration.Ingest.Reports;

/// <summary>Builds the report from the run's outcomes and what the database now holds.</summary>
public sealed class DataQualityReportBuilder(Db db, IngestOptions options)
{
    public DataQualityReport Build(IngestRunResult run)
    {
        using var conn = db.Open();
        var feeds = new List<FeedQuality>();
        foreach (var feed in FeedCatalog.All)
        {
            var files = run.Files.Where(f => f.Feed == feed.Name).ToList();
            var ids = files.Where(f => f.Status is FileStatus.Loaded or FileStatus.Stale && f.FileId is not null).Select(f => f.FileId!.Value).ToList();
            var reasons = new List<ReasonSummary>();
            if (ids.Count > 0)
            {
                var counts = conn.Query<(string Reason, long Count)>(
                    "SELECT reason, COUNT(*) FROM quarantine WHERE file_id IN @ids GROUP BY reason ORDER BY COUNT(*) DESC, reason",
                    new { ids });
                foreach (var (reason, count) in counts)
                {
                    var examples = conn.Query<(string Path, long Line, string? Field, string Message)>(
                        $"""
                        SELECT s.landing_path, q.line, q.field, q.message FROM quarantine q JOIN source_files s ON s.file_id = q.file_id
                        WHERE q.file_id IN @ids AND q.reason = @reason ORDER BY q.file_id, q.line LIMIT {Math.Max(0, options.ReportExamples)}
                        """,
                        new { ids, reason })
                        .Select(e => $"{e.Path}:{e.Line} {e.Field ?? "-"}: {e.Message}")
                        .ToList();
                    reasons.Add(new ReasonSummary(reason, count, examples));
                }
            }

            var where = feed.IsSnapshot ? " WHERE is_current = 1" : "";
            var select = string.Join(", ", feed.CompletenessColumns.Select((c, i) => $"COUNT({c}) AS c{i}"));
            var row = (IDictionary<string, object>)conn.QuerySingle($"SELECT COUNT(*) AS total, {select} FROM {feed.Table}{where}");
            var total = Convert.ToInt64(row["total"], System.Globalization.CultureInfo.InvariantCulture);
            var completeness = feed.CompletenessColumns
                .Select((c, i) => new Completeness(c, Convert.ToInt64(row["c" + i], System.Globalization.CultureInfo.InvariantCulture), total))
                .ToList();
            feeds.Add(new FeedQuality(feed.Name, files, reasons, total, completeness));
        }

        return new DataQualityReport(
            run.RunId,
            run.Trigger,
            run.Outcome,
            run.StartedAt,
            run.FinishedAt,
            new RunTotals(run.FilesSeen, run.FilesLoaded, run.FilesRejected, run.FilesSkipped, run.RowsRead, run.RowsLoaded, run.RowsQuarantined),
            feeds,
            run.IgnoredFiles,
            run.Error);
    }
}
