using System.Diagnostics;
using Integration.Matching.Blocking;
using Integration.Matching.Clustering;
using Integration.Matching.Comparison;
using Integration.Matching.Explanation;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching;

/// <summary>
/// The matcher, in memory, in Splink's stages: block and compare (<see cref="CandidateComparison"/>), train
/// (<see cref="ModelTraining"/>), decide with both thresholds (<see cref="LinkDecision"/>), cluster under the
/// registry constraints (<see cref="EnterpriseClustering"/>) and explain (<see cref="LinkExplanation"/>).
/// Standardised records in, clusters with per-record method, confidence and evidence out.
/// </summary>
public sealed class MatchEngine(MatchingOptions options)
{
    /// <param name="fixedModel">A model to hold fixed instead of estimating one (an incremental run: the last full run's).</param>
    public LinkageResult Run(StandardRecord[] records, IReadOnlyList<ClerkDecision> decisions, IProgress<string>? progress = null, FellegiSunterModel? fixedModel = null)
    {
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        // Wall and processor time per stage: on a shared machine the wall time moves with other people's work,
        // the processor time much less.
        void Lap(string name, string? next = null)
        {
            timings[name] = Math.Round(sw.Elapsed.TotalSeconds, 3);
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            timings[name.Replace("_s", "_cpu_s", StringComparison.Ordinal)] = Math.Round((now - cpu).TotalSeconds, 3);
            cpu = now;
            sw.Restart();
            if (next is not null)
            {
                progress?.Report(next);
            }
        }

        progress?.Report("blocking");
        var index = BlockIndex.Build(records, options.MaxBlockSize, options.RareTokensPerRecord, options.BlockingKeys, options.LinkWithinRegistries, options.BlockWindow);
        Lap("blocking_s", "comparing candidate pairs");
        var candidates = CandidateComparison.Run(records, index);
        var blocking = index.Stats;
        var candidateCount = candidates.Count;
        blocking.UniquePairs = candidateCount;
        index = null!; // not needed after comparison: hundreds of MB at national scale
        ReturnGarbage();
        Lap("comparison_s", "estimating the model");

        var trained = fixedModel is null ? ModelTraining.Train(records, candidates, options) : ModelTraining.Fixed(records, candidates, fixedModel);
        blocking.IdentifierPairs = trained.Report.IdentifierPairs;
        Lap("estimation_s", "scoring and clustering");

        var scoring = new PairScoring(records);
        var decision = new LinkDecision(options, trained.Model, scoring);
        var clerk = ClerkPairs.Resolve(decisions, records);
        var scored = decision.DecideAll(candidates, records.Length);
        var edges = scored.Edges;
        foreach (var (a, b) in clerk.Accepts)
        {
            edges.Add(decision.Accepted(a, b, PairComparer.Compare(records[a], records[b])));
        }

        var feedOf = records.Select(r => r.Feed).ToArray();
        var unattached = UnattachedEmployers.BestBelowReview(candidates, feedOf, decision.Decide, options.UnattachedCandidateThreshold, options.ReviewThreshold);
        candidates = null!;
        Lap("scoring_s"); // every candidate decided: apart from clustering, which it used to be counted in

        var clustering = EnterpriseClustering.Run(records, edges, clerk, options, decision.Joins,
            (x, y) => decision.SameFirmThroughThird(x, y, PairComparer.Compare(records[x], records[y])));
        var near = UnattachedEmployers.Pairs(unattached, feedOf, clustering.Clusters, edges, clerk.Rejects);
        Lap("clustering_s");

        // The second-chance search blocks and compares a subset again: its own lap, to see what it costs at scale.
        var second = SecondChanceEmployers.Find(records, clustering.Clusters, [.. edges, .. near], clerk.Rejects, decision.Decide, options);
        near.AddRange(second.Pairs);
        blocking.SecondChanceCompared = second.Compared;
        blocking.SecondChancePairs = second.Pairs.Count;
        ReturnGarbage();
        Lap("second_chance_s", "explaining links and pairs");

        var links = LinkExplanation.DescribeLinks(records, clustering.Clusters, clustering.Accepted, scored.BestProbability);
        var pairs = LinkExplanation.KeepPairs([.. edges, .. near], clustering.Accepted, clerk, decision, records);
        var duplicates = LinkExplanation.Duplicates(records, clustering.Clusters, edges, links, decision);
        Lap("explanation_s");
        return new LinkageResult
        {
            Records = records,
            Model = trained.Model,
            Scoring = scoring,
            Clusters = clustering.Clusters,
            Links = links,
            Pairs = pairs,
            Duplicates = duplicates,
            Blocking = blocking,
            Timings = timings,
            EmIterations = trained.Iterations,
            CandidatePairs = candidateCount,
        };
    }

    /// <summary>
    /// Collects between stages, where what the last stage built is all garbage at once and the next stage
    /// is about to allocate its own: left to itself the collector let the heap grow to 3.3 GB at national
    /// scale with 1.6 GB live. A blocking collection of that heap takes a fraction of a second.
    /// </summary>
    public static void ReturnGarbage()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
