using System.Diagnostics;
using System.Globalization;
using System.Text;
using Integration.Core.Reference;
using Integration.Generator;
using Integration.Generator.Reference;

namespace Integration.Bench;

/// <summary>
/// Synthetic registry generation at national scale (default 500,000 true enterprises, 24 months of
/// contributions, full gazetteer and names): wall time, peak memory and bytes per feed, plain CSV and gzip.
/// Usage: generate [firms] [shared data folder].
/// </summary>
public sealed class GenerateBench : IBench
{
    public string Name => "generate";

    public string Description => "generator time, memory and output size at national scale (target well under 2 min)";

    public Task<string> RunAsync(string[] args)
    {
        var firms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        var shared = args.Length > 1 ? args[1] : null; // a folder with gazetteer/ and khmer-names/, else the shipped copies
        var gazetteer = Gazetteer.Load(shared is null ? null : Path.Combine(shared, "gazetteer"));
        var names = PersonNames.Load(shared is null ? null : Path.Combine(shared, "khmer-names"));
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# generate: {firms:N0} true enterprises, 24 months, {gazetteer}");
        md.AppendLine();
        md.AppendLine("| output | seconds | peak MiB | feed | rows | MiB |");
        md.AppendLine("|---|---:|---:|---|---:|---:|");
        foreach (var gzip in new[] { false, true })
        {
            var dir = Path.Combine(Path.GetTempPath(), "generate-bench-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                var sw = Stopwatch.StartNew();
                var summary = new RegistryGenerator(new GeneratorOptions { Scale = firms, Seed = 1, Gzip = gzip }, gazetteer, names).Run(dir);
                var seconds = sw.Elapsed.TotalSeconds;
                var first = true;
                foreach (var feed in summary.RowsByFeed.Keys.Append("ground-truth"))
                {
                    var bytes = Directory.EnumerateFiles(Path.Combine(dir, feed)).Sum(f => new FileInfo(f).Length);
                    var rows = summary.RowsByFeed.TryGetValue(feed, out var r) ? r.ToString("N0", CultureInfo.InvariantCulture) : "";
                    md.AppendLine(first
                        ? string.Create(CultureInfo.InvariantCulture, $"| {(gzip ? "csv.gz" : "csv")} | {seconds:F1} | {BenchRunner.PeakMemoryMiB():F0} | {feed} | {rows} | {bytes / 1048576.0:F1} |")
                        : string.Create(CultureInfo.InvariantCulture, $"| | | | {feed} | {rows} | {bytes / 1048576.0:F1} |"));
                    first = false;
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        return Task.FromResult(md.ToString());
    }
}
