using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Ingest.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, row 9): keys are canonical at ingest, so a TIN (a MoC number, an NSSF id)
/// written another way in the next snapshot is the same record: no REMOVED + NEW, first-seen and history kept.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class CanonicalKeyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_TINs_written_without_the_dash_next_time_stay_the_same_records(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("gdt-taxpayers/2026-09-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-901234567", "Alpha") + "\n" + Fixtures.Gdt("E108-100000002", "Beta") + "\n");
        await h.RunAsync();
        h.Write("gdt-taxpayers/2026-10-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001901234567", "Alpha") + "\n" + Fixtures.Gdt("e108 - 100 000 002", "Beta") + "\n");

        var file = Assert.Single((await h.RunAsync()).Files, f => f.Status != "SKIPPED");

        Assert.Equal((0L, 0L, 2L), (file.Changes.New, file.Changes.Removed, file.Changes.Unchanged));
        Assert.Equal(
            [("E108-100000002", "2026-09-01", "2026-10-01", 1L), ("K001-901234567", "2026-09-01", "2026-10-01", 1L)],
            h.Query<(string, string, string, long)>("SELECT tin, first_seen_on, last_seen_on, is_current FROM gdt_taxpayers ORDER BY tin"));
        Assert.Equal(2, h.Scalar<long>("SELECT COUNT(*) FROM record_history"));
    }

    [Theory]
    [InlineData("Co.054321/19E", "CO 054321/19E")]
    [InlineData("Co.054321/19E", "054321/19e")]
    [InlineData("12345678", "1234 5678")]
    [InlineData("12345678", "១២៣៤៥៦៧៨")] // Khmer digits
    public async Task A_MoC_registration_number_written_another_way_is_the_same_record(string first, string then)
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-09-01.csv", Fixtures.MocFile(Fixtures.Moc(first, "Alpha Co")));
        await h.RunAsync();
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc(then, "Alpha Co")));

        var file = Assert.Single((await h.RunAsync()).Files, f => f.Status != "SKIPPED");

        Assert.Equal((0L, 0L), (file.Changes.New, file.Changes.Removed)); // licence_no (L-<number> in the fixture) may change
        Assert.Equal((first, "2026-09-01"), h.Query<(string, string)>("SELECT registration_no, first_seen_on FROM moc_licences").Single());
    }

    [Fact]
    public async Task Two_spellings_of_one_key_in_one_file_are_a_duplicate_key()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("gdt-taxpayers/2026-10-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-901234567", "Alpha") + "\n" + Fixtures.Gdt("k001901234567", "Alpha Two") + "\n");

        await h.RunAsync();

        Assert.Equal("DUPLICATE_KEY", h.Scalar<string>("SELECT reason FROM quarantine"));
        Assert.Equal("Alpha", h.Scalar<string>("SELECT name_en FROM gdt_taxpayers"));
    }

    [Fact]
    public async Task A_key_with_characters_no_register_number_has_is_quarantined()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("gdt-taxpayers/2026-10-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-901234567", "Alpha") + "\n" + Fixtures.Gdt("K001;DROP", "Beta") + "\n");

        await h.RunAsync();

        Assert.Equal(("BAD_IDENTIFIER", "tin"), h.Query<(string, string)>("SELECT reason, field FROM quarantine").Single());
    }
}
