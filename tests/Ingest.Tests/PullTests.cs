using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Integration.Core.Database;
using Integration.Core.Settings;
using Integration.Generator;
using Integration.Ingest.Pull;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Ingest.Tests;

/// <summary>
/// pull-&lt;feed&gt; against a fake ministry endpoint on loopback that times out, answers 500, cuts a body short and serves
/// the same extract twice: every extract lands whole, once, and is ingested once.
/// </summary>
public class PullTests
{
    private static readonly Lazy<byte[]> Licences = new(() =>
    {
        using var folder = new TempFolder("pull-extract");
        new RegistryGenerator(new GeneratorOptions { Scale = 60, Seed = 3, BadRows = new BadRowRates { Rate = 0 } }, Integration.Core.Reference.Gazetteer.Shipped.Value, Integration.Generator.Reference.PersonNames.Shipped).Run(folder.Path);
        return File.ReadAllBytes(Directory.GetFiles(Path.Combine(folder.Path, "moc-licences")).Single());
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_timeout_and_a_500_are_retried_and_the_extract_lands_and_is_ingested_once(DatabaseProvider provider)
    {
        await using var ministry = await FakeMinistry.StartAsync();
        ministry.Extract = Licences.Value;
        ministry.Script.Enqueue(Misbehaviour.Stall);
        ministry.Script.Enqueue(Misbehaviour.Fail);
        using var harness = Harness(provider, ministry);

        var result = await Pull(harness);

        Assert.Equal(PullOutcome.Landed, result.Outcome);
        Assert.Equal(3, ministry.Requests.Count); // stalled, 500, served
        Assert.Equal(Licences.Value, File.ReadAllBytes(Path.Combine(harness.Landing, result.LandingPath!)));
        Assert.Equal("SUCCEEDED", result.Ingest!.Outcome);
        Assert.Equal(Rows(Licences.Value) - result.Ingest.RowsQuarantined, harness.Scalar<long>("SELECT COUNT(*) FROM moc_licences"));
    }

    [Fact]
    public async Task A_cut_body_resumes_with_a_range_request_and_lands_byte_for_byte()
    {
        await using var ministry = await FakeMinistry.StartAsync();
        ministry.Extract = Licences.Value;
        ministry.Script.Enqueue(Misbehaviour.CutBody);
        using var harness = Harness(DatabaseProvider.Sqlite, ministry);

        var result = await Pull(harness);

        Assert.Equal(PullOutcome.Landed, result.Outcome);
        Assert.Contains(ministry.Requests, r => r.Contains($"range=bytes={Licences.Value.Length / 2}-", StringComparison.Ordinal));
        Assert.Equal(Licences.Value, File.ReadAllBytes(Path.Combine(harness.Landing, result.LandingPath!)));
        Assert.Single(harness.Query<string>("SELECT landing_path FROM source_files"));
        Assert.Empty(Directory.GetFiles(harness.Landing, ".tmp-*", SearchOption.AllDirectories)); // nothing half-written left in landing
    }

    [Theory]
    [InlineData(false, PullOutcome.NotModified)] // answers 304 to the ETag it gave
    [InlineData(true, PullOutcome.SameContent)]  // cannot: a new ETag each time for the same bytes
    public async Task The_same_extract_served_twice_is_not_landed_or_loaded_twice(bool changingEtag, PullOutcome second)
    {
        await using var ministry = await FakeMinistry.StartAsync();
        ministry.Extract = Licences.Value;
        ministry.ChangingEtag = changingEtag;
        using var harness = Harness(DatabaseProvider.Sqlite, ministry);
        await Pull(harness);
        var before = harness.Dump();

        var again = await Pull(harness);

        Assert.Equal(second, again.Outcome);
        Assert.Null(again.Ingest);
        Assert.Equal(before, harness.Dump());
        Assert.Single(Directory.GetFiles(Path.Combine(harness.Landing, "moc-licences")));
        Assert.Contains("if-none-match=\"", ministry.Requests.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_stays_down_fails_each_pull_raises_an_alert_and_is_left_alone_by_the_circuit_breaker()
    {
        await using var ministry = await FakeMinistry.StartAsync();
        ministry.Extract = Licences.Value;
        for (var i = 0; i < 100; i++)
        {
            ministry.Script.Enqueue(Misbehaviour.Fail);
        }

        using var harness = Harness(DatabaseProvider.Sqlite, ministry, new() { ["Pull:Sources:moc-licences:MaxAttempts"] = "2" });
        var job = harness.Services.GetServices<Integration.Core.Jobs.IPipelineJob>().Single(j => j.Name == "pull-moc-licences");
        var results = new List<PullResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await Pull(harness));
        }

        Assert.All(results, r => Assert.Equal(PullOutcome.Failed, r.Outcome));
        Assert.Null(results[1].Alert);
        Assert.StartsWith("ALERT pull-moc-licences: source down since ", results[2].Alert, StringComparison.Ordinal);
        Assert.Contains("3 failed pulls in a row", results[2].Alert, StringComparison.Ordinal);
        // Two tries per pull, the circuit open after four failures: the third pull does not reach the source.
        Assert.Equal(4, ministry.Requests.Count);
        Assert.Contains("circuit is open", results[2].Summary, StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<PullFailedException>(() => job.RunAsync(new Integration.Core.Jobs.JobContext("test", DateTimeOffset.UnixEpoch)));
        Assert.Contains("ALERT", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(harness.Landing, "*", SearchOption.AllDirectories));
        Assert.Equal(0, harness.Scalar<long>("SELECT COUNT(*) FROM source_files"));
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_failed_pull_that_lands_nothing()
    {
        await using var ministry = await FakeMinistry.StartAsync();
        ministry.Extract = Licences.Value;
        using var harness = Harness(DatabaseProvider.Sqlite, ministry, new() { ["Pull:Sources:moc-licences:ApiKey"] = "wrong" });

        var result = await Pull(harness);

        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Contains("401", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", result.Summary, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(harness.Landing, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Over_HTTPS_with_a_client_certificate_a_paged_extract_lands_as_one_file()
    {
        using var serverCert = SelfSigned("CN=camdx.test.local");
        using var clientCert = SelfSigned("CN=KH/GOV/NSSF/INTEGRATION");
        await using var ministry = await FakeMinistry.StartAsync(serverCert);
        ministry.Extract = Licences.Value;
        ministry.PageRows = 25;
        ministry.RequiredClientThumbprint = clientCert.Thumbprint;
        using var folder = new TempFolder("pull-cert");
        var pfx = folder.Combine("client.pfx");
        File.WriteAllBytes(pfx, clientCert.Export(X509ContentType.Pkcs12, "pfx-secret"));
        using var harness = Harness(DatabaseProvider.Sqlite, ministry, new()
        {
            ["Pull:Sources:moc-licences:AllowInsecureHttp"] = "false",
            ["Pull:Sources:moc-licences:ClientCertificatePath"] = pfx,
            ["Pull:Sources:moc-licences:ClientCertificatePassword"] = "pfx-secret",
            ["Pull:Sources:moc-licences:ServerCertificateSha256"] = Convert.ToHexString(SHA256.HashData(serverCert.RawData)),
            ["Pull:Sources:moc-licences:XRoadClient"] = "KH/GOV/NSSF/INTEGRATION",
            ["Pull:Sources:moc-licences:Paging"] = "PageNumber",
        });

        var result = await Pull(harness);

        Assert.Equal(PullOutcome.Landed, result.Outcome);
        var pages = (Rows(Licences.Value) + 24) / 25;
        Assert.Equal(pages, result.Pages);
        Assert.Equal(pages + 1, ministry.Requests.Count); // the last page asked is empty
        Assert.Equal(Licences.Value, File.ReadAllBytes(Path.Combine(harness.Landing, result.LandingPath!)));
    }

    [Fact]
    public async Task Plain_HTTP_is_refused_at_start_unless_allowed_and_a_feed_without_source_does_nothing()
    {
        await using var ministry = await FakeMinistry.StartAsync();
        using var refusing = Harness(DatabaseProvider.Sqlite, ministry, new() { ["Pull:Sources:moc-licences:AllowInsecureHttp"] = "false" });
        using var allowing = Harness(DatabaseProvider.Sqlite, ministry);

        var refused = Assert.Throws<OptionsValidationException>(refusing.Services.ValidateSettings);
        var none = await allowing.Services.GetRequiredService<PullService>().PullAsync("gdt-taxpayers", "test", CancellationToken.None);

        Assert.Equal(["Pull:Sources:moc-licences:Url is plain HTTP; ministry extracts go over HTTPS (set AllowInsecureHttp only for a trusted network)."], refused.Failures);
        Assert.Empty(ministry.Requests);
        Assert.Equal(PullOutcome.NotConfigured, none.Outcome);
    }

    private static IngestHarness Harness(DatabaseProvider provider, FakeMinistry ministry, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Pull:Sources:moc-licences:Url"] = ministry.Url,
            ["Pull:Sources:moc-licences:AllowInsecureHttp"] = "true",
            ["Pull:Sources:moc-licences:ApiKey"] = FakeMinistry.ApiKey,
            ["Pull:Sources:moc-licences:TimeoutSeconds"] = "1",
            ["Pull:Sources:moc-licences:MaxAttempts"] = "3",
            ["Pull:Sources:moc-licences:RetryBaseSeconds"] = "0.05",
            ["Pull:Sources:moc-licences:BreakAfterFailures"] = "4",
            ["Pull:Sources:moc-licences:AlertAfterFailedPulls"] = "3",
            ["Pull:WorkPath"] = Path.Combine(Path.GetTempPath(), "integration-tests", "pull-" + Guid.NewGuid().ToString("N")[..8]),
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        return new IngestHarness(provider, settings);
    }

    private static Task<PullResult> Pull(IngestHarness harness) =>
        harness.Services.GetRequiredService<PullService>().PullAsync("moc-licences", "test", CancellationToken.None);

    private static long Rows(byte[] csv) => System.Text.Encoding.UTF8.GetString(csv).TrimEnd('\n').Split('\n').Length - 1;

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }
}
