using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Ingest.Tests.Hostile;

/// <summary>Hostile input and faults (issue 12, row 3): control characters never reach a key or a field; the row is quarantined saying which.</summary>
[Trait("Suite", "Hostile")]
public sealed class ControlCharacterTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_NUL_byte_as_registration_no_is_quarantined_not_loaded_as_a_key(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), "\0" + Fixtures.Moc("00002", "Beta Co")[5..]));

        var file = Assert.Single((await h.RunAsync()).Files);

        Assert.Equal((1L, 1L), (file.RowsLoaded, file.RowsQuarantined));
        Assert.Equal(["00001"], h.Query<string>("SELECT registration_no FROM moc_licences"));
        var (reason, field, message) = h.Query<(string, string, string)>("SELECT reason, field, message FROM quarantine").Single();
        Assert.Equal(("CONTROL_CHARACTER", "registration_no"), (reason, field));
        Assert.Equal("moc-licences/2026-10-01.csv line 3, field registration_no: control character U+0000 at position 1 (CONTROL_CHARACTER)", message);
    }

    [Theory]
    [InlineData("\\u0000", "U+0000")]
    [InlineData("\\u001b[31m", "U+001B")]
    [InlineData("\\u007f", "U+007F")]
    [InlineData("\\u0085", "U+0085")]
    public async Task Control_characters_in_a_jsonl_text_field_are_quarantined(string escaped, string named)
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-10-01.jsonl", "{\"registration_no\":\"00001\",\"name_en\":\"Alpha Co\"}\n{\"registration_no\":\"00002\",\"name_en\":\"Beta" + escaped + " Co\"}\n");

        await h.RunAsync();

        var (reason, message) = h.Query<(string, string)>("SELECT reason, message FROM quarantine").Single();
        Assert.Equal("CONTROL_CHARACTER", reason);
        Assert.Contains($"field name_en: control character {named} at position 5", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tabs_line_breaks_and_Khmer_zero_width_spaces_are_text_not_control_characters()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocHeader + "\n00001,L-1,ក្រុមហ៊ុន\u200Bសុខា,\"Alpha\tCo\nPhnom Penh\",PRIVATE_LIMITED,,2020-01-15,2027-01-15,,ACTIVE,12,Sok Dara,Retail,4711,Phnom Penh,\n");

        var file = Assert.Single((await h.RunAsync()).Files);

        Assert.Equal((1L, 0L), (file.RowsLoaded, file.RowsQuarantined));
    }
}
