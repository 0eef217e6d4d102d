using System.Diagnostics;
using Integration.Core.Reference;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.Host.Api;
using Integration.Ingest.Runs;
using Integration.Matching;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Bench;

/// <summary>Seconds each set-up step took, and what the generator wrote.</summary>
public sealed record SampleTimings(GenerationSummary Generated, double Generate, double Ingest, double Match);

/// <summary>
/// The set-up the HTTP benchmarks share: the real API host over a fresh data folder (SQLite unless told
/// otherwise), loaded with N generated firms that are ingested and matched through the real services.
/// </summary>
public static class BenchSample
{
    public static WebApplication BuildHost(string dir, string provider = "sqlite", string? connection = null) =>
        ApiHost.Build(
            [],
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["Database:ConnectionString"] = connection ?? Path.Combine(dir, "bench.db"),
                ["Storage:LandingPath"] = Path.Combine(dir, "landing"),
                ["Storage:RawPath"] = Path.Combine(dir, "raw"),
                ["Storage:ExportPath"] = Path.Combine(dir, "exports"),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            },
            new ServeSettings(Urls: "http://127.0.0.1:0"));

    /// <summary>Generates <paramref name="firms"/> firms into <c>dir/landing</c>, ingests every feed and matches, timing each step.</summary>
    public static async Task<SampleTimings> LoadAsync(WebApplication app, string dir, int firms, int seed)
    {
        var sw = Stopwatch.StartNew();
        var generated = new RegistryGenerator(new GeneratorOptions { Scale = firms, Seed = seed }, app.Services.GetRequiredService<Gazetteer>(), PersonNames.Shipped)
            .Run(Path.Combine(dir, "landing"));
        var generate = sw.Elapsed.TotalSeconds;
        sw.Restart();
        await app.Services.GetRequiredService<IngestService>().RunAsync(new IngestRequest("bench"));
        var ingest = sw.Elapsed.TotalSeconds;
        sw.Restart();
        await app.Services.GetRequiredService<MatchRunner>().RunAsync();
        return new SampleTimings(generated, generate, ingest, sw.Elapsed.TotalSeconds);
    }
}
