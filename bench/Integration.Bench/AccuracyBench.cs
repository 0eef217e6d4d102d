using System.Diagnostics;
using System.Globalization;
using System.Text;
using Integration.Alerts.Evaluation;
using Integration.Alerts.Jobs;
using Integration.Core.Reference;
using Integration.Core.Truth;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.Ingest.Runs;
using Integration.Matching;
using Integration.Matching.Evaluation;
using Integration.Matching.Incremental;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Bench;

/// <summary>
/// Accuracy of the whole pipeline on generated registers at scale: for each profile and number of firms, generate
/// (24 months of contributions, 0.2 % bad rows), ingest every feed, match, run the alerts and score both against the
/// answer key: pairwise precision, recall and F1 (all pairs, and duplicates within one register), wrong and missed
/// BLOCKs per 1,000 licence checks, REVIEW share of checks, lead precision and recall. The figures of issue 9's table.
/// Usage: accuracy [--profile hard|default|both] [FIRMS | PROFILE:FIRMS ...] (default: hard at 20000 and 500000),
/// e.g. <c>accuracy default:20000 hard:20000 hard:500000</c>. <c>--mistakes DIR</c> also writes every wrong BLOCK, missed
/// BLOCK, REVIEW, false and missed lead with its records to DIR/mistakes-PROFILE-FIRMS.csv (for root-cause work).
/// <c>--work DIR</c> keeps each run's generated registers and ingested database in DIR/PROFILE-FIRMS and, when they are
/// already there, reuses them: only matching (a full rebuild) and the alerts run again, to iterate on those quickly.
/// </summary>
public sealed class AccuracyBench : IBench
{
    public string Name => "accuracy";

    public string Description => "pairwise P/R/F1, wrong/missed BLOCK per 1,000, REVIEW share, lead P/R at scale (issue 9's table)";

    public string Usage =>
        "[[default|hard:]FIRMS ...] (default: 20000 500000) [--profile default|hard|both] (for a FIRMS without a profile; default hard) "
        + "[--work DIR] (keep the generated and ingested registers there and reuse them) [--mistakes DIR] (write each wrong decision there)";

    public async Task<string> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var commit = BenchRunner.Commit(); // before the long run: a commit made meanwhile is not what was measured
        var profiles = (options.Get("--profile") ?? "hard") switch
        {
            "both" => new[] { GeneratorProfile.Default, GeneratorProfile.Hard },
            var p => [GeneratorProfiles.Parse(p)],
        };
        IEnumerable<string> items = options.Positional.Count > 0 ? options.Positional : ["20000", "500000"];
        var runs = items.SelectMany(item => item.Split(':') is [var p, var n]
                ? [(GeneratorProfiles.Parse(p), int.Parse(n, CultureInfo.InvariantCulture))]
                : profiles.Select(p => (p, int.Parse(item, CultureInfo.InvariantCulture))))
            .ToList();
        var rows = new List<Row>();
        foreach (var (profile, scale) in runs)
        {
            rows.Add(await MeasureAsync(profile, scale, options.Get("--mistakes"), options.Get("--work")));
            Console.WriteLine($"{profile} {scale}: F1 {rows[^1].Matching["pairwise.f1"]:0.0000}, wrong BLOCK {rows[^1].Alerts["wrong_blocks_per_1000"]:0.0}/1000");
        }

