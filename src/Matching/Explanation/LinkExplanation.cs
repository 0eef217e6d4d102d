using Integration.Matching.Clustering;
using Integration.Matching.Comparison;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Explanation;

/// <summary>
/// The explain stage: each record's link (method, confidence, the edge that decides it), the pairs kept for
/// match_pairs, and the evidence text made from them when they are stored.
/// </summary>
internal static class LinkExplanation
{
    public static RecordLink[] DescribeLinks(StandardRecord[] records, List<int[]> clusters, List<LinkEdge> accepted, double[] best)
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

    /// <summary>
    /// The pairs stored in match_pairs: every scored edge in the band it would link in, and the clerks' decisions. An
    /// automatic-level pair that clustering refused (the constraints gave the slot to a rival) is kept in the review
    /// band, not accepted: the records may still be one firm, which the clerks and the alerts must see.
    /// </summary>
    public static List<KeptPair> KeepPairs(List<LinkEdge> scored, List<LinkEdge> accepted, ClerkPairs clerk, LinkDecision decision, StandardRecord[] records)
    {
        var acceptedSet = accepted.Select(e => (e.A, e.B)).ToHashSet();
        var acceptSet = clerk.Accepts.ToHashSet();
        var rejectSet = clerk.Rejects.ToHashSet();
        var byPair = new Dictionary<(int, int), LinkEdge>(scored.Count);
        foreach (var e in scored)
        {
            byPair[(e.A, e.B)] = e; // a clerk's accept replaces the machine's edge of the same pair
        }

        var kept = new List<KeptPair>(byPair.Count + clerk.Rejects.Count);
        foreach (var (key, e) in byPair)
        {
            if (rejectSet.Contains(key))
            {
                continue;
            }

            // A strong pair the constraints refused (it lost its slot to a rival record of the same registry) is not
            // proof of either answer: it is kept in the review band, so a clerk sees it and a decision that would
            // change with it is not taken on the rival alone.
            var band = acceptSet.Contains(key) ? PairBand.ClerkAccept
                : e.Method != LinkMethod.Clerk && !acceptedSet.Contains(key) ? PairBand.Review
                : LinkDecision.BandOf(e.Method);

            var p = e.Method == LinkMethod.Clerk ? FellegiSunterModel.Probability(e.Weight) : e.Probability;
            kept.Add(new KeptPair(e.A, e.B, e.Pattern, e.Weight, p, band, acceptedSet.Contains(key)));
        }

        foreach (var (a, b) in clerk.Rejects)
        {
            var s = decision.Score(a, b, PairComparer.Compare(records[a], records[b]));
            kept.Add(new KeptPair(a, b, s.Pattern, s.Weight, s.Probability, PairBand.ClerkReject, false));
        }

        kept.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return kept;
    }

    /// <summary>
    /// The pairs of records of one registry that share an enterprise, a MoC branch licence apart (a branch is a
    /// licence of its own, not a duplicate). Each comes with its direct edge when it has one, else with its own
    /// score and the weaker method of the two records' links: how the two came to be one firm.
    /// </summary>
    public static List<LinkEdge> Duplicates(StandardRecord[] records, List<int[]> clusters, List<LinkEdge> scored, RecordLink[] links, LinkDecision decision)
    {
        var duplicates = new List<LinkEdge>();
        Dictionary<(int, int), LinkEdge>? byPair = null;
        var sameFeed = new List<int>();
        foreach (var cluster in clusters)
        {
            if (cluster.Length < 2)
            {
                continue;
            }

            for (var feed = 0; feed < Records.Feeds.All.Length; feed++)
            {
                sameFeed.Clear();
                foreach (var m in cluster)
                {
                    if (records[m].Feed == feed && !records[m].IsBranch)
                    {
                        sameFeed.Add(m);
                    }
                }

                for (var x = 0; x < sameFeed.Count; x++)
                {
                    for (var y = x + 1; y < sameFeed.Count; y++)
                    {
                        byPair ??= scored.GroupBy(e => (e.A, e.B)).ToDictionary(g => g.Key, g => g.Last());
                        var (a, b) = (Math.Min(sameFeed[x], sameFeed[y]), Math.Max(sameFeed[x], sameFeed[y]));
                        if (byPair.TryGetValue((a, b), out var direct))
                        {
                            duplicates.Add(direct);
                            continue;
                        }

                        var s = decision.Score(a, b, PairComparer.Compare(records[a], records[b]));
                        var method = (LinkMethod)Math.Max((int)(links[a].Method ?? LinkMethod.Review), (int)(links[b].Method ?? LinkMethod.Review));
                        duplicates.Add(new LinkEdge(a, b, s.Pattern, s.Weight, s.Probability, method));
                    }
                }
            }
        }

        return duplicates;
    }

    /// <summary>"p=0.9990: name exact +11.0; ... (total 12.3)", or "clerk accepted: ..." for a clerk's link.</summary>
    public static string ExplainPair(LinkageResult result, LinkEdge e) => AppendPair(Evidence.Builder(), result, e, null).ToString();

    private static System.Text.StringBuilder AppendPair(System.Text.StringBuilder sb, LinkageResult result, LinkEdge e, Standardisation.SourceRef? other)
    {
        if (e.Method == LinkMethod.Clerk)
        {
            sb.Append("clerk accepted");
        }
        else
        {
            Evidence.AppendNumber(sb.Append("p="), e.Probability, "0.0000");
        }

        if (other is { } o)
        {
            sb.Append(" with ").Append(o.FeedName).Append(' ').Append(o.SourceKey);
        }

        sb.Append(": ");
        Span<double> weights = stackalloc double[Fields.Count];
        result.Scoring.FieldWeights(result.Model, e.A, e.B, e.Pattern, weights);
        return Evidence.AppendText(sb, e.Pattern, weights, e.Weight);
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

        return AppendPair(sb, result, e, result.Records[e.A == link.Record ? e.B : e.A].Source).ToString();
    }
}
