using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Clustering;

/// <summary>The clerks' decisions that apply to this run, as record-index pairs (A &lt; B).</summary>
internal sealed record ClerkPairs(List<(int A, int B)> Accepts, List<(int A, int B)> Rejects)
{
    /// <summary>The decisions whose two records are both current; the others wait until the records come back.</summary>
    public static ClerkPairs Resolve(IReadOnlyList<ClerkDecision> decisions, StandardRecord[] records)
    {
        var keyOf = new Dictionary<(int, string), int>(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            keyOf[(records[i].Feed, records[i].Source.SourceKey)] = i;
        }

        var accepts = new List<(int, int)>();
        var rejects = new List<(int, int)>();
        foreach (var d in decisions)
        {
            if (d.Verdict is not { } verdict
                || !keyOf.TryGetValue((Feeds.Index(d.FeedA), d.KeyA), out var a) || !keyOf.TryGetValue((Feeds.Index(d.FeedB), d.KeyB), out var b) || a == b)
            {
                continue;
            }

            var pair = a < b ? (a, b) : (b, a);
            (verdict == ClerkVerdict.Accept ? accepts : rejects).Add(pair);
        }

        return new ClerkPairs(accepts, rejects);
    }
}

/// <summary>The enterprises (member lists) and the edges that made them.</summary>
internal sealed record ClusteringResult(List<int[]> Clusters, List<LinkEdge> Accepted);

/// <summary>
/// The cluster stage: edges in order of certainty through the constrained <see cref="Clusterer"/>; a clerk's
/// reject is never crossed by a machine edge.
/// </summary>
internal static class EnterpriseClustering
{
    /// <param name="joins">Whether an edge may join enterprises at all (<see cref="LinkDecision.Joins"/>).</param>
    public static ClusteringResult Run(StandardRecord[] records, List<LinkEdge> edges, ClerkPairs clerk, MatchingOptions options, Func<LinkEdge, bool> joins)
    {
        var rejectSet = clerk.Rejects.ToHashSet();
        var direct = new HashSet<(int, int)>();
        foreach (var e in edges)
        {
            if (e.Method != LinkMethod.Review && records[e.A].Feed == records[e.B].Feed && (e.Method == LinkMethod.Clerk || !rejectSet.Contains((e.A, e.B))))
            {
                direct.Add((e.A, e.B));
            }
        }

        var clusterer = new Clusterer(records.Select(r => r.Feed).ToArray(), options.MaxRecordsPerFeed, clerk.Rejects, options.MaxMocRecordsPerEnterprise,
            records.Select(r => r.IsBranch).ToArray(), direct);
        var accepted = new List<LinkEdge>();
        foreach (var e in Clusterer.Order(edges))
        {
            if ((e.Method != LinkMethod.Clerk && rejectSet.Contains((e.A, e.B))) || !joins(e))
            {
                continue;
            }

            if (clusterer.TryUnion(e.A, e.B))
            {
                accepted.Add(e);
            }
        }

        return new ClusteringResult(clusterer.Clusters(), accepted);
    }
}
