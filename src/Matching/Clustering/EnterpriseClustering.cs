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
    /// <param name="sameFirmThroughThird">
    /// Whether two records of one registry that are each linked automatically to one record of another registry may
    /// share its enterprise without a link of their own (<see cref="LinkDecision.SameFirmThroughThird"/>); null: never.
    /// </param>
    public static ClusteringResult Run(StandardRecord[] records, List<LinkEdge> edges, ClerkPairs clerk, MatchingOptions options, Func<LinkEdge, bool> joins,
        Func<int, int, bool>? sameFirmThroughThird = null)
    {
        var rejectSet = clerk.Rejects.ToHashSet();
        var forms = new RecordForms(records);
        // Two records of one registry are linked directly by any edge of their own that may join enterprises: an automatic
        // link, a clerk's accept, or a review-band pair that joins as its own pair (LinkDecision.Joins). The same evidence
        // that lets the pair join alone lets it share an enterprise that a third record joins first.
        var direct = new HashSet<(int, int)>();
        foreach (var e in edges)
        {
            if (records[e.A].Feed == records[e.B].Feed
                && (e.Method == LinkMethod.Clerk
                    || (!rejectSet.Contains((e.A, e.B)) && joins(e) && !TwoFormsInReview(records, forms, e))))
            {
                direct.Add((e.A, e.B));
            }
        }

        if (sameFirmThroughThird is not null)
        {
            direct.UnionWith(ThroughOneRecord(records, edges, rejectSet, sameFirmThroughThird, forms));
        }

        var clusterer = new Clusterer(records.Select(r => r.Feed).ToArray(), options.MaxRecordsPerFeed, clerk.Rejects, options.MaxMocRecordsPerEnterprise,
            records.Select(r => r.IsBranch).ToArray(), direct);
        var accepted = new List<LinkEdge>();
        foreach (var e in Clusterer.Order(edges))
        {
            if ((e.Method != LinkMethod.Clerk && rejectSet.Contains((e.A, e.B))) || !joins(e) || TwoFormsInReview(records, forms, e))
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

    /// <summary>
    /// A review-band pair of one registry whose names state different forms of presence (<see cref="PresenceForms"/>):
    /// however alike the rest, it is two firms of one parent, and only a certain link or a clerk joins them; so is a pair
    /// of which one names a foreign parent's branch or representative office (two presences of one parent share its
    /// name and its head office's address, so agreeing names and address do not say one registration). A MoC
    /// record that names itself a local head office's branch (<see cref="StandardRecord.IsBranch"/>, "- Branch 2",
    /// "(Siem Reap Branch)") is one more licence of its head office's firm, not a firm of its own: it joins by any link.
    /// </summary>
    private static bool TwoFormsInReview(StandardRecord[] records, RecordForms forms, LinkEdge e) =>
        e.Method == LinkMethod.Review && records[e.A].Feed == records[e.B].Feed && !records[e.A].IsBranch && !records[e.B].IsBranch
        && (forms.Differ(e.A, e.B) || forms.ForeignPresence(e.A) || forms.ForeignPresence(e.B));

    /// <summary>
    /// The form of presence each record's names state, read (four patterns over both names) once per record when first
    /// asked: the edges of one record are checked many times, and only the few records of within-registry review-band
    /// pairs and of shared third records are ever asked, so a table by record, not an array over the register.
    /// </summary>
    private sealed class RecordForms(StandardRecord[] records)
    {
        private readonly Dictionary<int, PresenceForm> _forms = [];

        private PresenceForm Of(int i)
        {
            if (!_forms.TryGetValue(i, out var form))
            {
                _forms[i] = form = PresenceForms.Of(records[i].Source.NameEn, records[i].Source.NameKm);
            }

            return form;
        }

        public bool Differ(int a, int b) => PresenceForms.Differ(Of(a), Of(b));

        public bool ForeignPresence(int i) => PresenceForms.IsForeignPresence(Of(i), records[i].IsBranch);
    }

    /// <summary>
    /// Pairs (A &lt; B) of records of one registry, MoC branches apart and names stating one form of presence
    /// (<see cref="PresenceForms"/>: a branch, a representative office and a subsidiary of one parent are three firms), that are each linked automatically (or by a
    /// clerk) to one record of another registry and that <paramref name="sameFirm"/> lets share its enterprise: a
    /// firm registered twice whose two registrations were written too differently to meet each other (two TINs of
    /// one sole proprietor, a re-registration under the Khmer name) but that both meet the firm's licence.
    /// </summary>
    public static IEnumerable<(int A, int B)> ThroughOneRecord(StandardRecord[] records, List<LinkEdge> edges, HashSet<(int, int)> rejected, Func<int, int, bool> sameFirm) =>
        ThroughOneRecord(records, edges, rejected, sameFirm, new RecordForms(records));

    private static HashSet<(int A, int B)> ThroughOneRecord(StandardRecord[] records, List<LinkEdge> edges, HashSet<(int, int)> rejected, Func<int, int, bool> sameFirm, RecordForms forms)
    {
        var neighbours = new Dictionary<int, List<int>>();
        foreach (var e in edges)
        {
            if (e.Method == LinkMethod.Review || records[e.A].Feed == records[e.B].Feed || (e.Method != LinkMethod.Clerk && rejected.Contains((e.A, e.B))))
            {
                continue;
            }

            (neighbours.TryGetValue(e.A, out var na) ? na : neighbours[e.A] = []).Add(e.B);
            (neighbours.TryGetValue(e.B, out var nb) ? nb : neighbours[e.B] = []).Add(e.A);
        }

        var found = new HashSet<(int, int)>();
        foreach (var list in neighbours.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (x, y) = list[i] < list[j] ? (list[i], list[j]) : (list[j], list[i]);
                    if (records[x].Feed == records[y].Feed && !records[x].IsBranch && !records[y].IsBranch && !rejected.Contains((x, y))
                        && !found.Contains((x, y)) && !forms.Differ(x, y)
                        && !forms.ForeignPresence(x) && !forms.ForeignPresence(y) && sameFirm(x, y))
                    {
                        found.Add((x, y));
                    }
                }
            }
        }

        return found;
    }
}
