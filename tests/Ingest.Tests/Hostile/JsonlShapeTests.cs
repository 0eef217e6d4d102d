using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Ingest.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, row 4): a JSONL object naming a column twice is quarantined as such
/// (as a CSV header with a column twice is refused), and a value of the wrong JSON type is reported as what it is.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class JsonlShapeTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_property_given_twice_quarantines_its_row_and_the_first_value_keeps_the_record(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.jsonl", "{\"registration_no\":\"00001\",\"name_en\":\"Alpha\"}\n{\"registration_no\":\"00002\",\"name_en\":\"Beta\"}\n");
        await h.RunAsync();
        h.Write("moc-licences/2026-10-01.jsonl",
            "{\"registration_no\":\"00001\",\"name_en\":\"Alpha\",\"name_en\":\"Mallory Holdings\"}\n"
            + "{\"registration_no\":\"00002\",\"name_en\":\"Beta\",\"Name EN\":\"Eve Trading\"}\n");

        var run = await h.RunAsync();

        var file = Assert.Single(run.Files, f => f.Status == "LOADED");
        Assert.Equal((2L, 0L, 2L), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined));
        var rows = h.Query<(long Line, string Reason, string Message)>("SELECT line, reason, message FROM quarantine ORDER BY line");
        Assert.Equal([(1L, "DUPLICATE_PROPERTY"), (2L, "DUPLICATE_PROPERTY")], rows.Select(r => (r.Line, r.Reason)));
        Assert.Equal("moc-licences/2026-10-01.jsonl line 1, field name_en: the object gives name_en twice; which value is right would be a guess (DUPLICATE_PROPERTY)", rows[0].Message);
        Assert.Contains("(as 'name_en' and 'Name EN')", rows[1].Message, StringComparison.Ordinal);
        Assert.Equal(["Alpha", "Beta"], h.Query<string>("SELECT name_en FROM moc_licences WHERE is_current = 1 ORDER BY registration_no"));
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM record_history WHERE change = 'REMOVED'"));
    }

    [Theory]
    [InlineData("[\"ក្រុមហ៊ុន\"]", "array")]
    [InlineData("{\"text\":\"ក្រុមហ៊ុន\"}", "object")]
    [InlineData("true", "boolean")]
    public async Task A_value_of_the_wrong_json_type_is_reported_as_that_type(string value, string kind)
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-10-01.jsonl", "{\"registration_no\":\"00001\",\"name_en\":\"Alpha\",\"name_km\":" + value + "}\n");

        await h.RunAsync();

        var (reason, field, message) = h.Query<(string, string, string)>("SELECT reason, field, message FROM quarantine").Single();
        Assert.Equal(("WRONG_JSON_TYPE", "name_km"), (reason, field));
        Assert.Equal($"moc-licences/2026-10-01.jsonl line 1, field name_km: a JSON {kind} where text belongs (WRONG_JSON_TYPE)", message);
    }

    [Fact]
    public async Task Numbers_stay_welcome_where_a_number_or_an_identifier_belongs()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-10-01.jsonl", "{\"registration_no\":12345678,\"name_en\":\"Alpha\",\"declared_employees\":12}\n");

        await h.RunAsync();

        Assert.Equal(("12345678", 12L), h.Query<(string, long)>("SELECT registration_no, declared_employees FROM moc_licences").Single());
    }
}
