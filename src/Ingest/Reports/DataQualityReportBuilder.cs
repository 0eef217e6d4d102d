using Dapper;
using Integration.Core.Database;
using Integration.Ingest.Feeds;
using Integration.Ingest.Runs;

namespace Integration.Ingest.Reports;

/// <summary>Builds the report from the run's outcomes and what the database now holds.</summary>
internal sealed class DataQualityReportBuilder(Db db, IngestOptions options)
{
    public DataQualityReport Build(IngestRunResult run)
    {
        using var conn = db.Open();
        var feeds = new List<FeedQuality>();
        foreach (var feed in FeedCatalog.All)
        {
            var files = run.Files.Where(f => f.Feed == feed.Name).ToList();
            var args = new { runId = run.RunId, feed = feed.Name };
            var reasons = files.Any(f => f.RowsQuarantined > 0) ? Reasons(conn, "quarantine", args.runId, args.feed) : [];
            var warnings = files.Any(f => f.Status is FileStatus.Loaded or FileStatus.Stale) ? Reasons(conn, "field_warnings", args.runId, args.feed) : [];
            var where = feed.IsSnapshot ? " WHERE is_current = 1" : "";
            var select = string.Join(", ", feed.CompletenessColumns.Select((c, i) => $"COUNT({c}) AS c{i}"));
            var row = (IDictionary<string, object>)conn.QuerySingle($"SELECT COUNT(*) AS total, {select} FROM {feed.Table}{where}");
            var total = Convert.ToInt64(row["total"], System.Globalization.CultureInfo.InvariantCulture);
            var completeness = feed.CompletenessColumns
                .Select((c, i) => new Completeness(c, Convert.ToInt64(row["c" + i], System.Globalization.CultureInfo.InvariantCulture), total))
                .ToList();
            feeds.Add(new FeedQuality(feed.Name, files, reasons, total, completeness, warnings));
        }

        return new DataQualityReport(
            run.RunId,
            run.Trigger,
            run.Outcome,
            run.StartedAt,
            run.FinishedAt,
            new RunTotals(run.FilesSeen, run.FilesLoaded, run.FilesRejected, run.FilesSkipped, run.RowsRead, run.RowsLoaded, run.RowsQuarantined, run.FilesHeld),
            feeds,
            run.IgnoredFiles,
            run.Error);
    }

    /// <summary>
    /// Counts by reason, with examples, of <paramref name="table"/> (quarantine: rows not loaded; field_warnings: a field
    /// of a loaded row repaired) over the feed's files of this run (run_id on source_files identifies them on both databases).
    /// </summary>
    private List<ReasonSummary> Reasons(System.Data.IDbConnection conn, string table, string runId, string feed)
    {
        var reasons = new List<ReasonSummary>();
        var counts = conn.Query<(string Reason, long Count)>(
            $"""
            SELECT q.reason, COUNT(*) FROM {table} q JOIN source_files s ON s.file_id = q.file_id
            WHERE s.run_id = @runId AND s.feed = @feed GROUP BY q.reason ORDER BY COUNT(*) DESC, q.reason
            """,
            new { runId, feed });
        foreach (var (reason, count) in counts)
        {
            var examples = conn.Query<(string Path, long Line, string? Field, string Message)>(
                $"""
                SELECT s.landing_path, q.line, q.field, q.message FROM {table} q JOIN source_files s ON s.file_id = q.file_id
                WHERE s.run_id = @runId AND s.feed = @feed AND q.reason = @reason ORDER BY q.file_id, q.line LIMIT {Math.Max(0, options.ReportExamples)}
                """,
                new { runId, feed, reason })
                .Select(e => $"{e.Path}:{e.Line} {e.Field ?? "-"}: {e.Message}")
                .ToList();
            reasons.Add(new ReasonSummary(reason, count, examples));
        }

        return reasons;
    }
}
