using Dapper;
using Integration.Core;
using Integration.Core.Database;
using Integration.Core.Truth;
using Integration.Ingest;
using Integration.Ingest.Runs;
using Integration.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Generator.Tests;

/// <summary>
/// The generator's promises checked against the real ingest: exactly the rows listed in bad-rows.csv are
/// quarantined, with the matching reason, except those whose fault costs one optional field (they load with a
/// field warning), and the loaded register keys are exactly those of records.csv.
/// </summary>
public class IngestContractTests
{
    private static readonly Dictionary<string, string> Reason = new()
    {
        ["WrongColumnCount"] = "WRONG_COLUMN_COUNT",
        ["BadDate"] = "BAD_DATE",
        ["BadNumber"] = "BAD_NUMBER",
        ["NegativeMoney"] = "NEGATIVE_MONEY",
        ["MissingKey"] = "MISSING_KEY",
        ["DuplicateKey"] = "DUPLICATE_KEY",
        ["LegacyKhmerFont"] = "LEGACY_KHMER_FONT",
    };

    /// <summary>Reasons that repair a field of a row that loads (field_warnings) instead of quarantining it.</summary>

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public Task Ingest_quarantines_exactly_the_listed_bad_rows_and_loads_every_truth_record(DatabaseProvider provider) =>
        IngestAndCompare(provider, new GeneratorOptions { Scale = 600, Seed = 31, AsOf = GeneratedLanding.AsOf, BadRows = new BadRowRates { Rate = 0.02 } });

    [Fact]
    public Task The_same_holds_for_gzipped_jsonl() =>
        IngestAndCompare(DatabaseProvider.Sqlite, new GeneratorOptions { Scale = 400, Seed = 32, AsOf = GeneratedLanding.AsOf, Format = FeedFormat.Jsonl, Gzip = true, BadRows = new BadRowRates { Rate = 0.02 } });

    private static async Task IngestAndCompare(DatabaseProvider provider, GeneratorOptions options)
    {
        using var landing = new GeneratedLanding(options);
        using var database = TestDatabase.Create(provider, IngestMigrations.Set);
        using var raw = new TempFolder("raw");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = database.Options.ConnectionString,
            ["Storage:LandingPath"] = landing.Dir,
            ["Storage:RawPath"] = raw.Path,
            ["Storage:ExportPath"] = raw.Combine("exports"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCoreServices(configuration);
        services.AddIngestServices(configuration);
        await using var sp = services.BuildServiceProvider();

        var result = await sp.GetRequiredService<IngestService>().RunAsync(new IngestRequest("test"));

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        using var conn = database.Db.Open();
        var quarantined = conn.Query<(string Path, long Line, string Reason)>(
            "SELECT f.landing_path, q.line, q.reason FROM quarantine q JOIN source_files f ON f.file_id = q.file_id").ToList();
        // A legacy-font name_km and a bad date no rule reads (every date column but NSSF registration and inspection)
        // cost the field, not the row: those rows load (so they are in records.csv) with a field warning.
        var rows = landing.BadRows.Select(b => (Row: b, Text: $"{b["file"]}:{b["line"]} {Reason[b["kind"]]}")).ToList();
        Assert.Equal(
            rows.Where(r => !GeneratedLanding.LoadsWithFieldWarning(r.Row)).Select(r => r.Text).Order(StringComparer.Ordinal),
            quarantined.Select(q => $"{q.Path.Replace('\\', '/')}:{q.Line} {q.Reason}").Order(StringComparer.Ordinal));
        var warned = conn.Query<(string Path, long Line, string Reason)>(
            "SELECT f.landing_path, w.line, w.reason FROM field_warnings w JOIN source_files f ON f.file_id = w.file_id").ToList();
        Assert.Equal(
            rows.Where(r => GeneratedLanding.LoadsWithFieldWarning(r.Row)).Select(r => r.Text).Order(StringComparer.Ordinal),
            warned.Select(q => $"{q.Path.Replace('\\', '/')}:{q.Line} {q.Reason}").Order(StringComparer.Ordinal));

        var truth = GroundTruth.Load(landing.Dir);
        foreach (var (feed, table, key) in new[] { ("moc-licences", "moc_licences", "registration_no"), ("gdt-taxpayers", "gdt_taxpayers", "tin"), ("nssf-employers", "nssf_employers", "nssf_id") })
        {
            var loaded = conn.Query<string>($"SELECT {key} FROM {table}").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(truth.Records.Where(r => r.Feed == feed).Select(r => r.SourceKey).Order(StringComparer.Ordinal), loaded);
        }
    }
}
