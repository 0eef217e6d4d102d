using System.Reflection;
using Dapper;
using Integration.Alerts.Checks;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Core.Reference;
using Integration.Core.Storage;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Xunit.Abstractions;

namespace Integration.Functions.Tests;

/// <summary>
/// The Azure deployment, end to end on loopback: a generated sample uploaded to Azurite, the worker's timer
/// functions fired in schedule order (ingest per feed, match, alerts) with Storage:Kind=AzureBlob, and licence
/// checks through its HTTP function, on SQLite and on PostgreSQL.
/// </summary>
public class AzureDeploymentEndToEndTests(ITestOutputHelper output)
{
    private static readonly string[] Decisions = ["ALLOW", "BLOCK", "REVIEW"];
    private static readonly string[] Feeds = ["moc-licences", "gdt-taxpayers", "nssf-employers", "nssf-contributions", "nssf-inspections"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sample_on_Azurite_is_ingested_matched_and_checked_through_the_worker_functions(DatabaseProvider provider)
    {
        using var sample = new TempFolder("e2e-sample");
        using var exports = new TempFolder("e2e-exports");
        new RegistryGenerator(new GeneratorOptions { Scale = 300, Seed = 11 }, Gazetteer.Shipped.Value, PersonNames.Shipped).Run(sample.Path);
        var environment = "t" + Guid.NewGuid().ToString("N")[..20];
        var azure = new AzureBlobOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={TestServices.AzuriteAccount};AccountKey={TestServices.AzuriteKey};BlobEndpoint={TestServices.AzuriteBlobEndpoint};",
            LandingContainer = "landing-" + environment,
            RawContainer = "raw-" + environment,
        };
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
        await using var app = FunctionsApp.Start(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = test.Options.ConnectionString,
            ["Storage:Kind"] = "AzureBlob",
            ["Storage:Azure:ConnectionString"] = azure.ConnectionString,
            ["Storage:Azure:LandingContainer"] = azure.LandingContainer,
            ["Storage:Azure:RawContainer"] = azure.RawContainer,
            ["Storage:ExportPath"] = exports.Path,
        });

        // Azure fires the timers in schedule order: each feed, then match, then alerts.
        var functions = app.Get<JobFunctions>();
        foreach (var name in Feeds.Select(f => "ingest-" + f).Append("match").Append("alerts"))
        {
            await (Task)TimerFunction(name).Invoke(functions, [new TimerInfo(), new TestFunctionContext(app.Services)])!;
        }

        var runs = await app.Get<JobRunStore>().ListAsync();
        Assert.Equal(7, runs.Count(r => r.Outcome == "succeeded" && r.TriggeredBy == "azure-functions"));
        string registration;
        using (var conn = test.Db.Open())
        {
            Assert.True(conn.ExecuteScalar<long>("SELECT COUNT(*) FROM enterprises") > 0);
            Assert.Equal(uploaded, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM source_files"));
            registration = conn.QueryFirst<string>("SELECT registration_no FROM moc_licences ORDER BY registration_no");
        }

        Assert.NotEmpty(await new AzureBlobStore(azure, azure.RawContainer).ListAsync("")); // every delivered file kept in the raw zone
        Assert.True(File.Exists(Path.Combine(exports.Path, "licence-checks.csv")));

        // A licensing officer's check through the HTTP function, logged under the signed-in user.
        var check = app.Get<LicenceCheckFunction>();
        var request = Request(("X-MS-CLIENT-PRINCIPAL-NAME", "officer@moc.gov.kh"));
        var result = Assert.IsType<JsonResult>(await check.Run(request, Uri.EscapeDataString(registration), CancellationToken.None));
        var row = Assert.IsType<LicenceCheckRow>(result.Value);
        Assert.Contains(row.Decision, Decisions);
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(row, AlertsJson.Options));
        using (var conn = test.Db.Open())
        {
            Assert.Equal("officer@moc.gov.kh", conn.QuerySingle<string>("SELECT requested_by FROM licence_checks WHERE channel = 'azure-functions'"));
        }

        var unknown = Assert.IsType<ObjectResult>(await check.Run(Request(), "NO-SUCH-NUMBER", CancellationToken.None));
        Assert.Equal((404, "Unknown registration number"), (unknown.StatusCode, Assert.IsType<ProblemDetails>(unknown.Value).Title));
        var badDate = Assert.IsType<ObjectResult>(await check.Run(Request(query: "?asOf=01/11/2026"), registration, CancellationToken.None));
        Assert.Equal(400, badDate.StatusCode);
    }

    private static MethodInfo TimerFunction(string name) =>
        typeof(JobFunctions).GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);

    private static HttpRequest Request((string Name, string Value)? header = null, string query = "")
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.QueryString = new QueryString(query.Length > 0 ? query : null);
        if (header is { } h)
        {
            http.Request.Headers[h.Name] = h.Value;
        }

        return http.Request;
    }
}
