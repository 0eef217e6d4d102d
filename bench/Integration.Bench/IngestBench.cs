using System.Diagnostics;
using System.Globalization;
using System.Text;
using Integration.Core;
using Integration.Ingest;
using Integration.Ingest.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Bench;

/// <summary>
/// National-scale ingest on SQLite: every feed of a landing folder into a fresh database, one transaction
/// per file. Reports wall time, rows/s and peak working set. Usage:
/// <c>ingest --landing DIR</c> (e.g. the output of <c>integration generate --scale 500000</c>), or
/// <c>ingest --scale N [--seed S]</c> to generate one first with the Integration.Generator library through the CLI's
/// generate command (run separately; this benchmark only measures ingest).
/// </summary>
public sealed class IngestBench : IBench
{
    public string Name => "ingest";

    public string Description => "Ingest a landing folder (--landing DIR) into a fresh SQLite database; wall time, rows/s, peak memory.";

    public async Task<string> RunAsync(string[] args)
    {
        var landing = Arg(args, "--landing") ?? throw new ArgumentException("usage: ingest --landing DIR [--db-provider sqlite|postgres --db CONN]");
        var work = Path.Combine(Path.GetTempPath(), "integration-bench-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = Arg(args, "--db-provider") ?? "Sqlite",
                ["Database:ConnectionString"] = Arg(args, "--db") ?? Path.Combine(work, "bench.db"),
                ["Storage:LandingPath"] = Path.GetFullPath(landing),
                ["Storage:RawPath"] = Path.Combine(work, "raw"),
                ["Storage:ExportPath"] = Path.Combine(work, "exports"),
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var services = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true))
                .AddCoreServices(configuration)
                .AddIngestServices(configuration);
            await using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<Integration.Core.Database.Migrator>().Apply();
            var service = provider.GetRequiredService<IngestService>();

            var bytes = Directory.EnumerateFiles(landing, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains("ground-truth", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var first = await service.RunAsync(new IngestRequest("bench"), new Progress<IngestProgress>(p =>
            {
                if (p.FileDone)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds,6:0.0}s {p.Feed} {p.FileNumber}/{p.FileCount}: {p.Rows:N0} rows"));
                }
            }));
            var firstTime = watch.Elapsed;
            var firstCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var peak = BenchRunner.PeakMemoryMiB();
            watch.Restart();
            var second = await service.RunAsync(new IngestRequest("bench"));
            var secondTime = watch.Elapsed;

            var sb = new StringBuilder();
            sb.AppendLine("# Ingest benchmark").AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Landing `{landing}` ({bytes / 1024.0 / 1024.0:0} MiB, {first.FilesSeen} files), database {settings["Database:Provider"]}, {Environment.ProcessorCount} cores.").AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Load average when the first run started: {load} (the machine is shared; CPU time is the steadier figure).").AppendLine();
            sb.AppendLine("| run | outcome | files loaded | rows read | loaded | quarantined | wall time | CPU (user+sys) | rows/s | peak working set |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| first (everything new) | {first.Outcome} | {first.FilesLoaded} | {first.RowsRead:N0} | {first.RowsLoaded:N0} | {first.RowsQuarantined:N0} | {firstTime.TotalSeconds:0.0} s | {firstCpu.TotalSeconds:0.0} s | {first.RowsRead / firstTime.TotalSeconds:N0} | {peak:0} MiB |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| second (same folder) | {second.Outcome} | {second.FilesLoaded} | {second.RowsRead:N0} | - | - | {secondTime.TotalSeconds:0.0} s | - | - | {BenchRunner.PeakMemoryMiB():0} MiB |");
            sb.AppendLine().AppendLine("Per feed (first run):").AppendLine();
            sb.AppendLine("| feed | files | rows read | quarantined | rejected files |");
            sb.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var g in first.Files.GroupBy(f => f.Feed))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {g.Key} | {g.Count()} | {g.Sum(f => f.RowsRead):N0} | {g.Sum(f => f.RowsQuarantined):N0} | {g.Count(f => f.Status == FileStatus.Rejected)} |");
            }

            sb.AppendLine().AppendLine("Target: under 30 s and under 1 GB on 2 cores (SQLite). Command: `dotnet run -c Release --project bench/Integration.Bench -- ingest --landing DIR`.");
            return sb.ToString();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
