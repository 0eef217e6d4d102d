using System.Security.Cryptography;
using System.Text;
using Integration.Core.Csv;

namespace Integration.Bench.Scale;

/// <summary>
/// The content of an export folder's CSV files without the columns that name the run (run ids differ between two
/// runs that computed the same thing): a digest per file, and the rows themselves to say how two folders differ.
/// </summary>
public static class ExportDigest
{
    private static readonly HashSet<string> RunColumns = new(["run_id", "alert_run_id", "model_version"], StringComparer.Ordinal);

    public static IReadOnlyList<string> Files(string folder) =>
        Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The file's rows in order, each as one line, without the run columns.</summary>
    public static IEnumerable<string> Rows(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8);
        var reader = new CsvReader(text);
        if (reader.Read() is not { } header)
        {
            yield break;
        }

        var keep = header.Fields.Select((name, i) => (name, i)).Where(c => !RunColumns.Contains(c.name)).Select(c => c.i).ToArray();
        yield return string.Join(',', keep.Select(i => header.Fields[i]));
        foreach (var r in reader.ReadAll())
        {
            yield return CsvWriter.Join(keep.Select(i => i < r.Fields.Count ? r.Fields[i] : null));
        }
    }

    public static string Sha256(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in Rows(path))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(row + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Per file of either folder: equal, or how many rows only one side has.</summary>
    public static IReadOnlyList<(string File, bool Equal, long Rows, long OnlyLeft, long OnlyRight)> Compare(string left, string right)
    {
        var result = new List<(string, bool, long, long, long)>();
        foreach (var file in Files(left).Union(Files(right)).Order(StringComparer.Ordinal))
        {
            var a = Path.Combine(left, file);
            var b = Path.Combine(right, file);
            if (!File.Exists(a) || !File.Exists(b))
            {
                result.Add((file, false, 0, File.Exists(a) ? 1 : 0, File.Exists(b) ? 1 : 0));
                continue;
            }

            if (Sha256(a) == Sha256(b))
            {
                result.Add((file, true, Rows(a).LongCount() - 1, 0, 0));
                continue;
            }

            var onlyLeft = new Dictionary<string, int>(StringComparer.Ordinal);
            long rows = 0;
            foreach (var row in Rows(a))
            {
                onlyLeft[row] = onlyLeft.GetValueOrDefault(row) + 1;
                rows++;
            }

            long onlyRight = 0;
            foreach (var row in Rows(b))
            {
                if (onlyLeft.TryGetValue(row, out var n) && n > 0)
                {
                    onlyLeft[row] = n - 1;
                }
                else
                {
                    onlyRight++;
                }
            }

            // Same rows in another order count as a difference too (the files are ordered outputs).
            result.Add((file, false, rows - 1, onlyLeft.Values.Sum(), onlyRight));
        }

        return result;
    }
}
