using Integration.Core.Database;

namespace Integration.Ingest.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, row 8): dates are read against a plausible range; a Buddhist-era year is
/// recognised and refused clearly (or converted when an offset is configured); year 0001 and 9999 are refused.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class PlausibleDateTests
{
    [Theory]
    [InlineData("2569-10-01", "BUDDHIST_ERA_DATE", "'2569-10-01' looks like a Buddhist-era date (2569 BE is 2025/2026 CE); send Gregorian dates, or set Dates:BuddhistEraOffset (543 or 544) for this source")]
    [InlineData("01/10/2569", "BUDDHIST_ERA_DATE", "'01/10/2569' looks like a Buddhist-era date")]
    [InlineData("0001-01-01", "IMPLAUSIBLE_DATE", "'0001-01-01' is outside the plausible range 1900-01-01..2046-10-01 (Dates:EarliestYear, Dates:MaxYearsAhead)")]
    [InlineData("9999-12-31", "IMPLAUSIBLE_DATE", "'9999-12-31' is outside the plausible range")]
    public async Task Implausible_dates_are_refused_saying_why(string date, string reason, string message)
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co", registeredOn: date)));

        await h.RunAsync();

        // registered_on is optional: the date is left empty and the row loads (field_warnings says why).
        var w = h.Query<(string Reason, string Field, string Message)>("SELECT reason, field, message FROM field_warnings").Single();
        Assert.Equal((reason, "registered_on"), (w.Reason, w.Field));
        Assert.Contains(message, w.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM quarantine"));
        Assert.Null(h.Scalar<string?>("SELECT registered_on FROM moc_licences WHERE registration_no = '00002'"));
    }

    [Fact]
    public async Task With_an_offset_configured_Buddhist_era_dates_and_months_are_converted()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Dates:BuddhistEraOffset"] = "543" });
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co", registeredOn: "2569-02-01")));
        h.Write("gdt-taxpayers/2026-10-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-100000001", "Alpha", period: "2569-09") + "\n");

        await h.RunAsync();

        Assert.Equal("2026-02-01", h.Scalar<string>("SELECT registered_on FROM moc_licences"));
        Assert.Equal("2026-09", h.Scalar<string>("SELECT employees_period FROM gdt_taxpayers"));
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM quarantine"));
    }

    [Fact]
    public async Task A_month_in_the_Buddhist_era_is_refused_like_a_date()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("gdt-taxpayers/2026-10-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-100000001", "Alpha", period: "2569-09") + "\n");

        await h.RunAsync();

        // employees_period is what makes the GDT headcount evidence (rules.md): refused with its row, not blanked.
        Assert.Equal(("BUDDHIST_ERA_DATE", "employees_period"), h.Query<(string, string)>("SELECT reason, field FROM quarantine").Single());
    }

    [Theory]
    [InlineData("moc_2569-10-01.csv", "the date in the name, 2569-10-01, looks like a Buddhist-era date")]
    [InlineData("moc_99991231.csv", "the date in the name, 9999-12-31, is outside the plausible range")]
    [InlineData("moc_2027-06-01.csv", "the date in the name, 2027-06-01, is after today (2026-11-20)")]
    public async Task A_file_whose_name_gives_an_impossible_as_of_is_not_read(string name, string why)
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/" + name, Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co")));

        var run = await h.RunAsync();

        Assert.Empty(run.Files);
        var ignored = Assert.Single(run.IgnoredFiles);
        Assert.StartsWith($"moc-licences/{name} ({why}", ignored, StringComparison.Ordinal);
        Assert.EndsWith("(BAD_AS_OF))", ignored, StringComparison.Ordinal);
    }
}
