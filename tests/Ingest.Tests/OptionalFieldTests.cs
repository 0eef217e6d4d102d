using Integration.Core.Database;
using Integration.Ingest.Validation;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

/// <summary>
/// A bad value in an optional column (a date no decision reads, an optional code, a contact or address part) costs
/// the field, not the row: the row loads with the field empty, and field_warnings records file, line, field, reason
/// and the value as delivered; the data-quality report lists it. Keys, names, status and numbers still quarantine.
/// </summary>
public class OptionalFieldTests
{
    private const string Path = "moc-licences/2026-10-01.csv";

    public static TheoryData<DatabaseProvider> Providers() => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bad_optional_date_is_blanked_and_the_row_loads_with_a_field_warning(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co", registeredOn: "31/02/2026")));

        var run = await h.RunAsync();

        var file = Assert.Single(run.Files);
        Assert.Equal((3L, 3L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined));
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM quarantine"));
        Assert.Equal(("Gamma Co", "ACTIVE"), h.Query<(string, string)>("SELECT name_en, status FROM moc_licences WHERE registration_no = '00003' AND registered_on IS NULL").Single());
        var w = Assert.Single(Warnings(h));
        Assert.Equal((Path, 4L, "00003", "registered_on", QuarantineReason.BadDate, FieldAction.Blanked, "31/02/2026"), (w.LandingPath, w.Line, w.SourceKey, w.Field, w.Reason, w.Action, w.Original));
        Assert.StartsWith($"{Path} line 4, field registered_on: '31/02/2026' is not a date", w.Message, StringComparison.Ordinal);
        Assert.EndsWith("; field left empty, the row is loaded (BAD_DATE)", w.Message, StringComparison.Ordinal);

        var md = File.ReadAllText(System.IO.Path.Combine(h.Exports, "reports", $"{run.RunId}.md"));
        Assert.Contains("**BAD_DATE**: 1 fields", md, StringComparison.Ordinal);
        Assert.Contains($"{Path}:4 registered_on: {Path} line 4, field registered_on", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2569-10-01", "BUDDHIST_ERA_DATE")]
    [InlineData("9999-12-31", "IMPLAUSIBLE_DATE")]
    public async Task Implausible_optional_date_is_blanked_not_the_row(string date, string reason)
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co", registeredOn: date)));

        await h.RunAsync();

        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM quarantine"));
        Assert.Equal(["00001", "00002"], h.Query<string>("SELECT registration_no FROM moc_licences ORDER BY registration_no"));
        var w = Assert.Single(Warnings(h));
        Assert.Equal(("registered_on", reason, date), (w.Field, w.Reason, w.Original));
    }

    [Fact]
    public async Task Unknown_optional_code_and_control_character_in_a_contact_blank_only_their_fields()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        // The phone is the last column: a BEL after it is a control character in the phone field.
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co").Replace("PRIVATE_LIMITED", "PLC", StringComparison.Ordinal), Fixtures.Moc("00002", "Beta Co") + "\u0007"));

        await h.RunAsync();

        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM quarantine"));
        Assert.Equal(2, h.Scalar<long>("SELECT COUNT(*) FROM moc_licences"));
        Assert.Equal(
            ["2 entity_type BAD_ENUM PLC", "3 phone CONTROL_CHARACTER 012 345 678\u0007"],
            Warnings(h).Select(w => $"{w.Line} {w.Field} {w.Reason} {w.Original}"));
        Assert.Null(h.Scalar<string?>("SELECT entity_type FROM moc_licences WHERE registration_no = '00001'"));
        Assert.Null(h.Scalar<string?>("SELECT phone FROM moc_licences WHERE registration_no = '00002'"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bad_values_in_keys_or_in_columns_a_rule_reads_still_quarantine_the_row(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co", status: "ACTIV"), Fixtures.Moc("00002", "Beta Co", employees: "twelve")));
        h.Write("nssf-contributions/2026-10-01.csv", Fixtures.ContributionHeader + "\nN-0001,2026-13,10,5000000,130000,130000,2026-09-10\n");
        h.Write("nssf-employers/2026-10-01.csv", "nssf_id,name_en,registered_on,status,insured_workers\nN-0001,Alpha Co,31/02/2026,ACTIVE,10\n");
        h.Write("gdt-taxpayers/2026-10-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-100000001", "Alpha", period: "2026-13") + "\n");

        await h.RunAsync();

        Assert.Equal(
            ["2 employees_period BAD_MONTH", "2 period BAD_MONTH", "2 registered_on BAD_DATE", "2 status BAD_ENUM", "3 declared_employees BAD_NUMBER"],
            h.Query<(long Line, string Field, string Reason)>("SELECT line, field, reason FROM quarantine ORDER BY line, field").Select(q => $"{q.Line} {q.Field} {q.Reason}"));
        Assert.Empty(Warnings(h));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Redelivering_a_row_with_a_blanked_field_changes_nothing(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        var content = Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co", registeredOn: "31/02/2026"));
        h.Write(Path, content);
        await h.RunAsync();
        h.Write("moc-licences/2026-10-02.csv", content);
        h.Write("moc-licences/2026-10-03.csv", content.Replace("2027-01-15", "15/01/2027", StringComparison.Ordinal));

        await h.RunAsync();

        // The same bytes again are a duplicate delivery; a new snapshot holding the same row (other bytes) touches it.
        Assert.Equal(["00001 NEW"], h.Query<(string Key, string Change)>("SELECT source_key, change FROM record_history").Select(r => $"{r.Key} {r.Change}"));
        Assert.Null(h.Scalar<string?>("SELECT registered_on FROM moc_licences"));
        // Recorded for every applied file that has the row, as quarantine is: each file's report says what it held.
        Assert.Equal([2L, 2L], Warnings(h).Select(w => w.Line));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Legacy_font_name_km_is_blanked_and_the_row_loads(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co", nameKm: "kÈP±BsÀ±f ¤.k")));

        await h.RunAsync();

        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM quarantine"));
        Assert.Equal((null, "Alpha Co"), h.Query<(string?, string)>("SELECT name_km, name_en FROM moc_licences").Single());
        var w = Assert.Single(Warnings(h));
        Assert.Equal(("name_km", QuarantineReason.LegacyKhmerFont, FieldAction.Blanked, "kÈP±BsÀ±f ¤.k"), (w.Field, w.Reason, w.Action, w.Original));
    }

    private static List<Warning> Warnings(IngestHarness h) => h.Query<Warning>(
        "SELECT s.landing_path, w.line, w.source_key, w.field, w.reason, w.action, w.message, w.original FROM field_warnings w JOIN source_files s ON s.file_id = w.file_id ORDER BY w.file_id, w.line, w.field");

    public sealed record Warning(string LandingPath, long Line, string SourceKey, string Field, string Reason, string Action, string Message, string Original);
}
