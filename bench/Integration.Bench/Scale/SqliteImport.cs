using System.Text;

namespace Integration.Bench.Scale;

/// <summary>
/// The baseline every time is divided by: the sqlite3 command-line shell's <c>.import</c> of the same CSV files into
/// a fresh database file, one table per feed, no validation, no history, no index. Measured in the same run as
/// the pipeline, because absolute times on this shared machine vary from run to run.
/// </summary>
public static class SqliteImport
{
    public const string Shell = "sqlite3";

    public static async Task<ProcessFigures> RunAsync(string step, string landing, string work)
    {
        Directory.CreateDirectory(work);
        var db = Path.Combine(work, step + ".db");
        File.Delete(db);
        var script = new StringBuilder();
        foreach (var feed in Directory.GetDirectories(landing).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (feed is null || feed == "ground-truth")
            {
                continue;
            }

            var first = true;
            foreach (var file in Directory.GetFiles(Path.Combine(landing, feed), "*.csv").Order(StringComparer.Ordinal))
            {
                // The first file's header names the table's columns; later files of the feed skip theirs.
                script.Append(".import --csv ").Append(first ? "" : "--skip 1 ").Append(file).Append(' ').AppendLine(feed.Replace('-', '_'));
                first = false;
            }
        }

        var path = Path.Combine(work, step + ".sql");
        await File.WriteAllTextAsync(path, script.ToString());

        // Short rows are filled with NULL and reported on stderr, one line each: the log keeps them.
        var figures = await TimedProcess.RunAsync(step, work, Shell, [db, ".read " + path]);
        File.Delete(db);
        return figures;
    }
}
