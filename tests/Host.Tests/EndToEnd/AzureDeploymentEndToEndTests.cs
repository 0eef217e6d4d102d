using System.Net;
using System.Text.Json;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Core.Storage;
using Integration.Core.Truth;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.Host.Api;
using Integration.Host.Scheduling;
using Integration.Host.Tests.Api;
using Integration.Host.Tests.Functions;
using Integration.Host.Tests.Storage;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Integration.Host.Tests.EndToEnd;

/// <summary>
/// The Azure deployment, end to end on loopback: a generated sample uploaded to Azurite, then the Functions
/// host's timer invocations (ingest per feed, match, alerts) POSTed to the running app with Storage:Kind=AzureBlob,
/// and a licence check answered over HTTP, on SQLite and on PostgreSQL.
/// </summary>
public class AzureDeploymentEndToEndTests(ITestOutputHelper output)
{
    private static readonly string[] Decisions = ["ALLOW", "BLOCK", "REVIEW"];

    private static readonly string[] Feeds = ["moc-licences", "gdt-taxpayers", "nssf-employers", "nssf-contributions", "nssf-inspections"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sample_on_Azurite_is_ingested_matched_and_checked_through_Functions_invocations(DatabaseProvider provider)
    {
        using var sample = new TempFolder("e2e-sample");
        using var exports = new TempFolder("e2e-exports");
        new RegistryGenerator(new GeneratorOptions { Scale = 300, Seed = 11 }, Gazetteer.Shipped.Value, PersonNames.Shipped).Run(sample.Path);
        var environment = AzureBlobStoreTests.NewContainer();
        var azure = AzureBlobStoreTests.SharedKeyOptions();
        azure.LandingContainer = "landing-" + environment;
        azure.RawContainer = "raw-" + environment;
        var landing = new AzureBlobStore(azure, azure.LandingContainer);
        var uploaded = 0;
        foreach (var feed in Feeds)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(sample.Path, feed), "*", SearchOption.AllDirectories))
            {
                await using var stream = File.OpenRead(file);
                await landing.WriteAsync(feed + "/" + Path.GetRelativePath(Path.Combine(sample.Path, feed), file).Replace('\\', '/'), stream);
                uploaded++;
            }
        }

        using var test = TestDatabase.Create(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "AzureBlob",
            ["Storage:Azure:ServiceUri"] = azure.ServiceUri,
            ["Storage:Azure:AccountName"] = azure.AccountName,
            ["Storage:Azure:AccountKey"] = azure.AccountKey,
            ["Storage:Azure:LandingContainer"] = azure.LandingContainer,
            ["Storage:Azure:RawContainer"] = azure.RawContainer,
            ["Storage:ExportPath"] = exports.Path,
        };
        await using var host = await RunningHost.StartAsync(test.Options, new ServeSettings(Functions: true), settings);

        // The Functions host fires the timers in schedule order: each feed, then match, then alerts.
        foreach (var function in Feeds.Select(f => "ingest-" + f).Append("match").Append("alerts"))
        {
            using var response = await host.Http.PostAsync("/" + function, FunctionsPayloadTests.TimerPayload(function, "2026-11-01T19:00:00Z"));
            var body = await ApiHostTests.ReadJsonAsync(response);
            output.WriteLine(body.GetProperty("Logs")[0].GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var runs = await host.Services.GetRequiredService<JobRunStore>().ListAsync();
        Assert.Equal(7, runs.Count(r => r.Outcome == "succeeded"));
        using (var conn = test.Db.Open())
        {
            var truth = GroundTruth.Load(sample.Path);
            Assert.True(conn.ExecuteScalar<long>("SELECT COUNT(*) FROM moc_licences") > 0);
            Assert.True(conn.ExecuteScalar<long>("SELECT COUNT(*) FROM enterprises") > 0);
            Assert.Equal(uploaded, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM source_files"));
            output.WriteLine($"{uploaded} files, {truth.Records.Count} true records");
        }

        var raw = new AzureBlobStore(azure, azure.RawContainer);
        Assert.NotEmpty(await raw.ListAsync("")); // every delivered file kept byte for byte in the raw zone
        Assert.True(File.Exists(Path.Combine(exports.Path, "licence-checks.csv")));

        // A licensing officer's check over HTTP, on a registration number from the sample.
        string registration;
        using (var conn = test.Db.Open())
        {
            registration = conn.QueryFirst<string>("SELECT registration_no FROM moc_licences ORDER BY registration_no");
        }

        using var check = await host.Http.GetAsync("/api/licence-checks/" + Uri.EscapeDataString(registration));
        var decision = await ApiHostTests.ReadJsonAsync(check);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains(decision.GetProperty("decision").GetString(), Decisions);
        output.WriteLine(decision.GetRawText());
    }
}
