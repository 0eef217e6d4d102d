using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Integration.Ingest.Tests;

/// <summary>What the fake endpoint does to the next request.</summary>
public enum Misbehaviour
{
    None,

    /// <summary>Answers only after longer than the client waits.</summary>
    Stall,

    /// <summary>500 Internal Server Error.</summary>
    Fail,

    /// <summary>Announces the whole length, sends half of the body and drops the connection.</summary>
    CutBody,
}

/// <summary>
/// A ministry's extract endpoint in the test process (Kestrel on loopback): serves <see cref="Extract"/> (or pages of
/// it) with an ETag and Last-Modified, honours Range / If-Range / If-None-Match / If-Modified-Since like a real
/// server, checks the API key, and misbehaves on demand, request by request.
/// </summary>
public sealed class FakeMinistry : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-1";
    private readonly WebApplication _app;

    private FakeMinistry(WebApplication app) => _app = app;

    public byte[] Extract { get; set; } = [];

    /// <summary>When set, the extract is served in pages of this many data rows (?page=1, 2, ...), each with the CSV header.</summary>
    public int? PageRows { get; set; }

    /// <summary>A new ETag per response for the same bytes: a server that cannot answer 304.</summary>
    public bool ChangingEtag { get; set; }

    public ConcurrentQueue<Misbehaviour> Script { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public string? RequiredClientThumbprint { get; set; }

    public string Url => _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/extracts/moc-licences";

    public static async Task<FakeMinistry> StartAsync(X509Certificate2? serverCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            if (serverCertificate is not null)
            {
                l.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = serverCertificate, ClientCertificateMode = ClientCertificateMode.AllowCertificate, ClientCertificateValidation = (_, _, _) => true });
            }
        }));
        var app = builder.Build();
        var self = new FakeMinistry(app);
        app.MapGet("/extracts/moc-licences", (Func<HttpContext, Task<IResult>>)self.ServeAsync);
        await app.StartAsync();
        return self;
    }

    private async Task<IResult> ServeAsync(HttpContext http)
    {
        var range = http.Request.Headers.Range.ToString();
        Requests.Enqueue($"{http.Request.QueryString} range={range} if-none-match={http.Request.Headers.IfNoneMatch}");
        if (RequiredClientThumbprint is not null && (await http.Connection.GetClientCertificateAsync())?.Thumbprint != RequiredClientThumbprint)
        {
            return Results.StatusCode(403);
        }

        if (http.Request.Headers["X-Api-Key"] != ApiKey)
        {
            return Results.StatusCode(401);
        }

        Script.TryDequeue(out var next);
        switch (next)
        {
            case Misbehaviour.Stall:
                await Task.Delay(TimeSpan.FromSeconds(3), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(503);
            case Misbehaviour.Fail:
                return Results.StatusCode(500);
            case Misbehaviour.CutBody:
                var body = Body(http);
                http.Response.ContentLength = body.Length;
                http.Response.Headers.ETag = Etag(body);
                http.Response.ContentType = "text/csv";
                await http.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await http.Response.Body.FlushAsync();
                await Task.Delay(200); // let the half reach the client before the connection drops
                http.Abort();
                return Results.Empty;
        }

        var bytes = Body(http);
        return Results.Bytes(bytes, "text/csv", lastModified: new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero),
            entityTag: new EntityTagHeaderValue(Etag(bytes)), enableRangeProcessing: true);
    }

    private byte[] Body(HttpContext http)
    {
        if (PageRows is not { } rows)
        {
            return Extract;
        }

        var lines = System.Text.Encoding.UTF8.GetString(Extract).TrimEnd('\n').Split('\n');
        var page = int.Parse(http.Request.Query["page"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var slice = lines.Skip(1 + ((page - 1) * rows)).Take(rows);
        return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', slice.Prepend(lines[0])) + "\n");
    }

    private string Etag(byte[] bytes) =>
        "\"" + (ChangingEtag ? Guid.NewGuid().ToString("N") : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16]) + "\"";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
