using Integration.Core.Csv;

namespace Integration.Core.Truth;

/// <summary>Which true enterprise a source record belongs to (ground-truth/records.csv).</summary>
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

/// <summary>The generator's answer key. File formats are fixed here so generator and evaluations agree.</summary>
public sealed record GroundTruth(DateOnly AsOf, IReadOnlyList<TruthRecord> Records, IReadOnlyList<TruthFirm> Firms)
{
    public const string Folder = "ground-truth";
    public static readonly string[] RecordColumns = ["true_id", "feed", "source_key"];
    public static readonly string[] FirmColumns = ["true_id", "compliance", "true_employees", "expected_lead", "expected_decision", "expected_reason"];

    /// <summary>Reads <c>DIR/ground-truth/{records,firms}.csv</c> and <c>as_of.txt</c>; DIR may also be the ground-truth folder itself.</summary>
    public static GroundTruth Load(string dir)
    {
        var folder = Directory.Exists(Path.Combine(dir, Folder)) ? Path.Combine(dir, Folder) : dir;
        var asOf = DateOnly.ParseExact(File.ReadAllText(Path.Combine(folder, "as_of.txt")).Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var records = Rows(Path.Combine(folder, "records.csv")).Select(r => new TruthRecord(r[0], r[1], r[2])).ToList();
        var firms = Rows(Path.Combine(folder, "firms.csv"))
            .Select(r => new TruthFirm(r[0], r[1], int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture), r[3] == "true", r[4], r[5]))
            .ToList();
        return new GroundTruth(asOf, records, firms);
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(string path)
    {
        using var reader = new StreamReader(path);
        var csv = new CsvReader(reader);
        csv.Read(); // header
        while (csv.Read() is { } record)
        {
            yield return record.Fields;
        }
    }
}
