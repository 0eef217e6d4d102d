using System.Diagnostics;
using Integration.Matching.Blocking;
using Integration.Matching.Clustering;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching;

/// <summary>A clerk's decision on a pair, by feed and key (orientation free).</summary>
public sealed record ClerkDecision(string FeedA, string KeyA, string FeedB, string KeyB, string Decision, string DecidedBy, string DecidedAt);

/// <summary>
/// How one record ended up linked: through <paramref name="Edge"/> (its least certain accepted link), or
/// alone with <paramref name="BestProbability"/> its best candidate. The evidence text is made from these
/// when the link is stored (<see cref="MatchEngine.Explain"/>), not held for every record at once.
/// </summary>
public sealed record RecordLink(int Record, int Cluster, LinkMethod? Method, double Confidence, LinkEdge? Edge, double BestProbability);

/// <summary>A pair worth keeping: linked, in the review band, or decided by a clerk.</summary>
public sealed record KeptPair(int A, int B, int Pattern, double Weight, double Probability, string Band, bool Accepted);

/// <summary>Everything one matching run decided, before ids are assigned and it is stored.</summary>
public sealed class LinkageResult
{
    public required StandardRecord[] Records { get; init; }
    public required FellegiSunterModel Model { get; init; }

    /// <summary>Weighs pairs with the run's term frequencies; used again to explain stored pairs.</summary>
    public required PairScoring Scoring { get; init; }
    public required List<int[]> Clusters { get; init; }
    public required RecordLink[] Links { get; init; }
    public required List<KeptPair> Pairs { get; init; }
    public required BlockingStats Blocking { get; init; }
    public required Dictionary<string, double> Timings { get; init; }
    public int EmIterations { get; init; }
    public long CandidatePairs { get; init; }
}

