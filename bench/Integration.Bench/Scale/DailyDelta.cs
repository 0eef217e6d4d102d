using System.Globalization;
using System.Text;
using Integration.Core.Csv;

namespace Integration.Bench.Scale;

/// <summary>What one day's delivery changed, per feed.</summary>
public sealed record DeltaSummary(IReadOnlyDictionary<string, (int Rows, int Changed, int New)> Snapshots, int ContributionRows, string ContributionPeriod);

/// <summary>
/// The next day's delivery of a landing folder: every register again as a full snapshot dated <c>asOf</c>, in which
/// a share of the records changed (a phone digit, a house number, a headcount, a name) or are new (a copy of
/// another record under a key of the same form), plus one month of contributions (the month after the latest one
/// delivered, for every employer of that month). Deterministic for a seed.
/// </summary>
public static class DailyDelta
{
    private static readonly string[] SnapshotFeeds = ["moc-licences", "gdt-taxpayers", "nssf-employers"];

    public static DeltaSummary Write(string landing, DateOnly asOf, int seed, double changedShare = 0.006, double newShare = 0.004)
    {
        var random = new Random(seed);
        var snapshots = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
        foreach (var feed in SnapshotFeeds)
        {
            snapshots[feed] = Snapshot(landing, feed, asOf, random, changedShare, newShare);
        }

        var (rows, period) = NextMonth(landing, asOf);
        return new DeltaSummary(snapshots, rows, period);
    }

    private static (int Rows, int Changed, int New) Snapshot(string landing, string feed, DateOnly asOf, Random random, double changedShare, double newShare)
    {
        var latest = Directory.GetFiles(Path.Combine(landing, feed), "*.csv").Order(StringComparer.Ordinal).Last();
        var records = Read(latest, out var header);
        var key = 0; // every register's key is its first column
        var keys = records.Select(r => r[key] ?? "").ToHashSet(StringComparer.Ordinal);
        int changed = 0, added = 0;
        var output = new List<string?[]>(records.Count + (int)(records.Count * newShare) + 16);
        foreach (var r in records)
        {
            var roll = random.NextDouble();
            if (roll < changedShare && Change(header, r, random))
            {
                changed++;
            }

            output.Add(r);
            if (roll > 1 - newShare && NewKey(r[key], keys, random) is { } fresh)
            {
                var copy = (string?[])r.Clone();
                copy[key] = fresh;
                Change(header, copy, random);
                output.Add(copy);
                added++;
            }
        }

        WriteFile(Path.Combine(landing, feed, $"{feed}_{asOf:yyyy-MM-dd}.csv"), header, output);
        return (output.Count, changed, added);
    }

    /// <summary>One field changed as registers change them; false when the record has none of those fields filled.</summary>
    private static bool Change(string[] header, string?[] row, Random random)
    {
        string[] fields = ["phone", "house_no", "declared_employees", "employees", "insured_workers", "name_en"];
        var start = random.Next(fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            var column = Array.IndexOf(header, fields[(start + i) % fields.Length]);
            if (column < 0 || string.IsNullOrEmpty(row[column]))
            {
                continue;
            }

            var v = row[column]!;
            row[column] = header[column] switch
            {
                "phone" when char.IsAsciiDigit(v[^1]) => v[..^1] + (char)('0' + ((v[^1] - '0' + 1 + random.Next(8)) % 10)),
                "house_no" => v + "A",
                "name_en" => v + " Trading",
                _ when long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => (n + 1 + random.Next(5)).ToString(CultureInfo.InvariantCulture),
                _ => null,
            } ?? v;
            if (row[column] != v)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A key of the same form as <paramref name="key"/> (its last three digits redrawn) that no record has.</summary>
    private static string? NewKey(string? key, HashSet<string> keys, Random random)
    {
        if (key is not { Length: >= 3 } || !key[^3..].All(char.IsAsciiDigit))
        {
            return null;
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = key[..^3] + random.Next(1000).ToString("000", CultureInfo.InvariantCulture);
            if (keys.Add(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The month after the latest contribution period delivered, for every employer of that period.</summary>
    private static (int Rows, string Period) NextMonth(string landing, DateOnly asOf)
    {
        var folder = Path.Combine(landing, "nssf-contributions");
        var latest = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).Last();
        var records = Read(latest, out var header);
        int id = Array.IndexOf(header, "nssf_id"), period = Array.IndexOf(header, "period"), paidOn = Array.IndexOf(header, "paid_on");
        var month = records.Select(r => r[period]).Where(p => p is { Length: 7 }).Max(StringComparer.Ordinal)!;
        var next = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1);
        var nextText = next.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var rows = new List<string?[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in records.Where(r => r[period] == month && !string.IsNullOrEmpty(r[id]) && seen.Add(r[id]!)))
        {
            r[period] = nextText;
            if (DateOnly.TryParseExact(r[paidOn], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var paid))
            {
                var shifted = paid.AddMonths(1);
                r[paidOn] = (shifted > asOf ? asOf : shifted).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            rows.Add(r);
        }

        WriteFile(Path.Combine(folder, $"nssf-contributions_{asOf:yyyy-MM-dd}.csv"), header, rows);
        return (rows.Count, nextText);
    }

    /// <summary>The file's well-formed records (as many fields as the header); the generator's deliberately bad rows are left out.</summary>
    private static List<string?[]> Read(string path, out string[] header)
    {
        using var text = new StreamReader(path, Encoding.UTF8);
        var reader = new CsvReader(text);
        header = [.. reader.Read()!.Fields];
        var width = header.Length;
        return reader.ReadAll().Where(r => r.Fields.Count == width && !r.Unterminated).Select(r => r.Fields.Select(f => (string?)f).ToArray()).ToList();
    }

    private static void WriteFile(string path, string[] header, IEnumerable<string?[]> rows)
    {
        using var text = new StreamWriter(path, false, new UTF8Encoding(false));
        var csv = new CsvWriter(text);
        csv.WriteRow(header);
        foreach (var r in rows)
        {
            csv.WriteRow(r);
        }
    }
}
