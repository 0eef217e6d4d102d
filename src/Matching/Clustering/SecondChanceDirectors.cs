using Integration.Matching.Comparison;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Clustering;

/// <summary>
/// The part of the second-chance search (<see cref="SecondChanceEmployers"/>) that reads a free record's name as a
/// person's: a sole proprietor often registers with NSSF or GDT under the owner's own name, which is the MoC
/// registration's <c>director_name</c>, while the firm's name is the shop's. The model compares firm names and
/// scores such a pair near zero, so blocking on names never even pairs them. Here a free record whose name (or a
/// bracketed part of it) is the director's name, the same words in any order in the same script (<see cref="PersonName"/>),
/// is kept as an unjoined review pair with the director's enterprise when it is not in another province and either
/// something else agrees (the same commune or closer, a shared phone, the same house on the same street; the free
/// record's likeliest such enterprise only, and a differing cross-reference is then overruled) or, with no differing
/// TIN or MoC number, the person is rare there: the free record names at most <c>most</c> such enterprises and the
/// enterprise at most that many free records. A clerk confirms; nothing is linked.
/// </summary>
internal static class SecondChanceDirectors
{
    public static List<LinkEdge> Find(StandardRecord[] records, bool[] target, bool[] free, int[] clusterOf, HashSet<(int, int)> rejected, Func<int, int, int, PairDecision> decide, int most, ref long compared)
    {
        var owners = new Dictionary<long, List<int>>();
        for (var i = 0; i < records.Length; i++)
        {
            if (!free[i])
            {
                continue;
            }

            foreach (var person in PersonName.OfRecordName(records[i].Source.NameEn, records[i].Source.NameKm))
            {
                if (!owners.TryGetValue(person.Key, out var list))
                {
                    owners[person.Key] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        if (owners.Count == 0)
        {
            return [];
        }

        // (enterprise, free record) -> the enterprise's record whose director it names, scored.
        var found = new Dictionary<(int Cluster, int Free), (LinkEdge Edge, bool Agrees)>();
        for (var t = 0; t < records.Length; t++)
        {
            if (!target[t] || PersonName.Of(records[t].Source.Director) is not { } director)
            {
                continue;
            }

            foreach (var f in owners.TryGetValue(director.Key, out var named) ? named : [])
            {
                var (a, b) = t < f ? (t, f) : (f, t);
                if (found.ContainsKey((clusterOf[t], f)) || rejected.Contains((a, b)))
                {
                    continue;
                }

                compared++;
                var d = decide(a, b, PairComparer.Compare(records[a], records[b]));
                var agrees = Agrees(d.Pattern);
                if (d.Method is LinkMethod.Id or LinkMethod.Fuzzy || OtherProvince(d.Pattern) || (!agrees && DifferingIdentifier(d.Pattern)))
                {
                    // An automatic link is weighed elsewhere; another province says two firms; so does a differing
                    // identifier unless the place or phone agrees (a cross-reference is wrong a few times in a hundred).
                    continue;
                }

                found[(clusterOf[t], f)] = (new LinkEdge(a, b, d.Pattern, d.Weight, d.Probability, LinkMethod.Review), agrees);
            }
        }

        // An enterprise with an agreeing one keeps only those; a free record lends itself to its likeliest agreeing
        // enterprise; without agreement both sides must be rare.
        var perFree = found.Keys.GroupBy(k => k.Free).ToDictionary(g => g.Key, g => g.Count());
        var perCluster = found.Keys.GroupBy(k => k.Cluster).ToDictionary(g => g.Key, g => g.Count());
        var agreeing = found.Where(p => p.Value.Agrees).ToList();
        var bestForFree = agreeing.GroupBy(p => p.Key.Free).ToDictionary(g => g.Key, g => g.Max(p => p.Value.Edge.Probability));
        var clustersAgreeing = agreeing.Select(p => p.Key.Cluster).ToHashSet();
        return found
            .Where(p => p.Value.Agrees
                ? p.Value.Edge.Probability >= bestForFree[p.Key.Free]
                : !bestForFree.ContainsKey(p.Key.Free) && !clustersAgreeing.Contains(p.Key.Cluster) && perFree[p.Key.Free] <= most && perCluster[p.Key.Cluster] <= most)
            .Select(p => p.Value.Edge)
            .ToList();
    }

    private static bool OtherProvince(int pattern) => Pattern.Level(pattern, Fields.Place) == 0;

    private static bool DifferingIdentifier(int pattern) => Pattern.Level(pattern, Fields.Tin) == 0 || Pattern.Level(pattern, Fields.Moc) == 0;

    /// <summary>Something besides the person agrees: the same commune or closer, a shared phone, the same house number on the same street.</summary>
    public static bool Agrees(int pattern) =>
        Pattern.Level(pattern, Fields.Place) >= 3 || Pattern.Level(pattern, Fields.Phone) == 1 || Pattern.Level(pattern, Fields.House) == 2;
}
