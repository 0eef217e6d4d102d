using Integration.Core.Database;
using Integration.Ingest.Validation;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

/// <summary>
/// A name_km that cannot be used as delivered (legacy Khmer font, a Latin name in the Khmer column) costs the
/// field, not the row: the row loads, the field is blanked or moved, and field_warnings records file, line,
/// field, reason, action and the value as delivered; the data-quality report lists it.
/// </summary>
public class FieldWarningTests
{
    private const string Path = "moc-licences/2026-10-01.csv";

    public static TheoryData<DatabaseProvider> Providers() => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Legacy_font_name_km_is_blanked_and_the_row_loads_with_a_field_warning(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co", nameKm: "Rkumh‘ sux")));

        var run = await h.RunAsync();

        var file = Assert.Single(run.Files);
        Assert.Equal((3L, 3L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined));
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM quarantine"));
        var stored = h.Query<(string? NameKm, string? NameEn)>("SELECT name_km, name_en FROM moc_licences WHERE registration_no = '00003'").Single();
        Assert.Equal((null, "Gamma Co"), stored);
        var w = Assert.Single(Warnings(h));
        Assert.Equal((Path, 4L, "00003", "name_km", QuarantineReason.LegacyKhmerFont, FieldAction.Blanked, "Rkumh‘ sux"), (w.LandingPath, w.Line, w.SourceKey, w.Field, w.Reason, w.Action, w.Original));
        Assert.StartsWith($"{Path} line 4, field name_km: 'Rkumh‘ sux' has no Khmer Unicode character", w.Message, StringComparison.Ordinal);
        Assert.EndsWith("(LEGACY_KHMER_FONT)", w.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Latin_name_in_name_km_becomes_name_en_when_that_is_empty(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "", nameKm: "Sokha Trading Co. Ltd.")));

        await h.RunAsync();

        Assert.Equal((null, "Sokha Trading Co. Ltd."), h.Query<(string? NameKm, string? NameEn)>("SELECT name_km, name_en FROM moc_licences WHERE registration_no = '00002'").Single());
        var w = Assert.Single(Warnings(h));
        Assert.Equal((3L, QuarantineReason.LatinInKhmerName, FieldAction.MovedToNameEn, "Sokha Trading Co. Ltd."), (w.Line, w.Reason, w.Action, w.Original));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Names_typed_into_each_others_columns_are_exchanged(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "ក្រុមហ៊ុន សុខា ឯ.ក", nameKm: "SOKHA CO. LTD.")));

        await h.RunAsync();

        Assert.Equal(("ក្រុមហ៊ុន សុខា ឯ.ក", "SOKHA CO. LTD."), h.Query<(string? NameKm, string? NameEn)>("SELECT name_km, name_en FROM moc_licences").Single());
        Assert.Equal(FieldAction.SwappedWithNameEn, Assert.Single(Warnings(h)).Action);
    }

    [Fact]
    public async Task A_legacy_font_name_km_with_no_name_en_still_loads_the_record_without_a_name()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "", nameKm: "kÈP±BsÀ±f ¤.k")));

        var run = await h.RunAsync();

        Assert.Equal(1, Assert.Single(run.Files).RowsLoaded);
        Assert.Equal((null, null), h.Query<(string? NameKm, string? NameEn)>("SELECT name_km, name_en FROM moc_licences").Single());
        Assert.Equal(QuarantineReason.LegacyKhmerFont, Assert.Single(Warnings(h)).Reason);
    }

    [Fact]
    public async Task Redelivery_changes_nothing_and_a_later_snapshot_records_its_own_warning_without_a_change()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        var content = Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co", nameKm: "Rkumh‘ sux"));
        h.Write(Path, content);
        await h.RunAsync();
        h.Write("moc-licences/again.csv", content); // the same bytes under another name
        await h.RunAsync();
        Assert.Single(Warnings(h));

        h.Write("moc-licences/2026-11-01.csv", content + Fixtures.Moc("00002", "Beta Co") + "\n"); // new bytes, the same row 00001
        await h.RunAsync();

        Assert.Equal(["moc-licences/2026-10-01.csv", "moc-licences/2026-11-01.csv"], Warnings(h).Select(w => w.LandingPath).Order(StringComparer.Ordinal));
        Assert.Equal(["NEW"], h.Query<string>("SELECT change FROM record_history WHERE source_key = '00001'"));
    }

    [Fact]
    public async Task The_data_quality_report_lists_field_repairs_with_file_line_and_field()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write(Path, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co", nameKm: "Rkumh‘ sux"), Fixtures.Moc("00002", "", nameKm: "Sokha Trading")));

        var run = await h.RunAsync();

        var markdown = await File.ReadAllTextAsync(Assert.IsType<string>(run.ReportPath));
        Assert.Contains("field repaired, row loaded, **LEGACY_KHMER_FONT**: 1 fields", markdown, StringComparison.Ordinal);
        Assert.Contains($"{Path}:2 name_km: {Path} line 2, field name_km: 'Rkumh‘ sux'", markdown, StringComparison.Ordinal);
        Assert.Contains("**LATIN_IN_KHMER_NAME**: 1 fields", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sokha Trading Co. Ltd.")]
    [InlineData("CHHAY & NUON COFFEE ENTERPRISE")]
    [InlineData("Channary\u200bBun")]
    [InlineData("GoldenStarTrading")]
    [InlineData("LV IMP-EXP")]
    [InlineData("Int’l Café Phnom Penh")]
    [InlineData("N M HOTEL SOLE PROPRIETORSHIP")]
    public void Latin_names_read_as_names(string text) => Assert.True(LegacyFontText.IsLatinName(text), text);

    [Theory]
    [InlineData("Rkumh‘ sux")]
    [InlineData("k©umh‘un")]
    [InlineData("kÈP±BsÀ±f ¤.k")]
    [InlineData("DÈB®")]
    [InlineData("kRkum Ttk")]
    [InlineData("sÐt [mÖ")]
    [InlineData("Xkcqmtrb")]
    public void Legacy_font_text_does_not_read_as_a_name(string text) => Assert.False(LegacyFontText.IsLatinName(text), text);

    private static List<WarningRow> Warnings(IngestHarness h) => h.Query<WarningRow>(
        "SELECT s.landing_path, w.line, w.source_key, w.field, w.reason, w.action, w.message, w.original FROM field_warnings w JOIN source_files s ON s.file_id = w.file_id ORDER BY w.id");

    public sealed record WarningRow(string LandingPath, long Line, string SourceKey, string Field, string Reason, string Action, string Message, string Original);
}
