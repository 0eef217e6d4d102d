using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Dapper;
using Integration.Core.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Bench;

/// <summary>
/// Licence checks over real HTTP on loopback: generate N firms, ingest and match them into SQLite (or
/// PostgreSQL), start the real API host on 127.0.0.1, then send single checks for random registration
/// numbers at a fixed open-loop rate (default 1,000/s for 10 s). Latency is measured from the moment a
/// request was due, so a stalled server cannot hide its queue (no coordinated omission). Every check is
/// logged to the database, as in production. Usage:
/// check-latency [--rate 1000] [--seconds 10] [--firms 5000] [--db-provider sqlite|postgres --db CONNSTRING] [--existing].
/// With --existing the database at --db is used as it is (e.g. a national one built once with the CLI, reused for
/// repeated measurements: building 500,000 firms takes minutes), nothing generated; its check log grows by the run.
/// </summary>
public sealed class CheckLatencyBench : IBench
{
    public string Name => "check-latency";

    public string Description => "single licence check over HTTP at 1,000 req/s open loop: p50/p99 latency, throughput (target p99 < 10 ms on 2 cores)";

    public async Task<string> RunAsync(string[] args)
    {
        var rate = Arg(args, "--rate", 1000);
        var seconds = Arg(args, "--seconds", 10);
        var firms = Arg(args, "--firms", 5000);
        var provider = ArgText(args, "--db-provider") ?? "sqlite";
        var dir = Path.Combine(Path.GetTempPath(), "check-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var connection = ArgText(args, "--db");
        var existing = args.Contains("--existing");
        if (existing && connection is null)
        {
            throw new ArgumentException("--existing needs --db: the database to measure.");
        }

        try
        {
            var app = BenchSample.BuildHost(dir, provider, connection);
            var setup = Stopwatch.StartNew();
            int? generated = existing ? null : (await BenchSample.LoadAsync(app, dir, firms, seed: 3)).Generated.Firms;
            string[] numbers;
            using (var conn = app.Services.GetRequiredService<Db>().Open())
            {
                numbers = conn.Query<string>("SELECT registration_no FROM moc_licences WHERE is_current = 1").ToArray();
            }

            var setupSeconds = setup.Elapsed.TotalSeconds;
            var loadAtStart = BenchRunner.LoadAverage();
            await app.StartAsync();
            var baseUri = new Uri(app.Urls.First());
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseUri };

            // Warm-up: JIT, connection pool, database caches.
            await OpenLoop(http, numbers, rate, Math.Max(1, seconds / 5), seed: 1);
            var result = await OpenLoop(http, numbers, rate, seconds, seed: 2);
            var closed = await ClosedLoop(http, numbers, workers: 16, seconds: Math.Max(2, seconds / 2));
            var logged = 0L;
            using (var conn = app.Services.GetRequiredService<Db>().Open())
            {
                logged = conn.ExecuteScalar<long>("SELECT COUNT(*) FROM licence_checks");
            }

            await app.StopAsync();
            await app.DisposeAsync();
            return Report(rate, seconds, numbers.Length, provider, setupSeconds, result, closed, logged, generated, loadAtStart, args);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record LoadResult(double[] LatenciesMs, double[] ServiceMs, int Sent, int Errors, double WallSeconds, double MaxLagMs, Dictionary<string, int> Decisions);

    /// <summary>
    /// Sends request i at start + i/rate whatever happened to earlier ones. A dedicated thread wakes every
    /// millisecond (no spinning: it shares 2 cores with the server) and sends every request that is due;
    /// latency counts from the due time, and separately from the actual send.
    /// </summary>
    private static async Task<LoadResult> OpenLoop(HttpClient http, string[] numbers, int rate, int seconds, int seed)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var service = new double[total];
        var errors = 0;
        var decisions = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var random = new Random(seed);
        var pending = new Task[total];
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var maxLag = 0.0;
        var clock = Stopwatch.StartNew();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

        async Task Send(int index, long due, long sent, string number)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/api/licence-checks/" + Uri.EscapeDataString(number), UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                var now = clock.ElapsedTicks;
                latencies[index] = Ms(now - due);
                service[index] = Ms(now - sent);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                    return;
                }

                var at = body.IndexOf("\"decision\":\"", StringComparison.Ordinal);
                var decision = at < 0 ? "?" : body.Substring(at + 12, body.IndexOf('"', at + 12) - at - 12);
                decisions.AddOrUpdate(decision, 1, (_, n) => n + 1);
            }
            catch (HttpRequestException)
            {
                latencies[index] = Ms(clock.ElapsedTicks - due);
                service[index] = Ms(clock.ElapsedTicks - sent);
                Interlocked.Increment(ref errors);
            }
        }

        var dispatcher = new Thread(() =>
        {
            var next = 0;
            while (next < total)
            {
                var now = clock.ElapsedTicks;
                while (next < total && (long)(next * ticksPerRequest) <= now)
                {
                    var due = (long)(next * ticksPerRequest);
                    maxLag = Math.Max(maxLag, Ms(now - due));
                    pending[next] = Send(next, due, clock.ElapsedTicks, numbers[random.Next(numbers.Length)]);
                    next++;
                }

                Thread.Sleep(1);
            }
        })
        { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "open-loop" };
        dispatcher.Start();
        await Task.Run(dispatcher.Join);
        await Task.WhenAll(pending);
        return new LoadResult(latencies, service, total, errors, clock.Elapsed.TotalSeconds, maxLag, new Dictionary<string, int>(decisions, StringComparer.Ordinal));
    }

    /// <summary>Saturation: a fixed number of clients sending back to back, for the maximum throughput.</summary>
    private static async Task<(int Count, double Seconds)> ClosedLoop(HttpClient http, string[] numbers, int workers, int seconds)
    {
        var count = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(100 + w);
            while (clock.Elapsed < end)
            {
                using var response = await http.GetAsync(new Uri("/api/licence-checks/" + Uri.EscapeDataString(numbers[random.Next(numbers.Length)]), UriKind.Relative));
                await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref count);
            }
        })));
        return (count, clock.Elapsed.TotalSeconds);
    }

    private static string Report(int rate, int seconds, int numbers, string provider, double setup, LoadResult r, (int Count, double Seconds) closed, long logged, int? generatedFirms, string loadAtStart, string[] args)
    {
        var sorted = r.LatenciesMs.Order().ToArray();
        var serviceSorted = r.ServiceMs.Order().ToArray();
        double P(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        double S(double q) => serviceSorted[Math.Clamp((int)Math.Ceiling(q * serviceSorted.Length) - 1, 0, serviceSorted.Length - 1)];
        var md = new StringBuilder();
        md.AppendLine("# Licence check latency over HTTP");
        md.AppendLine();
        md.AppendLine(generatedFirms is { } firms
            ? string.Create(CultureInfo.InvariantCulture, $"{firms:N0} generated firms ({numbers:N0} MoC registration numbers), generated, ingested and matched into {provider} in {setup:0.0} s; ")
            : string.Create(CultureInfo.InvariantCulture, $"An existing {provider} database ({numbers:N0} current MoC registration numbers), used as it is; "));
        md.AppendLine(CultureInfo.InvariantCulture, $"the real API host (Kestrel, 127.0.0.1) and the load generator share the machine's {Environment.ProcessorCount} cores. Every check is written to the check log.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) when the load started: {loadAtStart}; when the run ended: {BenchRunner.LoadAverage()} (other processes on the machine compete for the same cores). Command: `dotnet run -c Release --project bench/Integration.Bench -- check-latency{(args.Length > 0 ? " " + string.Join(' ', args) : "")}`.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Open loop: {rate:N0} requests/s for {seconds} s ({r.Sent:N0} requests, random registration numbers), latency from the moment each request was due.");
        md.AppendLine();
        md.AppendLine("| metric | from due time | from actual send |");
        md.AppendLine("|---|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| p50 | {P(0.50):0.00} ms | {S(0.50):0.00} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| p90 | {P(0.90):0.00} ms | {S(0.90):0.00} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| **p99** (target < 10 ms) | **{P(0.99):0.00} ms** | {S(0.99):0.00} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| p99.9 | {P(0.999):0.00} ms | {S(0.999):0.00} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| max | {sorted[^1]:0.00} ms | {serviceSorted[^1]:0.00} ms |");
        md.AppendLine();
        md.AppendLine("| metric | value |");
        md.AppendLine("|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| achieved throughput | {r.Sent / r.WallSeconds:N0} checks/s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| errors | {r.Errors} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| worst send lag of the load generator | {r.MaxLagMs:0.00} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| decisions | {string.Join(", ", r.Decisions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {d.Value:N0}"))} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Closed loop (16 clients back to back, {closed.Seconds:0} s): {closed.Count / closed.Seconds:N0} checks/s maximum. Check log rows written in total: {logged:N0}.");
        return md.ToString();
    }


    private static int Arg(string[] args, string name, int fallback) =>
        ArgText(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? ArgText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