/// <summary>
/// The matcher, in memory: standardised records in, clusters with per-record method, confidence and
/// evidence out. Standardise once, block with capped inverted indexes, compare in parallel, estimate
/// the Fellegi-Sunter model by EM, pick edges (clerk, verified id, auto link, review band) and cluster.
/// </summary>
public sealed class MatchEngine(MatchingOptions options)
{
    public LinkageResult Run(StandardRecord[] records, IReadOnlyList<ClerkDecision> decisions, IProgress<string>? progress = null)
    {
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        var sw = Stopwatch.StartNew();
        void Lap(string name, string? next = null)
        {
            timings[name] = Math.Round(sw.Elapsed.TotalSeconds, 3);
            sw.Restart();
            if (next is not null)
            {
                progress?.Report(next);
            }
        }

        progress?.Report("blocking");

        var index = BlockIndex.Build(records, options.MaxBlockSize, options.RareTokensPerRecord, options.BlockingKeys);
        Lap("blocking_s", "comparing candidate pairs");
        var candidates = PairScoring.CompareCandidates(records, index);
        var blocking = index.Stats;
        var candidateCount = candidates.Count;
        blocking.UniquePairs = candidateCount;
        index = null!; // not needed after comparison: hundreds of MB at national scale
        ReturnGarbage();
        Lap("comparison_s", "estimating the model");

        var u = EmEstimator.EstimateU(PairScoring.RandomPatterns(records, options.RandomPairsForU, options.Seed));
        var patternCounts = PairScoring.PatternCounts(candidates);
        var idPatterns = patternCounts.SelectMany(kv => Enumerable.Repeat(kv.Key, (int)Math.Min(kv.Value, int.MaxValue)));
        var startM = EmEstimator.MFromSharedIdentifiers(idPatterns, p => Fields.NameAgrees(Pattern.Level(p, Fields.Name)));
        var idPairs = candidates.Count(c => Pattern.Level(c.Pattern, Fields.Tin) == 2 || Pattern.Level(c.Pattern, Fields.Moc) == 2);
        var perFeed = new long[3];
        foreach (var r in records)
        {
            perFeed[r.Feed]++;
        }

        var totalPairs = (double)((perFeed[0] * perFeed[1]) + (perFeed[0] * perFeed[2]) + (perFeed[1] * perFeed[2]));
        var model = EmEstimator.Estimate(patternCounts, u, options.EmMaxIterations, out var iterations, startM, startM is null ? 20 : Math.Max(20, idPairs), totalPairs);
        Lap("estimation_s", "scoring and clustering");

        var scoring = new PairScoring(records);
        var keyOf = new Dictionary<(int, string), int>(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            keyOf[(records[i].Feed, records[i].Source.SourceKey)] = i;
        }

        var (accepts, rejects) = ResolveDecisions(decisions, keyOf);
        var bestProbability = new double[records.Length];
        var edges = new List<LinkEdge>();
        var scored = new Dictionary<(int, int), (ScoredPair Pair, LinkMethod Method)>();
        var edgeBag = new System.Collections.Concurrent.ConcurrentBag<List<(LinkEdge Edge, ScoredPair Pair)>>();
        var bestBits = new long[records.Length];
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, candidates.Count, 4096),
            () => new List<(LinkEdge, ScoredPair)>(),
            (range, _, local) =>
            {
                for (var k = range.Item1; k < range.Item2; k++)
                {
                    var (a, b, pattern) = candidates[k];
                    var idShared = Pattern.Level(pattern, Fields.Tin) == 2 || Pattern.Level(pattern, Fields.Moc) == 2;
                    var w = scoring.Weight(model, a, b, pattern);
                    var p = FellegiSunterModel.Probability(w);
                    var verified = idShared && Verified(pattern, p, options.AutoLinkThreshold);

                    // A shared identifier the rest of the record contradicts is not evidence: score without it.
                    var effective = idShared && !verified ? Pattern.WithoutIds(pattern) : pattern;
                    if (effective != pattern)
                    {
                        w = scoring.Weight(model, a, b, effective);
                        p = FellegiSunterModel.Probability(w);
                    }

                    Raise(bestBits, a, p);
                    Raise(bestBits, b, p);
                    LinkMethod? method = verified ? LinkMethod.Id
                        : p >= options.AutoLinkThreshold && Corroborated(effective, scoring, a, b) ? LinkMethod.Fuzzy
                        : p >= options.ReviewThreshold ? LinkMethod.Review
                        : null;
                    if (method is { } m)
                    {
                        local.Add((new LinkEdge(a, b, effective, w, p, m), new ScoredPair(a, b, effective, w, p)));
                    }
                }

                return local;
            },
            local => edgeBag.Add(local));

        for (var i = 0; i < records.Length; i++)
        {
            bestProbability[i] = BitConverter.Int64BitsToDouble(Interlocked.Read(ref bestBits[i]));
        }

        foreach (var (edge, pair) in edgeBag.SelectMany(l => l))
        {
            edges.Add(edge);
            scored[(edge.A, edge.B)] = (pair, edge.Method);
        }

        foreach (var (a, b) in accepts)
        {
            var pattern = PairComparer.Compare(records[a], records[b]);
            var w = scoring.Weight(model, a, b, pattern);
            edges.Add(new LinkEdge(a, b, pattern, w, 1.0, LinkMethod.Clerk));
            scored[(a, b)] = (new ScoredPair(a, b, pattern, w, FellegiSunterModel.Probability(w)), LinkMethod.Clerk);
        }

        var rejectSet = rejects.ToHashSet();
        var clusterer = new Clusterer(records.Select(r => r.Feed).ToArray(), options.MaxRecordsPerFeed, rejects, options.MaxMocRecordsPerEnterprise,
            records.Select(r => r.IsBranch).ToArray());
        var accepted = new List<LinkEdge>();
        foreach (var e in Clusterer.Order(edges))
        {
            if (e.Method != LinkMethod.Clerk && rejectSet.Contains((e.A, e.B)))
            {
                continue;
            }

            // A second head-office MoC record joins only through a verified identifier or a clerk.
            if (clusterer.TryUnion(e.A, e.B, e.Method is LinkMethod.Id or LinkMethod.Clerk))
            {
                accepted.Add(e);
            }
        }

        var clusters = clusterer.Clusters();
        candidates = null!;
        edges = null!;
        edgeBag = null!;
        ReturnGarbage();
        Lap("clustering_s", "explaining links and pairs");

        var links = DescribeLinks(records, clusters, accepted, bestProbability);
        var pairs = KeepPairs(scored, accepted, accepts, rejects, records, model, scoring);
        Lap("explanation_s");
        return new LinkageResult
        {
            Records = records,
            Model = model,
            Scoring = scoring,
            Clusters = clusters,
            Links = links,
            Pairs = pairs,
            Blocking = blocking,
            Timings = timings,
            EmIterations = iterations,
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

    /// <summary>
    /// A shared TIN or MoC number links two records only when the names agree and the whole record,
    /// identifier included, is an automatic link: a sister firm carrying another firm's TIN, with another
    /// line of business at another address, is scored without the identifier instead.
    /// </summary>
    public static bool Verified(int pattern, double probability, double autoLinkThreshold) =>
        Fields.NameAgrees(Pattern.Level(pattern, Fields.Name)) && probability >= autoLinkThreshold;

    /// <summary>
    /// Without a shared identifier a pair links automatically only when the names agree and something
    /// specific to one firm agrees too (a phone or e-mail no other firm uses, the house number); otherwise
    /// a clerk looks first. Similar names in one commune are common (family names, trade words), and a
    /// wrong link blocks a firm.
    /// </summary>
    public static bool Corroborated(int pattern, PairScoring scoring, int a, int b) =>
        Fields.NameAgrees(Pattern.Level(pattern, Fields.Name))
        && ((Pattern.Level(pattern, Fields.Phone) == 1 && scoring.SpecificPhone(a, b))
            || Pattern.Level(pattern, Fields.House) >= 1
            || (Pattern.Level(pattern, Fields.Email) == 1 && scoring.SpecificEmail(a, b)));

    private static void Raise(long[] bits, int i, double p)
    {
        var current = Interlocked.Read(ref bits[i]);
        while (p > BitConverter.Int64BitsToDouble(current))
        {
            var seen = Interlocked.CompareExchange(ref bits[i], BitConverter.DoubleToInt64Bits(p), current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static (List<(int, int)> Accepts, List<(int, int)> Rejects) ResolveDecisions(
        IReadOnlyList<ClerkDecision> decisions, Dictionary<(int, string), int> keyOf)
    {
        var accepts = new List<(int, int)>();
        var rejects = new List<(int, int)>();
        foreach (var d in decisions)
        {
            if (!keyOf.TryGetValue((Feeds.Index(d.FeedA), d.KeyA), out var a) || !keyOf.TryGetValue((Feeds.Index(d.FeedB), d.KeyB), out var b) || a == b)
            {
                continue; // a record no longer current: the decision waits until it comes back
            }

            var pair = a < b ? (a, b) : (b, a);
            (d.Decision == "ACCEPT" ? accepts : rejects).Add(pair);
        }

        return (accepts, rejects);
    }

    private static RecordLink[] DescribeLinks(StandardRecord[] records, List<int[]> clusters, List<LinkEdge> accepted, double[] best)
    {
        var clusterOf = new int[records.Length];
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var m in clusters[c])
            {
                clusterOf[m] = c;
            }
        }

        // Each record's weakest accepted edge decides its method: one uncertain link makes it uncertain.
        var weakest = new LinkEdge?[records.Length];
        foreach (var e in accepted)
        {
            foreach (var r in new[] { e.A, e.B })
            {
                if (weakest[r] is not { } w || e.Method > w.Method || (e.Method == w.Method && e.Probability < w.Probability))
                {
                    weakest[r] = e;
                }
            }
        }

        var links = new RecordLink[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            if (weakest[i] is { } e)
            {
                var confidence = e.Method == LinkMethod.Clerk ? 1.0 : e.Probability;
                links[i] = new RecordLink(i, clusterOf[i], e.Method, confidence, e, best[i]);
            }
            else
            {
                links[i] = new RecordLink(i, clusterOf[i], null, 1.0 - best[i], null, best[i]);
            }
        }

        return links;
    }

    /// <summary>The evidence text of a record's link: which fields agreed with its partner and how strongly.</summary>
    public static string Explain(LinkageResult result, RecordLink link, double reviewThreshold)
    {
        var sb = Evidence.Builder(); // made for every stored link: one buffer per thread, no interpolation
        if (link.Edge is not { } e)
        {
            var best = link.BestProbability;
            sb.Append(best >= reviewThreshold ? "best candidate p=" : "no candidate above the review threshold (best p=");
            Evidence.AppendNumber(sb, best, "0.0000");
            return sb.Append(best >= reviewThreshold ? " is linked to another record of this registry" : ")").ToString();
        }

        var other = result.Records[e.A == link.Record ? e.B : e.A].Source;
        if (e.Method == LinkMethod.Clerk)
        {
            sb.Append("clerk accepted");
        }
        else
        {
            Evidence.AppendNumber(sb.Append("p="), e.Probability, "0.0000");
        }

        sb.Append(" with ").Append(other.FeedName).Append(' ').Append(other.SourceKey).Append(": ");
        Span<double> weights = stackalloc double[Fields.Count];
        result.Scoring.FieldWeights(result.Model, e.A, e.B, e.Pattern, weights);
        return Evidence.AppendText(sb, e.Pattern, weights, e.Weight).ToString();
    }

    private List<KeptPair> KeepPairs(
        Dictionary<(int, int), (ScoredPair Pair, LinkMethod Method)> scored,
        List<LinkEdge> accepted,
        List<(int, int)> accepts,
        List<(int, int)> rejects,
        StandardRecord[] records,
        FellegiSunterModel model,
        PairScoring scoring)
    {
        var acceptedSet = accepted.Select(e => (e.A, e.B)).ToHashSet();
        var acceptSet = accepts.ToHashSet();
        var kept = new List<KeptPair>();
        foreach (var (key, (s, method)) in scored)
        {
            // The band follows how the pair would link: auto (verified id or corroborated fuzzy), review, or clerk.
            var band = acceptSet.Contains(key) ? "CLERK_ACCEPT" : method == LinkMethod.Review ? "REVIEW" : "LINK";
            if (band == "LINK" && !acceptedSet.Contains(key))
            {
                continue; // a strong pair refused by the one-record-per-registry rule: its rival won
            }

            kept.Add(new KeptPair(s.A, s.B, s.Pattern, s.Weight, s.Probability, band, acceptedSet.Contains(key)));
        }

        foreach (var (a, b) in rejects)
        {
            var pattern = PairComparer.Compare(records[a], records[b]);
            var w = scoring.Weight(model, a, b, pattern);
            kept.RemoveAll(k => k.A == a && k.B == b);
            kept.Add(new KeptPair(a, b, pattern, w, FellegiSunterModel.Probability(w), "CLERK_REJECT", false));
        }

        kept.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return kept;
    }
}
