using System.Diagnostics;
using System.Globalization;
using System.Text;
using Integration.Core.Truth;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.Ingest.Runs;
using Integration.Matching;
using Integration.Matching.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Bench;

/// <summary>
/// Real linkage data: each case of a benchmarks folder (<c>CASE/landing/&lt;feed&gt;/*.csv</c> with
/// <c>CASE/truth/records.csv</c>, the layout of shared/benchmarks) is ingested and matched in a fresh folder with
/// default settings and scored against its truth: pairwise precision, recall and F1, review-band share of
/// records, wall time. A small generated sample is run first in the same process as the time baseline (the
/// machine is shared, so times are also given as ratios to it).
/// Usage: real-data BENCHMARKS_DIR [--gazetteer DIR].
/// </summary>
public sealed class RealDataBench : IBench
{
    private const int BaselineFirms = 2_000;

    public string Name => "real-data";

    public string Description => "ingest + match + evaluate every case of a real benchmarks folder (e.g. ../shared/benchmarks)";

    public async Task<string> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        if (options.Positional.Count != 1 || !Directory.Exists(options.Positional[0]))
        {
            throw new ArgumentException("usage: real-data BENCHMARKS_DIR [--gazetteer DIR] (a folder of CASE/landing and CASE/truth/records.csv)");
        }

        var root = Path.GetFullPath(options.Positional[0]);
        var gazetteer = options.Get("--gazetteer") ?? "";
        var cases = Directory.GetDirectories(root)
            .Where(d => Directory.Exists(Path.Combine(d, "landing")) && File.Exists(Path.Combine(d, GroundTruth.SampleFolder, GroundTruth.RecordsFile)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (cases.Count == 0)
        {
            throw new ArgumentException($"No case under {root} has landing/ and truth/records.csv.");
        }

        var loadBefore = BenchRunner.LoadAverage();
        var baseline = await BaselineAsync(gazetteer);
        var results = new List<CaseResult>();
        foreach (var c in cases)
        {
            results.Add(await RunCaseAsync(c, gazetteer));
            Console.WriteLine($"{Path.GetFileName(c)}: F1 {results[^1].Metrics["pairwise.f1"]:0.000}");
        }

        return Report(root, gazetteer, baseline, results, loadBefore, BenchRunner.LoadAverage(), args);
    }

    private sealed record CaseResult(string Name, IReadOnlyDictionary<string, int> RecordsPerFeed, IReadOnlyDictionary<string, double> Metrics, double Seconds, string Load);

    /// <summary>Ingest, match and score one case in a folder of its own.</summary>
    private static async Task<CaseResult> RunCaseAsync(string caseDir, string gazetteer)
    {
        var dir = Path.Combine(Path.GetTempPath(), "real-data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var load = BenchRunner.LoadAverage();
            await using var provider = BenchPipeline.Build(dir, Path.Combine(caseDir, "landing"), gazetteer);
            var sw = Stopwatch.StartNew();
            await provider.GetRequiredService<IngestService>().RunAsync(new IngestRequest("bench"));
            await provider.GetRequiredService<MatchRunner>().RunAsync();
            var seconds = sw.Elapsed.TotalSeconds;
            var truth = GroundTruth.Load(caseDir);
            var quality = await provider.GetServices<IEvaluation>().OfType<MatchEvaluation>().Single().EvaluateAsync(truth);
            var perFeed = truth.Records.GroupBy(r => r.Feed).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new CaseResult(Path.GetFileName(caseDir), perFeed, quality.Metrics, seconds, load);
        }
        finally
        {
            BenchPipeline.Delete(dir);
        }
    }

    /// <summary>Seconds to generate, ingest and match a small default-profile sample: the same-run yardstick for times.</summary>
    private static async Task<double> BaselineAsync(string gazetteer)
    {
        var dir = Path.Combine(Path.GetTempPath(), "real-data-baseline-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            await using var provider = BenchPipeline.Build(dir, Path.Combine(dir, "landing"), gazetteer);
            var sw = Stopwatch.StartNew();
            new RegistryGenerator(new GeneratorOptions { Scale = BaselineFirms, Seed = 1, Months = 1 }, provider.GetRequiredService<Core.Reference.Gazetteer>(), PersonNames.Shipped)
                .Run(Path.Combine(dir, "landing"));
            await provider.GetRequiredService<IngestService>().RunAsync(new IngestRequest("bench", ["moc-licences", "gdt-taxpayers", "nssf-employers"]));
            await provider.GetRequiredService<MatchRunner>().RunAsync();
            return sw.Elapsed.TotalSeconds;
        }
        finally
        {
            BenchPipeline.Delete(dir);
        }
    }

    private static string Report(string root, string gazetteer, double baseline, List<CaseResult> results, string loadBefore, string loadAfter, string[] args)
    {
        var md = new StringBuilder();
        md.AppendLine("# Real linkage data sets");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Each case of `{root}` ingested and matched in a fresh SQLite folder with default settings, gazetteer {(gazetteer.Length == 0 ? "shipped (full NCDD)" : $"`{gazetteer}`")}; scored against its `truth/records.csv` (`evaluate --truth CASE` gives the same figures).");
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/Integration.Bench -- real-data {string.Join(' ', args)}`. Load average before {loadBefore}, after {loadAfter}; {Environment.ProcessorCount} cores.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Targets (issue 9): fodors-zagat F1 >= 0.95, chicago-early-childhood F1 >= 0.90 (plain folders, phones as given), each with <= 5 % of records in the review band.");
        md.AppendLine();
        md.AppendLine("| case | records (per feed) | true pairs | predicted pairs | precision | recall | F1 | review band (records) | auto-links wrong | wall s (ingest + match) | x baseline | load at start |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var m = r.Metrics;
            var feeds = string.Join(" + ", r.RecordsPerFeed.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value:N0} {kv.Key.Split('-')[0]}"));
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {m["records"]:N0} ({feeds}) | {m["pairwise.true_pairs"]:N0} | {m["pairwise.predicted_pairs"]:N0} | {m["pairwise.precision"]:0.000} | {m["pairwise.recall"]:0.000} | {m["pairwise.f1"]:0.000} | {m["review_band_share"]:0.0%} | {m["auto_link_error_rate"] * m["auto_links"]:0} of {m["auto_links"]:0} | {r.Seconds:0.0} | {r.Seconds / baseline:0.00} | {r.Load} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Baseline (same run): generate, ingest and match {BaselineFirms:N0} default-profile firms, {baseline:0.0} s.");
        md.AppendLine("Pairs are all record pairs of one entity, across and within the feeds; a record the truth gives no partner is an entity of its own.");
        return md.ToString();
    }
}
