using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Integration.Ingest.Runs;

namespace Integration.Ingest.Reports;

/// <summary>Writes the report as markdown (for people) and JSON (for tools), each atomically.</summary>
public static class DataQualityReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Khmer readable; the file is not embedded in HTML
    };

    public static (string Markdown, string Json) Write(DataQualityReport report, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var md = Path.GetFullPath(Path.Combine(folder, name + ".md"));
        var json = Path.GetFullPath(Path.Combine(folder, name + ".json"));
        WriteAtomically(md, ToMarkdown(report));
        WriteAtomically(json, JsonSerializer.Serialize(report, Json));
        return (md, json);
    }

    public static string ToMarkdown(DataQualityReport r)
    {
        var sb = new StringBuilder();
        var t = r.Totals;
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Ingest data-quality report {r.RunId}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Outcome **{r.Outcome}** ({r.Trigger}), {r.StartedAt:yyyy-MM-dd HH:mm:ss}Z to {r.FinishedAt:HH:mm:ss}Z.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Files: {t.FilesSeen} seen, {t.FilesLoaded} loaded, {t.FilesRejected} rejected, {t.FilesHeld} held, {t.FilesSkipped} skipped. Rows: {t.RowsRead} read = {t.RowsLoaded} loaded + {t.RowsQuarantined} quarantined.");
        if (r.Error is not null)
        {
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Run failed:** {r.Error}");
        }

        foreach (var feed in r.Feeds)
        {
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {feed.Feed}").AppendLine();
            if (feed.Files.Count > 0)
            {
                sb.AppendLine("| file | status | as of | read | loaded | quarantined | new | changed | removed | corrected | note |");
                sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
                foreach (var f in feed.Files)
                {
                    var c = f.Changes;
                    var note = f.Error ?? (f.UnknownColumns.Count > 0 ? "unknown columns ignored: " + string.Join(", ", f.UnknownColumns) : "");
                    sb.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(f.LandingPath)} | {f.Status} | {f.AsOf} | {f.RowsRead} | {f.RowsLoaded} | {f.RowsQuarantined} | {c.New} | {c.Changed} | {c.Removed} | {c.Corrected} | {Cell(note)} |");
                }

                sb.AppendLine();
            }
            else
            {
                sb.AppendLine("No files in this run.").AppendLine();
            }

            foreach (var q in feed.Quarantine)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{q.Reason}**: {q.Count} rows");
                foreach (var e in q.Examples)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  - `{e.Replace('`', '\'')}`");
                }
            }

            foreach (var w in feed.FieldWarnings)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- field repaired, row loaded, **{w.Reason}**: {w.Count} fields (table field_warnings keeps the value as delivered)");
                foreach (var e in w.Examples)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  - `{e.Replace('`', '\'')}`");
                }
            }

            var fill = string.Join(", ", feed.Completeness.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Column} {c.Ratio * 100:0.0}%")));
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Completeness over {feed.CurrentRecords} current records: {fill}");
        }

        if (r.IgnoredFiles.Count > 0)
        {
            sb.AppendLine().AppendLine("Not read:");
            foreach (var ignored in r.IgnoredFiles)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- `{ignored.Replace('`', '\'')}`");
            }
        }

        return sb.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static void WriteAtomically(string path, string content)
    {
        var tmp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(tmp, content, new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }
}
