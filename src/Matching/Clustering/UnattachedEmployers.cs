using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Scoring;

namespace Integration.Matching.Clustering;

/// <summary>
/// An NSSF employer that no licence or taxpayer record joins is, on a register where every employer holds a MoC
/// licence or a TIN, most often a link the matcher missed: its licence and tax records then look like a firm that
/// never registered (a false lead, a wrong NOT_REGISTERED block). Its best candidate among the other registries,
/// below the review band but at least <see cref="MatchingOptions.UnattachedCandidateThreshold"/>, is kept as a
/// review-band pair that is not joined: the clerks see it, and the alerts neither block nor list a lead on the
/// other record's enterprise while it stands. Nothing is linked by it.
/// </summary>
internal static class UnattachedEmployers
{
    /// <summary>
    /// Each NSSF record's best cross-registry candidates that did not reach the review band (ties kept), by record:
    /// the only candidates the rule can use once clustering has said which employers stayed alone.
    /// </summary>
    /// <param name="feedOf">Per record, its registry index.</param>
    /// <param name="decide">The decide stage (<see cref="LinkDecision.Decide"/>).</param>
    public static Dictionary<int, List<LinkEdge>> BestBelowReview(IEnumerable<ComparedPair> candidates, int[] feedOf, Func<int, int, int, PairDecision> decide, double floor, double reviewThreshold)
    {
        var nssf = Feeds.Index(Feeds.Nssf);
        var best = new Dictionary<int, List<LinkEdge>>();
        if (floor >= reviewThreshold)
        {
            return best; // the rule is off: the review band already holds everything above the floor
        }

        foreach (var (a, b, pattern) in candidates)
        {
            var feedA = feedOf[a];
            var feedB = feedOf[b];
            if ((feedA == nssf) == (feedB == nssf))
            {
                continue; // one side must be an employer, the other a licence or a taxpayer
            }

            var d = decide(a, b, pattern);
            if (d.Method is not null || d.Probability < floor)
            {
                continue; // a linking or review-band pair is an edge of its own
            }

            var employer = feedA == nssf ? a : b;
            var edge = new LinkEdge(a, b, d.Pattern, d.Weight, d.Probability, LinkMethod.Review);
            if (!best.TryGetValue(employer, out var list))
            {
                best[employer] = [edge];
            }
            else if (edge.Probability > list[0].Probability)
            {
                list.Clear();
                list.Add(edge);
            }
            else if (edge.Probability == list[0].Probability)
            {
                list.Add(edge);
            }
        }

        return best;
    }

    /// <summary>
    /// The candidate pairs of the employers clustering left without any licence or taxpayer record, unless the
    /// employer already has a review-band pair of its own (the clerks see that one) or a clerk rejected the pair.
    /// </summary>
    public static List<LinkEdge> Pairs(Dictionary<int, List<LinkEdge>> best, int[] feedOf, List<int[]> clusters, List<LinkEdge> edges, IEnumerable<(int A, int B)> rejects)
    {
        var nssf = Feeds.Index(Feeds.Nssf);
        var withPair = new HashSet<int>();
        foreach (var e in edges.Where(e => (feedOf[e.A] == nssf) != (feedOf[e.B] == nssf)))
        {
            withPair.Add(e.A);
            withPair.Add(e.B);
        }

        var rejected = rejects.ToHashSet();
        var pairs = new List<LinkEdge>();
        foreach (var cluster in clusters)
        {
            if (cluster.Any(r => feedOf[r] != nssf))
            {
                continue;
            }

            foreach (var employer in cluster)
            {
                if (!withPair.Contains(employer) && best.TryGetValue(employer, out var list))
                {
                    pairs.AddRange(list.Where(e => !rejected.Contains((e.A, e.B))));
                }
            }
        }

        return pairs;
    }
}