        return Report(rows, args, commit);
    }

    private sealed record Row(GeneratorProfile Profile, int Firms, IReadOnlyDictionary<string, double> Matching, IReadOnlyDictionary<string, double> Alerts, string MatchingText, string AlertsText, IReadOnlyDictionary<string, double> Seconds, string Load);

    private static async Task<Row> MeasureAsync(GeneratorProfile profile, int firms, string? mistakes, string? work)
    {
        var name = $"{profile.ToString().ToLowerInvariant()}-{firms}";
        var dir = work is null ? Path.Combine(Path.GetTempPath(), $"accuracy-{name}-" + Guid.NewGuid().ToString("N")[..8]) : Path.Combine(work, name);
        var ingested = Path.Combine(dir, "ingested"); // written only after a finished ingest: a half-built folder is not reused
        var reuse = work is not null && File.Exists(ingested);
        Directory.CreateDirectory(dir);
        try
        {
            var load = BenchRunner.LoadAverage();
            var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
            var sw = Stopwatch.StartNew();
            var landing = Path.Combine(dir, "landing");
            if (!reuse)
            {
                new RegistryGenerator(new GeneratorOptions { Scale = firms, Seed = 1 }.Apply(profile), Gazetteer.Shipped.Value, PersonNames.Shipped).Run(landing);
                seconds["generate"] = sw.Elapsed.TotalSeconds;
            }

            await using var provider = BenchPipeline.Build(dir, landing, "", alerts: true);
            if (!reuse)
            {
                sw.Restart();
                await provider.GetRequiredService<IngestService>().RunAsync(new IngestRequest("bench"));
                seconds["ingest"] = sw.Elapsed.TotalSeconds;
                if (work is not null)
                {
                    await File.WriteAllTextAsync(ingested, "");
                }
            }

            sw.Restart();
            var run = await provider.GetRequiredService<MatchRunner>().RunAsync(MatchMode.Full);
            seconds["match"] = sw.Elapsed.TotalSeconds;
            var blocking = string.Create(CultureInfo.InvariantCulture,
                $"Candidate pairs {run.CandidatePairs:N0}; second-chance search (employer-less enterprises against free employers) compared {run.Blocking.SecondChanceCompared:N0} pairs, kept {run.Blocking.SecondChancePairs:N0} for review.");
            var truth = GroundTruth.Load(landing);
            sw.Restart();
            var matching = await provider.GetServices<IEvaluation>().OfType<MatchEvaluation>().Single().EvaluateAsync(truth);
            var outcome = await provider.GetRequiredService<AlertsBatch>().RunAsync(truth.AsOf, record: false, "evaluation");
            var alerts = AlertsEvaluation.Score(truth, outcome);
            if (mistakes is not null)
            {
                // Every wrong answer with its records and where matching put them, to classify root causes.
                Directory.CreateDirectory(mistakes);
                var file = Path.Combine(mistakes, $"mistakes-{profile.ToString().ToLowerInvariant()}-{firms}.csv");
                await File.WriteAllTextAsync(file, AlertsMistakes.Csv(AlertsMistakes.Of(truth, outcome)));
                Console.WriteLine($"wrote {file}");
            }
            seconds["alerts + evaluation"] = sw.Elapsed.TotalSeconds;
            return new Row(profile, firms, matching.Metrics, alerts.Metrics, blocking + "\n\n" + matching.Text, alerts.Text, seconds, load);
        }
        finally
        {
            if (work is null)
            {
                BenchPipeline.Delete(dir);
            }
        }
    }

    private static string Report(List<Row> rows, string[] args, string commit)
    {
        var md = new StringBuilder();
        md.AppendLine("# Accuracy at scale (issue 9's table)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/Integration.Bench -- accuracy {string.Join(' ', args)}` at commit {commit}. Seed 1, as of 2026-10-01, 24 months of contributions, 0.2 % bad rows, shipped gazetteer and names, SQLite, default settings; {Environment.ProcessorCount} cores.");
        md.AppendLine("Targets (issue 9): wrong BLOCK < 1 and missed BLOCK < 2 per 1,000 checks; REVIEW <= 3 % of checks; lead precision >= 0.98 and recall >= 0.99; pairwise F1 >= 0.995 at 20,000 firms and >= 0.99 at national scale; duplicate recall >= 0.9.");
        md.AppendLine();
        md.AppendLine("| profile | firms | records | pairwise P / R / F1 | duplicates R (P) | wrong BLOCK per 1,000 | missed BLOCK per 1,000 | REVIEW of checks | checks | lead P / R | review band (records) |");
        md.AppendLine("|---|---:|---:|---|---|---:|---:|---:|---:|---|---:|");
        foreach (var r in rows)
        {
            var m = r.Matching;
            var a = r.Alerts;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Profile.ToString().ToLowerInvariant()} | {r.Firms:N0} | {m["records"]:N0} | {m["pairwise.precision"]:0.000} / {m["pairwise.recall"]:0.000} / {m["pairwise.f1"]:0.000} | {m["duplicates.recall"]:0.000} ({m["duplicates.precision"]:0.000}) of {m["duplicates.true_pairs"]:N0} | {a["wrong_blocks_per_1000"]:0.0} ({a["wrong_blocks"]:0}) | {a["missed_blocks_per_1000"]:0.0} ({a["missed_blocks"]:0}) | {a["review_rate"]:0.0%} ({a["reviews"]:0}) | {a["checks"]:N0} | {a["lead_precision"]:0.000} / {a["lead_recall"]:0.000} | {m["review_band_share"]:0.0%} |");
        }

        md.AppendLine();
        md.AppendLine("Pairwise figures count every pair of records of one true firm, across the registers and within one (duplicates); duplicates R is the recall of the within-register pairs (MoC branches included), P their precision.");
        foreach (var r in rows)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {r.Profile.ToString().ToLowerInvariant()} profile, {r.Firms:N0} firms");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Load average at start {r.Load}; seconds: {string.Join(", ", r.Seconds.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0.0}")))}.");
            md.AppendLine();
            md.AppendLine(r.MatchingText);
            md.AppendLine(r.AlertsText);
        }

        return md.ToString();
    }
}
