using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

/// <summary>
/// One fixture per bad-row case of extracts.md: the bad row lands in quarantine with its file, line, field
/// and reason; the good rows load; rows read = loaded + quarantined. Bad dates, months and codes are tried in a key
/// or a column decisions read: in an optional column they cost only the field (OptionalFieldTests), as a legacy-font
/// name_km does.
/// </summary>
public class BadRowTests
{
    public static TheoryData<DatabaseProvider, string> Cases()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var name in BadRows.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    /// <summary>Case -> (feed, file content whose line 4 is the bad row, expected field, expected fragment of the message).</summary>
    private static readonly Dictionary<string, (string Feed, string Content, string? Field, string Fragment)> BadRows = new()
    {
        ["WRONG_COLUMN_COUNT"] = ("moc-licences", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co") + ",extra"), null, "has 17 fields, the header has 16"),
        ["BAD_DATE"] = ("nssf-inspections", "nssf_id,registration_no,inspected_on,outcome,inspector,notes\nN-0001,,2026-08-01,COMPLIANT,Sok,\nN-0002,,2026-08-02,COMPLIANT,Sok,\nN-0003,,31/02/2026,COMPLIANT,Sok,\n", "inspected_on", "field inspected_on: '31/02/2026' is not a date"),
        ["BAD_NUMBER"] = ("moc-licences", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co", employees: "twelve")), "declared_employees", "'twelve' is not a whole number"),
        ["MISSING_KEY"] = ("moc-licences", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co")[5..]), "registration_no", "required key is empty"),
        ["DUPLICATE_KEY"] = ("moc-licences", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00001", "Alpha Again")), "registration_no", "'00001' already appeared on line 2"),
        ["BAD_ENUM"] = ("moc-licences", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co", status: "ACTIV")), "status", "'ACTIV' is not one of ACTIVE"),
        ["MISSING_NAME"] = ("moc-licences", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "", nameKm: "")), "name_km|name_en", "both names are empty"),
        ["BAD_MONTH"] = ("nssf-contributions", Fixtures.ContributionHeader + "\nN-0001,2026-08,10,5000000,130000,130000,2026-09-10\nN-0002,2026-08,4,2000000,52000,52000,2026-09-12\nN-0003,2026-13,7,3500000,91000,91000,2026-09-15\n", "period", "'2026-13' is not a month"),
        ["NEGATIVE_MONEY"] = ("nssf-contributions", Fixtures.ContributionHeader + "\nN-0001,2026-08,10,5000000,130000,130000,2026-09-10\nN-0002,2026-08,4,2000000,52000,52000,2026-09-12\nN-0003,2026-08,7,3500000,91000,-91000,2026-09-15\n", "paid_khr", "'-91000' is a negative amount"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_row_is_quarantined_with_file_line_field_and_reason(DatabaseProvider provider, string reason)
    {
        var (feed, content, field, fragment) = BadRows[reason];
        using var h = new IngestHarness(provider);
        var path = $"{feed}/2026-10-01.csv";
        h.Write(path, content);

        var run = await h.RunAsync();

        var file = Assert.Single(run.Files);
        Assert.Equal("LOADED", file.Status);
        Assert.Equal(3, file.RowsRead);
        Assert.Equal(2, file.RowsLoaded);
        Assert.Equal(1, file.RowsQuarantined);
        var q = Assert.Single(h.Query<QuarantineRow>("SELECT q.line, q.field, q.reason, q.message, q.raw, s.landing_path FROM quarantine q JOIN source_files s ON s.file_id = q.file_id"));
        Assert.Equal(path, q.LandingPath);
        Assert.Equal(4, q.Line);
        Assert.Equal(field, q.Field);
        Assert.Equal(reason, q.Reason);
        Assert.StartsWith($"{path} line 4", q.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, q.Message, StringComparison.Ordinal);
        Assert.EndsWith($"({reason})", q.Message, StringComparison.Ordinal);
        Assert.Equal(content.Split('\n')[3], q.Raw);
        var table = feed.Replace('-', '_');
        Assert.Equal(2, h.Scalar<long>($"SELECT COUNT(*) FROM {table}"));
        var stored = h.Query<(long Read, long Loaded, long Quarantined)>("SELECT rows_read, rows_loaded, rows_quarantined FROM source_files").Single();
        Assert.Equal((3L, 2L, 1L), stored);
        var runRow = h.Query<(long Read, long Loaded, long Quarantined, string Outcome)>("SELECT rows_read, rows_loaded, rows_quarantined, outcome FROM ingest_runs").Single();
        Assert.Equal((3L, 2L, 1L, "SUCCEEDED"), runRow);
    }

    public sealed record QuarantineRow(long Line, string? Field, string Reason, string Message, string Raw, string LandingPath);
}
