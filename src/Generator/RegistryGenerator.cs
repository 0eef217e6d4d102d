using System.Globalization;
using Integration.Core.Dates;
using Integration.Core.Reference;
using Integration.Core.Truth;
using Integration.Generator.Model;
using Integration.Generator.Output;
using Integration.Generator.Reference;

namespace Integration.Generator;

/// <summary>Progress of a run: firms generated so far out of the total.</summary>
public readonly record struct GenerationProgress(int Firms, int Total);

/// <summary>What a run wrote.</summary>
public sealed record GenerationSummary(
    DateOnly AsOf,
    int Firms,
    IReadOnlyDictionary<string, long> RowsByFeed,
    IReadOnlyDictionary<string, long> ValidRecordsByFeed,
    IReadOnlyDictionary<BadRowKind, long> BadRows,
    IReadOnlyDictionary<string, int> FirmsByCompliance,
    int Leads,
    int PendingRenewals,
    IReadOnlyList<string> Files);

/// <summary>
/// Writes the five feeds for <see cref="GeneratorOptions.Scale"/> true enterprises into <c>OUT/&lt;feed&gt;/</c> and
/// the answer key into <c>OUT/ground-truth/</c>. Firms are generated and written one at a time (memory stays
/// flat at any scale). Four independent random streams derived from the seed: firm facts, payment behaviour
/// and licence dates, spelling noise, and row corruption; so changing a noise or bad-row rate never changes
/// the firms or what the policy expects of them, only how they are written.
/// </summary>
public sealed class RegistryGenerator(GeneratorOptions options, Gazetteer gazetteer, PersonNames names)
{
    public const string BadRowsFile = "bad-rows.csv";

    public GenerationSummary Run(string outDir, IProgress<GenerationProgress>? progress = null, CancellationToken ct = default)
    {
        var asOf = options.AsOf;
        var asOfText = IsoDate.Format(asOf);
        Directory.CreateDirectory(outDir);
        var truthDir = Path.Combine(outDir, GroundTruth.Folder);
        Directory.CreateDirectory(truthDir);

        var facts = new Random(StreamSeed(options.Seed, 1));
        var behaviour = new Random(StreamSeed(options.Seed, 2));
        var noiseRng = new Random(StreamSeed(options.Seed, 3));
        var corruptRng = new Random(StreamSeed(options.Seed, 4));
        var extraFacts = new Random(StreamSeed(options.Seed, 5));

        var factory = new FirmFactory(options, facts, new Places(gazetteer), names, extraFacts);
        var run = new FirmWriter(options, outDir, asOfText, noiseRng, behaviour, corruptRng, names, Path.Combine(truthDir, BadRowsFile));
        using (run)
        {
            for (var i = 0; i < options.Scale; i++)
            {
                if ((i & 1023) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new GenerationProgress(i, options.Scale));
                }

                run.WriteFirm(factory.Next(i));
            }

            if (options.BadFiles)
            {
                run.FlushForBadFiles();
                BadFiles.Write(outDir, options, run.ContributionFiles, run.InspectionsFile);
            }
        }

        File.WriteAllText(Path.Combine(truthDir, "as_of.txt"), asOfText + "\n");
        progress?.Report(new GenerationProgress(options.Scale, options.Scale));
        var files = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return run.Summary(asOf, options.Scale, files);
    }

    /// <summary>SplitMix-style mixing: distinct, well-spread seeds per stream from one user seed.</summary>
    private static int StreamSeed(int seed, int stream)
    {
        var z = unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + ((ulong)stream * 0xBF58476D1CE4E5B9UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
