using System.Globalization;
using Integration.Core.Dates;

namespace Integration.Core.Truth;

/// <summary>Which true enterprise a source record belongs to (a row of records.csv).</summary>
public sealed record TruthRecord(string TrueId, string Feed, string SourceKey);

/// <summary>
/// One true enterprise and what a perfect pipeline would say about it at the data's as-of date
/// (ground-truth/firms.csv). Written by the generator, read by the evaluations.
/// </summary>
/// <param name="ExpectedLead">Must register with NSSF (active MoC or GDT record, employees &gt; 0) and has no active NSSF employer.</param>
/// <param name="ExpectedDecision">ALLOW or BLOCK for a firm with a pending renewal under the default policy; empty otherwise.</param>
/// <param name="ExpectedReason">CURRENT, NO_EMPLOYEES_DECLARED, NOT_REGISTERED or ARREARS; empty when no renewal is pending.</param>
public sealed record TruthFirm(
    string TrueId,
    string Compliance,
    int TrueEmployees,
    bool ExpectedLead,
    string ExpectedDecision,
    string ExpectedReason);

/// <summary>
/// An answer key in one of two formats, told apart by what the folder holds:
/// <list type="bullet">
/// <item>the generator's <c>ground-truth/</c>: <c>records.csv</c> (true_id, feed, source_key), <c>firms.csv</c>
/// (expected leads and licence decisions) and <c>as_of.txt</c>;</item>
/// <item>a labelled sample as a ministry or a public benchmark makes it, <c>truth/records.csv</c> with columns
/// feed, source_key, entity and nothing else: linkage can be scored, the alerts cannot (no expected decisions),
/// and the as-of date is the data's own.</item>
/// </list>
/// Columns are found by header name in either format (order free, extra columns ignored).
/// </summary>
/// <param name="AsOf">The date the expected decisions hold at; null when the key does not say (then the data's as-of applies).</param>
/// <param name="HasFirms">Whether the key has firms.csv, i.e. expected leads and decisions to score the alerts against.</param>
public sealed record GroundTruth(DateOnly? AsOf, IReadOnlyList<TruthRecord> Records, IReadOnlyList<TruthFirm> Firms, bool HasFirms = true)
{
    public const string Folder = "ground-truth";

    /// <summary>The folder name of a labelled sample (public benchmarks, a clerk-labelled extract).</summary>
    public const string SampleFolder = "truth";

    public const string RecordsFile = "records.csv";
    public const string FirmsFile = "firms.csv";
    public const string AsOfFile = "as_of.txt";

    public static readonly string[] RecordColumns = ["true_id", "feed", "source_key"];
    public static readonly string[] FirmColumns = ["true_id", "compliance", "true_employees", "expected_lead", "expected_decision", "expected_reason"];

    /// <summary>Header names accepted for the true entity of a record: the generator's, the benchmarks' and common synonyms.</summary>
    private static readonly string[] EntityColumn = ["true_id", "entity", "entity_id", "cluster_id"];

    /// <summary>Short feed names a person labelling a sample may write, mapped to the feed names of the input contract.</summary>
    private static readonly Dictionary<string, string> FeedAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["moc"] = "moc-licences",
        ["gdt"] = "gdt-taxpayers",
        ["nssf"] = "nssf-employers",
    };

    /// <summary>
    /// Reads an answer key from <paramref name="path"/>: a folder holding <c>ground-truth/</c> or <c>truth/</c>,
    /// one of those folders itself, or its records.csv. firms.csv and as_of.txt are read when present.
    /// </summary>
    /// <exception cref="FormatException">A file is malformed; the message names file, line and column.</exception>
    /// <exception cref="FileNotFoundException">No records.csv where the key should be.</exception>
    public static GroundTruth Load(string path)
    {
        var folder = Locate(path);
        var records = ReadRecords(Path.Combine(folder, RecordsFile));
        var firmsPath = Path.Combine(folder, FirmsFile);
        var hasFirms = File.Exists(firmsPath);
        var firms = hasFirms ? ReadFirms(firmsPath) : [];
        var asOfPath = Path.Combine(folder, AsOfFile);
        DateOnly? asOf = null;
        if (File.Exists(asOfPath))
        {
            var text = File.ReadAllText(asOfPath).Trim();
            asOf = IsoDate.TryParse(text, out var d)
                ? d
                : throw new FormatException($"{asOfPath}: line 1: '{text}' is not a date (yyyy-MM-dd).");
        }

        return new GroundTruth(asOf, records, firms, hasFirms);
    }

    /// <summary>The folder that holds records.csv.</summary>
    private static string Locate(string path)
    {
        if (File.Exists(path))
        {
            return Path.GetDirectoryName(Path.GetFullPath(path))!;
        }

        foreach (var sub in new[] { Folder, SampleFolder })
        {
            if (File.Exists(Path.Combine(path, sub, RecordsFile)))
            {
                return Path.Combine(path, sub);
            }
        }

        return File.Exists(Path.Combine(path, RecordsFile))
            ? path
            : throw new FileNotFoundException(
                $"No answer key under '{path}': expected {Folder}/{RecordsFile} (generator output), {SampleFolder}/{RecordsFile} (labelled sample) or {RecordsFile}.",
                Path.Combine(path, SampleFolder, RecordsFile));
    }

    private static List<TruthRecord> ReadRecords(string path)
    {
        var records = new List<TruthRecord>();
        var seen = new Dictionary<(string, string), string>();
        TruthFile.Read(path, file =>
        {
            var entity = file.Column(EntityColumn);
            var feed = file.Column("feed");
            var key = file.Column("source_key");
            return row =>
            {
                var f = row.Required(feed, "feed");
                f = FeedAliases.GetValueOrDefault(f, f);
                var k = row.Required(key, "source_key");
                var id = row.Required(entity, "entity");
                if (seen.TryGetValue((f, k), out var before))
                {
                    if (before != id)
                    {
                        throw row.Error("entity", $"gives {f} {k} to '{id}', an earlier line to '{before}'");
                    }

                    return; // the same label twice says nothing new
                }

                seen[(f, k)] = id;
                records.Add(new TruthRecord(id, f, k));
            };
        });
        return records;
    }

    private static List<TruthFirm> ReadFirms(string path)
    {
        var firms = new List<TruthFirm>();
        TruthFile.Read(path, file =>
        {
            var id = file.Column(EntityColumn);
            var compliance = file.OptionalColumn("compliance");
            var employees = file.OptionalColumn("true_employees");
            var lead = file.Column("expected_lead");
            var decision = file.Column("expected_decision");
            var reason = file.OptionalColumn("expected_reason");
            return row =>
            {
                var n = row.Optional(employees);
                var l = row.Optional(lead);
                firms.Add(new TruthFirm(
                    row.Required(id, "true_id"),
                    row.Optional(compliance),
                    n.Length == 0 ? 0 : int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? e : throw row.Error("true_employees", $"'{n}' is not a whole number"),
                    l.ToUpperInvariant() switch
                    {
                        "TRUE" or "1" or "YES" => true,
                        "FALSE" or "0" or "NO" or "" => false,
                        _ => throw row.Error("expected_lead", $"'{l}' is not true or false"),
                    },
                    row.Optional(decision).ToUpperInvariant(),
                    row.Optional(reason).ToUpperInvariant()));
            };
        });
        return firms;
    }
}
