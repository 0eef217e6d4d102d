using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Integration.Core.Storage;
using Integration.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Host.Tests.Storage;

/// <summary>
/// <c>Storage:Azure:Credential=ManagedIdentity</c> end to end, as on an App Service or Function App: Azure.Identity's
/// ManagedIdentityCredential asks the platform's identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER, played here
/// by Kestrel on loopback) for a storage token and the blob store sends it as a bearer token to an Azurite that
/// checks bearer tokens (HTTPS, <c>--oauth basic</c>: issuer, audience and lifetime, not the signature).
/// </summary>
[Collection(nameof(ManagedIdentityEnvironment))] // sets process-wide environment variables
public class ManagedIdentityBlobTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("5b0d9c62-27a8-4bb5-9c0f-6e9f5d2b7c11")]
    public async Task A_managed_identity_token_writes_lists_and_reads_blobs(string? userAssignedClientId)
    {
        await using var identity = await FakeIdentityEndpoint.StartAsync();
        using var env = identity.AsPlatform();
        var options = new AzureBlobOptions
        {
            ServiceUri = TestServices.AzuriteOAuthEndpoint,
            Credential = AzureCredential.ManagedIdentity,
            ManagedIdentityClientId = userAssignedClientId ?? "",
        };
        var store = new AzureBlobStore(options, AzureBlobStoreTests.NewContainer(), TrustingAzurite());

        await store.WriteAsync("moc-licences/2026-11-01.csv", new MemoryStream("registration_no\nR-1\n"u8.ToArray()));
        var listed = await store.ListAsync("moc-licences");
        await using var read = await store.OpenReadAsync("moc-licences/2026-11-01.csv");

        Assert.Equal(["moc-licences/2026-11-01.csv"], listed.Select(b => b.Path));
        Assert.Equal("registration_no\nR-1\n", await new StreamReader(read).ReadToEndAsync());
        var asked = Uri.UnescapeDataString(Assert.Single(identity.Requests.Distinct()));
        Assert.Contains("resource=https://storage.azure.com", asked, StringComparison.Ordinal);
        if (userAssignedClientId is not null)
        {
            Assert.Contains("client_id=" + userAssignedClientId, asked, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_the_service_rejects_is_a_refusal_not_a_retry()
    {
        await using var identity = await FakeIdentityEndpoint.StartAsync(issuer: "https://login.example.org/not-entra/");
        using var env = identity.AsPlatform();
        // Its own client id: managed identity tokens are cached per identity for the whole process.
        var options = new AzureBlobOptions
        {
            ServiceUri = TestServices.AzuriteOAuthEndpoint,
            Credential = AzureCredential.ManagedIdentity,
            ManagedIdentityClientId = "0f3c1a55-9d0e-4c38-8a5e-2f1f7d6f9a01",
        };
        var store = new AzureBlobStore(options, AzureBlobStoreTests.NewContainer(), TrustingAzurite());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync("a/b.csv", new MemoryStream("x"u8.ToArray())));

        Assert.Contains("403", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", e.Message, StringComparison.Ordinal); // no token in the message
    }

    /// <summary>The OAuth Azurite's certificate is self-signed (scripts/services.sh): trust exactly that one.</summary>
    private static BlobClientOptions TrustingAzurite()
    {
        using var pinned = X509Certificate2.CreateFromPem(File.ReadAllText(TestServices.AzuriteOAuthCertificate));
        var thumbprint = pinned.GetCertHashString();
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == thumbprint;
        return new BlobClientOptions { Transport = new HttpClientTransport(handler), Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(10) } };
    }

    /// <summary>The App Service managed identity protocol (api-version 2019-08-01) on loopback, handing out unsigned Entra-shaped tokens.</summary>
    private sealed class FakeIdentityEndpoint : IAsyncDisposable
    {
        private const string Secret = "identity-header-secret";
        private readonly WebApplication _app;

        private FakeIdentityEndpoint(WebApplication app, string endpoint)
        {
            _app = app;
            Endpoint = endpoint;
        }

        public string Endpoint { get; }

        public ConcurrentQueue<string> Requests { get; } = new();

        public static async Task<FakeIdentityEndpoint> StartAsync(string issuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000001/")
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            FakeIdentityEndpoint? self = null;
            app.MapGet("/msi/token", (HttpContext http) =>
            {
                if (http.Request.Headers["X-IDENTITY-HEADER"] != Secret)
                {
                    return Results.StatusCode(401);
                }

                self!.Requests.Enqueue(http.Request.QueryString.Value ?? "");
                var now = DateTimeOffset.UtcNow;
                var resource = http.Request.Query["resource"].ToString();
                var token = Jwt(new { aud = resource, iss = issuer, iat = now.AddMinutes(-5).ToUnixTimeSeconds(), nbf = now.AddMinutes(-5).ToUnixTimeSeconds(), exp = now.AddHours(1).ToUnixTimeSeconds(), oid = "11111111-2222-3333-4444-555555555555" });
                return Results.Json(new Dictionary<string, string>
                {
                    ["access_token"] = token,
                    ["expires_on"] = now.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["resource"] = resource,
                    ["token_type"] = "Bearer",
                });
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            self = new FakeIdentityEndpoint(app, address + "/msi/token");
            return self;
        }

        /// <summary>What the platform sets in a Function App's environment; undone on dispose.</summary>
        public IDisposable AsPlatform() => new EnvironmentScope(new() { ["IDENTITY_ENDPOINT"] = Endpoint, ["IDENTITY_HEADER"] = Secret });

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();

        private static string Jwt(object claims) =>
            Base64Url("""{"alg":"RS256","typ":"JWT"}"""u8.ToArray()) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims)) + "." + Base64Url(Encoding.ASCII.GetBytes("unsigned"));

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _before;

        public EnvironmentScope(Dictionary<string, string> values)
        {
            _before = values.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
            foreach (var (k, v) in values)
            {
                Environment.SetEnvironmentVariable(k, v);
            }
        }

        public void Dispose()
        {
            foreach (var (k, v) in _before)
            {
                Environment.SetEnvironmentVariable(k, v);
            }
        }
    }
}

[CollectionDefinition(nameof(ManagedIdentityEnvironment), DisableParallelization = true)]
public sealed class ManagedIdentityEnvironment;
