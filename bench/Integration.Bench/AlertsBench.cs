using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Integration.Alerts.Jobs;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Bench;

/// <summary>
/// The alerts batch job at scale on SQLite: generate N firms (default 500,000), ingest every feed and match
/// them (set-up, not timed as alerts), then time the <c>alerts</c> job alone (licence checks for every pending
/// renewal, leads, targets, recording the run with its lists, CSV exports) with its peak memory, then the
/// latency of list reads over HTTP served from the stored run, against one list computed on demand (what every
/// request cost before the lists were stored). Usage: alerts [firms].
/// </summary>
public sealed class AlertsBench : IBench
{
    private const int Reads = 40;

    public string Name => "alerts";

    public string Description => "alerts batch job time and peak memory at national scale, and stored leads/targets read latency over HTTP";

    public async Task<string> RunAsync(string[] args)
    {
        var firms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        var dir = Path.Combine(Path.GetTempPath(), "alerts-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var app = BenchSample.BuildHost(dir);
            var (_, generate, ingest, match) = await BenchSample.LoadAsync(app, dir, firms, seed: 1);
            var db = app.Services.GetRequiredService<Db>();
            Counts counts;
            using (var conn = db.Open())
            {
                counts = conn.QuerySingle<Counts>(
                    """
                    SELECT (SELECT COUNT(*) FROM enterprises WHERE retired_into IS NULL) AS enterprises,
                        (SELECT COUNT(*) FROM entity_links) AS links,
                        (SELECT COUNT(*) FROM nssf_contributions) AS contributions,
                        (SELECT COUNT(*) FROM nssf_employers) AS employers
                    """);
            }

            // The alerts job alone: memory peak reset (Linux VmHWM) after a collection that returns free memory to
            // the system, so the figure is the job's own (what the set-up still holds stays counted).
            var setupPeak = BenchRunner.PeakMemoryMiB();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var resetPeak = ResetPeak();
            var before = BenchRunner.PeakMemoryMiB();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var load = BenchRunner.LoadAverage();
            var sw = Stopwatch.StartNew();
            var job = app.Services.GetServices<IPipelineJob>().OfType<AlertsJob>().Single();
            var result = await job.RunAsync(new JobContext("bench", DateTimeOffset.UtcNow));
            var alerts = sw.Elapsed.TotalSeconds;
            var alertsCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var peak = BenchRunner.PeakMemoryMiB();

            string province, district;
            using (var conn = db.Open())
            {
                (province, district) = conn.QueryFirst<(string, string)>(
                    "SELECT province_code, district_code FROM target_snapshots WHERE district_code IS NOT NULL GROUP BY province_code, district_code ORDER BY COUNT(*) DESC LIMIT 1");
            }

            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = Timeout.InfiniteTimeSpan };
            var reads = new List<(string Path, Timing T)>();
            foreach (var path in new[]
            {
                $"/api/targets?province={province}&district={district}&capacity=20",
                "/api/targets?capacity=20",
                $"/api/leads?province={province}&district={district}",
                $"/api/leads?province={province}&onlyNew=true",
                $"/api/targets?province={province}",
                "/api/leads",
            })
            {
                reads.Add((path, await Time(http, path, Reads)));
            }

            // One list for a date no stored run covers: computed from the whole register, as every request was before.
            var onDemand = await Time(http, "/api/targets?capacity=20&asOf=2026-09-30", 1);
            await app.StopAsync();
            await app.DisposeAsync();
            return Report(firms, counts, generate, ingest, match, setupPeak, resetPeak, before, alerts, alertsCpu, peak, load, result, reads, onDemand);
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

    private sealed record Counts(long Enterprises, long Links, long Contributions, long Employers);

    private sealed record Timing(double P50, double P90, double Max, int Rows, long Bytes);

    private static async Task<Timing> Time(HttpClient http, string path, int n)
    {
        var ms = new double[n];
        var rows = 0;
        var bytes = 0L;
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            ms[i] = sw.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
            rows = CountRows(body);
        }

        Array.Sort(ms);
        return new Timing(ms[(n - 1) / 2], ms[Math.Min(n - 1, (int)Math.Ceiling(0.9 * n) - 1)], ms[^1], rows, bytes);
    }

    /// <summary>Rows of a JSON array of flat objects: one enterprise_id each.</summary>
    private static int CountRows(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var count = 0;
        for (var at = text.IndexOf("\"enterprise_id\"", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\"enterprise_id\"", at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Report(int firms, Counts c, double generate, double ingest, double match, double setupPeak, bool resetPeak, double before, double alerts, double alertsCpu, double peak, string load, JobResult result, List<(string Path, Timing T)> reads, Timing onDemand)
    {
        var md = new StringBuilder();
        md.AppendLine("# Alerts batch job and stored list reads");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{firms:N0} generated firms -> {c.Enterprises:N0} enterprises, {c.Links:N0} linked records, {c.Employers:N0} NSSF employers, {c.Contributions:N0} contribution rows; SQLite, {Environment.ProcessorCount} cores.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average when the alerts job started (the machine is shared): {load}. Command: `dotnet run -c Release --project bench/Integration.Bench -- alerts {firms}`.");
        md.AppendLine();
        md.AppendLine("| step | seconds |");
        md.AppendLine("|---|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| generate (set-up) | {generate:0.0} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| ingest, all five feeds (set-up) | {ingest:0.0} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| match (set-up) | {match:0.0} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| **alerts job: checks + leads + targets, recorded with its lists, CSV exports** | **{alerts:0.0}** (CPU {alertsCpu:0.0}) |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Job result: {result.Summary}");
        md.AppendLine();
        md.AppendLine(resetPeak
            ? string.Create(CultureInfo.InvariantCulture, $"Peak working set of the alerts job: **{peak:N0} MiB** (peak reset before it, after an aggressive GC: {before:N0} MiB resident then, held by the set-up; set-up peak {setupPeak:N0} MiB).")
            : string.Create(CultureInfo.InvariantCulture, $"Peak working set: {peak:N0} MiB for the whole process (the peak could not be reset before the job; set-up peak {setupPeak:N0} MiB)."));
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"List reads over HTTP (real API host on 127.0.0.1, sequential, {Reads} each, after the job), served from the stored run:");
        md.AppendLine();
        md.AppendLine("| request | rows | bytes | p50 ms | p90 ms | max ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (path, t) in reads)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{path}` | {t.Rows:N0} | {t.Bytes:N0} | {t.P50:0.0} | {t.P90:0.0} | {t.Max:0.0} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"The same kind of list for a date no stored run covers (`/api/targets?capacity=20&asOf=2026-09-30`, computed on demand from the whole register, which is what every list request cost before the lists were stored): {onDemand.Max / 1000:0.0} s.");
        return md.ToString();
    }

    /// <summary>Resets this process's peak resident set (Linux: "5" to /proc/self/clear_refs); false where that is not possible.</summary>
    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

}
