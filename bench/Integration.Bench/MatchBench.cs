using System.Diagnostics;
using System.Globalization;
using System.Text;
using Integration.Core.Reference;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.Ingest.Runs;
using Integration.Core.Truth;
using Integration.Matching;
using Integration.Matching.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Bench;

/// <summary>
/// Matching at national scale: generate N firms (default 500,000, about 840k registry records), ingest
/// them into SQLite, then time one match run (read, standardise, block, compare, estimate, cluster,
/// store, export) and report peak memory. Usage: match [firms] [gazetteer folder, default the shipped one] [--keep DIR].
/// With --keep DIR the generated landing zone and the ingested database are kept in DIR; a later run with
/// the same DIR skips generation and ingest (a fresh copy of the ingested database is matched), so the
/// peak working set is the match run's own.
/// </summary>
public sealed class MatchBench : IBench
{
    public string Name => "match";

    public string Description => "match run time and peak memory at national scale (target < 60 s, < 2 GB on 2 cores)";

    public async Task<string> RunAsync(string[] args)
    {
        var keepAt = Array.IndexOf(args, "--keep");
        var keep = keepAt >= 0 && keepAt + 1 < args.Length ? Path.GetFullPath(args[keepAt + 1]) : null;
        args = keepAt >= 0 ? [.. args[..keepAt], .. args[Math.Min(args.Length, keepAt + 2)..]] : args;
        var firms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        // The shipped gazetteer and names unless a gazetteer folder is given (then its sibling khmer-names/ too).
        var gazetteerPath = args.Length > 1 ? Path.GetFullPath(args[1]) : null;
        var namesPath = gazetteerPath is null ? null : Path.Combine(Path.GetDirectoryName(gazetteerPath)!, "khmer-names");
        var dir = keep ?? Path.Combine(Path.GetTempPath(), "match-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var ingested = Path.Combine(dir, "ingested.db");
        var reused = keep is not null && File.Exists(ingested);
        try
        {
            var sw = Stopwatch.StartNew();
            double generate = 0;
            if (reused)
            {
                File.Copy(ingested, Path.Combine(dir, "bench.db"), overwrite: true);
                File.Delete(Path.Combine(dir, "bench.db-wal"));
                File.Delete(Path.Combine(dir, "bench.db-shm"));
            }
            else
            {
                var gazetteer = Gazetteer.Load(gazetteerPath);
                new RegistryGenerator(new GeneratorOptions { Scale = firms, Seed = 1, Months = 1 }, gazetteer, PersonNames.Load(namesPath)).Run(Path.Combine(dir, "landing"));
                generate = sw.Elapsed.TotalSeconds;
            }

            await using var provider = BenchPipeline.Build(dir, Path.Combine(dir, "landing"), gazetteerPath);
            sw.Restart();
            double ingest = 0;
            if (!reused)
            {
                await provider.GetRequiredService<IngestService>().RunAsync(new IngestRequest("bench", ["moc-licences", "gdt-taxpayers", "nssf-employers"]));
                ingest = sw.Elapsed.TotalSeconds;
                if (keep is not null)
                {
                    // Closing every connection checkpoints the WAL into the file, so one file is the whole database.
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    File.Copy(Path.Combine(dir, "bench.db"), ingested, overwrite: true);
                }
            }

            var before = BenchRunner.PeakMemoryMiB();
            sw.Restart();
            var steps = new StepPeaks();
            var s = await provider.GetRequiredService<MatchRunner>().RunAsync(steps);
            var match = sw.Elapsed.TotalSeconds;
            steps.Dispose();
            var peak = BenchRunner.PeakMemoryMiB();

            // Quality at this scale against the generator's answer key (after the timing and the memory reading).
            var quality = await provider.GetServices<IEvaluation>().OfType<MatchEvaluation>().Single()
                .EvaluateAsync(GroundTruth.Load(Path.Combine(dir, "landing")));

            var md = new StringBuilder();
            md.AppendLine("# Matching benchmark");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{firms:N0} generated firms -> {s.Records:N0} current registry records, {Environment.ProcessorCount} cores.");
            md.AppendLine();
            md.AppendLine("| step | seconds |");
            md.AppendLine("|---|---|");
            if (!reused)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| generate (not matching) | {generate:0.0} |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| ingest of the three registries (not matching) | {ingest:0.0} |");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"| **match run, total** | **{match:0.0}** |");
            foreach (var (k, v) in s.Timings)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| match: {k.Replace("_s", "", StringComparison.Ordinal)} | {v:0.0} |");
            }

            md.AppendLine();
            var where = reused ? "generation and ingest ran in an earlier process, `--keep`" : "generation and ingest ran in the same process";
            md.AppendLine(CultureInfo.InvariantCulture, $"Peak working set: {peak:N0} MiB (before matching: {before:N0} MiB; {where}).");
            md.AppendLine(CultureInfo.InvariantCulture, $"Peak working set per step (sampled every 20 ms): {steps.Describe()}.");
            md.AppendLine(CultureInfo.InvariantCulture, $"Candidate pairs: {s.CandidatePairs:N0}; enterprises: {s.Enterprises:N0}; review pairs: {s.ReviewPairs:N0}.");
            md.AppendLine("Pairs per blocking key: " + string.Join(", ", s.PairsPerBlockingKey.Select(kv => $"{kv.Key} {kv.Value:N0}")));
            md.AppendLine();
            md.AppendLine("## Linkage quality at this scale (generator ground truth)");
            md.AppendLine();
            md.AppendLine(quality.Text);
            return md.ToString();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                if (keep is null)
                {
                    Directory.Delete(dir, recursive: true);
                }
                else
                {
                    File.Delete(Path.Combine(dir, "bench.db"));
                }
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>The highest working set seen during each step the match run reports, to tell which step sets the peak.</summary>
internal sealed class StepPeaks : IProgress<string>, IDisposable
{
    private readonly List<(string Step, long Bytes)> _peaks = [];
    private readonly Timer _timer;
    private readonly Lock _gate = new();

    public StepPeaks() => _timer = new Timer(_ => Sample(), null, 0, 20);

    public void Report(string value)
    {
        lock (_gate)
        {
            _peaks.Add((value, Environment.WorkingSet));
        }
    }

    private void Sample()
    {
        var bytes = Environment.WorkingSet;
        lock (_gate)
        {
            if (_peaks.Count > 0 && bytes > _peaks[^1].Bytes)
            {
                _peaks[^1] = (_peaks[^1].Step, bytes);
            }
        }
    }

    public string Describe()
    {
        lock (_gate)
        {
            return string.Join("; ", _peaks.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Step} {p.Bytes / 1024.0 / 1024.0:N0} MiB")));
        }
    }

    public void Dispose() => _timer.Dispose();
}
