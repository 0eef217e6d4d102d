using System.Text;
using Integration.Core.Csv;

namespace Integration.Core.Export;

/// <summary>
/// Writes the CSV exports of outputs.md: UTF-8, header row, written to a temporary file and renamed so
/// a reader never sees half a file, and cells starting with = + - @ escaped so spreadsheets do not run them.
/// Files that belong together (one run's linkage or alerts) go through <see cref="ExportSet"/> instead.
/// </summary>
public static class CsvExport
{
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                WriteTo(stream, header, rows);
            }

            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }

    /// <summary>Writes the header and the rows (escaped) to <paramref name="stream"/>; returns the number of rows.</summary>
    public static long WriteTo(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var csv = new CsvWriter(writer);
        csv.WriteRow(header);
        long count = 0;
        foreach (var row in rows)
        {
            csv.WriteRow(row.Select(Escape));
            count++;
        }

        return count;
    }

    /// <summary>Prefixes a formula-looking cell with an apostrophe (OWASP CSV injection guidance).</summary>
    public static string Escape(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }

        return cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
    }
}
