using System.IO.Compression;
using System.Text;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Ingest.Reading;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Ingest.Tests;

/// <summary>BOM, gzip, JSONL, dd/MM/yyyy, configured column mappings, unknown columns, as-of from names, jobs, report.</summary>
public class FormatAndMappingTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bom_gzip_and_jsonl_deliveries_load_the_same_rows(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        var csv = Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"));
        h.WriteBytes("moc-licences/a-2026-09-01.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        h.WriteBytes("moc-licences/b-2026-09-02.csv.gz", Gzip(Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co"))));
        h.WriteBytes("moc-licences/c-2026-09-04.jsonl", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(
            "{\"registration_no\":\"00001\",\"name_km\":\"ក្រុមហ៊ុន សុខា\",\"name_en\":\"Alpha Co\",\"declared_employees\":12,\"registered_on\":\"15/01/2020\",\"status\":\"active\",\"colour\":\"red\"}\n"
            + "\n"
            + "{\"registration_no\":\"00004\",\"name_km\":null,\"name_en\":\"Delta Co\",\"declared_employees\":null}\n")]);
        h.WriteBytes("moc-licences/d-2026-09-03.jsonl.gz", Gzip("{\"registration_no\":\"00001\",\"name_en\":\"Alpha Co\"}\n{\"registration_no\":\"00004\",\"name_en\":\"Delta Co\"}"));

        var run = await h.RunAsync();

        Assert.Equal(["LOADED", "LOADED", "LOADED", "LOADED"], run.Files.Select(f => f.Status));
        Assert.Equal([2L, 3L, 2L, 2L], run.Files.Select(f => f.RowsLoaded));
        Assert.Equal(["a-2026-09-01.csv", "b-2026-09-02.csv.gz", "d-2026-09-03.jsonl.gz", "c-2026-09-04.jsonl"], run.Files.Select(f => Path.GetFileName(f.LandingPath)));
        Assert.Equal(["colour"], run.Files[3].UnknownColumns);
        Assert.Equal("colour", h.Scalar<string>("SELECT unknown_columns FROM source_files WHERE landing_path LIKE '%c-2026-09-04.jsonl'"));
        var alpha = h.Query<(string RegisteredOn, long Employees, string Status)>("SELECT registered_on, declared_employees, status FROM moc_licences WHERE registration_no = '00001'").Single();
        Assert.Equal(("2020-01-15", 12L, "ACTIVE"), alpha); // from the last (JSONL) snapshot: dd/MM/yyyy normalised, code upper-cased, number from a JSON number
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Day_first_dates_are_normalised_and_bom_header_is_recognised(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.WriteBytes("moc-licences/2026-09-01.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co", registeredOn: "05/03/2019")))]);

        await h.RunAsync();

        Assert.Equal("2019-03-05", h.Scalar<string>("SELECT registered_on FROM moc_licences"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dates_and_numbers_in_khmer_digits_load_as_their_ascii_values(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.csv", Fixtures.MocFile(
            Fixtures.Moc("00001", "Alpha Co", registeredOn: "០៥/០៣/២០១៩", employees: "១២"),
            Fixtures.Moc("00002", "Beta Co", registeredOn: "២០២០-០១-១៥", employees: "១២x")));

        var run = await h.RunAsync();

        var alpha = h.Query<(string RegisteredOn, long Employees)>("SELECT registered_on, declared_employees FROM moc_licences WHERE registration_no = '00001'").Single();
        Assert.Equal(("2019-03-05", 12L), alpha);
        Assert.Equal(1L, run.Files.Single().RowsLoaded); // a Khmer-digit number with a stray letter is still no number
        Assert.Equal("BAD_NUMBER", h.Scalar<string>("SELECT reason FROM quarantine"));
        Assert.Contains("'១២x'", h.Scalar<string>("SELECT message FROM quarantine"), StringComparison.Ordinal); // quoted as delivered
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Real_export_headers_are_mapped_by_configuration_and_unknown_columns_reported(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider, new Dictionary<string, string?>
        {
            ["Ingest:Mappings:gdt-taxpayers:Numéro TIN"] = "tin",
            ["Ingest:Mappings:gdt-taxpayers:Nom"] = "name_en",
        });
        // Shipped mapping (ingest-mappings.json) for moc-licences, configuration override for gdt-taxpayers.
        h.Write("moc-licences/2026-09-01.csv", "Registration Number,Company Name (Khmer),Company Name (English),Incorporation Date,Insured Workers,Fax\n00001,ក្រុមហ៊ុន សុខា,Alpha Co,15/01/2020,,023 999\n");
        h.Write("gdt-taxpayers/2026-09-01.csv", "Numéro TIN,Nom,Taxpayer Type\nK001-1,Alpha,Small\n");

        var run = await h.RunAsync();

        Assert.Equal(["Insured Workers", "Fax"], run.Files[0].UnknownColumns);
        Assert.Equal(("00001", "Alpha Co", "2020-01-15"), h.Query<(string, string, string)>("SELECT registration_no, name_en, registered_on FROM moc_licences").Single());
        Assert.Equal(("K0011", "Alpha", "SMALL"), h.Query<(string, string, string)>("SELECT tin, name_en, taxpayer_class FROM gdt_taxpayers").Single()); // the key in its canonical form
    }

    [Fact]
    public void As_of_comes_from_the_name_else_the_arrival_time()
    {
        var arrived = new DateTimeOffset(2026, 11, 3, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 10, 1), LandingFile.TryParse("moc-licences", "moc-licences/moc_2026-10-01.csv", 1, arrived)!.AsOf);
        Assert.Equal(new DateOnly(2026, 10, 1), LandingFile.TryParse("moc-licences", "moc-licences/export20261001.csv.gz", 1, arrived)!.AsOf);
        var undated = LandingFile.TryParse("moc-licences", "moc-licences/latest.jsonl", 1, arrived)!;
        Assert.Equal((new DateOnly(2026, 11, 3), "ARRIVAL"), (undated.AsOf, undated.AsOfSource));
        Assert.Equal(new DateOnly(2026, 11, 3), LandingFile.TryParse("moc-licences", "moc-licences/batch-20261399.csv", 1, arrived)!.AsOf);
        Assert.Null(LandingFile.TryParse("moc-licences", "moc-licences/readme.txt", 1, arrived));
    }

    [Fact]
    public void Jobs_ingest_and_an_ingest_and_a_pull_per_feed_are_registered()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);

        var names = h.Services.GetServices<IPipelineJob>().Select(j => j.Name).ToList();

        string[] feeds = ["moc-licences", "gdt-taxpayers", "nssf-employers", "nssf-contributions", "nssf-inspections"];
        Assert.Equal(["ingest", .. feeds.SelectMany(f => new[] { "ingest-" + f, "pull-" + f })], names);
    }

    [Fact]
    public async Task Feed_job_ingests_only_its_feed_and_reports()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-09-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co", status: "??"), Fixtures.Moc("00003", "Gamma", status: "X")));
        h.Write("gdt-taxpayers/2026-09-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-1", "Alpha") + "\n");
        var job = h.Services.GetServices<IPipelineJob>().Single(j => j.Name == "ingest-moc-licences");

        var result = await job.RunAsync(new JobContext("schedule", h.Clock.GetUtcNow()));

        Assert.Equal(1, result.Counts["files_loaded"]);
        Assert.Equal(2, result.Counts["rows_quarantined"]);
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM gdt_taxpayers"));
        Assert.Equal("schedule", h.Scalar<string>("SELECT trigger FROM ingest_runs"));
        var runId = h.Scalar<string>("SELECT run_id FROM ingest_runs");
        Assert.StartsWith("ingest-", runId, StringComparison.Ordinal);
        var md = File.ReadAllText(Path.Combine(h.Exports, "reports", $"{runId}.md"));
        Assert.Contains("**BAD_ENUM**: 2 rows", md, StringComparison.Ordinal);
        Assert.Contains("moc-licences/2026-09-01.csv:3 status: moc-licences/2026-09-01.csv line 3, field status: '??' is not one of", md, StringComparison.Ordinal);
        Assert.Contains("tin 100.0%", md, StringComparison.Ordinal);
        var json = File.ReadAllText(Path.Combine(h.Exports, "reports", $"{runId}.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var moc = doc.RootElement.GetProperty("feeds")[0];
        Assert.Equal("moc-licences", moc.GetProperty("feed").GetString());
        Assert.Equal(2, moc.GetProperty("quarantine")[0].GetProperty("examples").GetArrayLength());
        Assert.Equal(1, moc.GetProperty("current_records").GetInt64());
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return ms.ToArray();
    }
}
