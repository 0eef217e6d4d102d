using System.Globalization;

namespace Integration.Matching.Clustering;

/// <summary>An enterprise-id event of one run: NEW, MERGE, SPLIT or RETIRE.</summary>
public sealed record EnterpriseEvent(string Kind, string EnterpriseId, string? RelatedIds, string Detail);

/// <summary>The id each cluster gets, and what happened to the ids of the previous run.</summary>
internal sealed record IdAssignment(string[] ClusterIds, IReadOnlyList<EnterpriseEvent> Events, IReadOnlyDictionary<string, string> RetiredInto);

/// <summary>
/// Keeps enterprise ids stable across runs. Each new cluster claims the previous id held by most of its
/// records (largest claims first, ties to the older id); an id can be claimed once. A cluster with no
/// claim gets a fresh id, never a reused one. Ids whose records now sit in another cluster are retired
/// into it (MERGE); an id whose records went to several clusters is a SPLIT.
/// </summary>
internal static class StableIds
{
    /// <param name="previousIdOfMember">Previous enterprise id of each record (by record index), null when new.</param>
    /// <param name="previousActiveIds">Every id that was active before this run.</param>
    public static IdAssignment Assign(
        IReadOnlyList<int[]> clusters,
        IReadOnlyList<string?> previousIdOfMember,
        IReadOnlyCollection<string> previousActiveIds,
        long lastIssuedNumber,
        string prefix)
    {
        var claims = new List<(int Cluster, string Id, int Count)>();
        var clustersOfId = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            var tally = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var member in clusters[c])
            {
                if (previousIdOfMember[member] is { } id)
                {
                    tally[id] = tally.GetValueOrDefault(id) + 1;
                    if (!clustersOfId.TryGetValue(id, out var where))
                    {
                        clustersOfId[id] = where = [];
                    }

                    where[c] = where.GetValueOrDefault(c) + 1;
                }
            }

            foreach (var (id, count) in tally)
            {
                claims.Add((c, id, count));
            }
        }

        claims.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(x.Id, y.Id));
        var ids = new string?[clusters.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (c, id, _) in claims)
        {
            if (ids[c] is null && taken.Add(id))
            {
                ids[c] = id;
            }
        }

        var events = new List<EnterpriseEvent>();
        var next = lastIssuedNumber;
        for (var c = 0; c < clusters.Count; c++)
        {
            if (ids[c] is null)
            {
                ids[c] = prefix + (++next).ToString("D8", CultureInfo.InvariantCulture);
                taken.Add(ids[c]!);
                var heldBefore = clusters[c].Any(m => previousIdOfMember[m] is not null);
                events.Add(new EnterpriseEvent("NEW", ids[c]!, null, heldBefore
                    ? "records split off from an existing enterprise"
                    : $"{clusters[c].Length} record(s) seen for the first time"));
            }
        }

        // Merges: a cluster holding records of other previous ids absorbs them.
        var retiredInto = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            var others = clusters[c].Select(m => previousIdOfMember[m]).OfType<string>()
                .Where(id => id != ids[c]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var absorbed = others.Where(id => !taken.Contains(id)).ToList();
            if (absorbed.Count > 0)
            {
                events.Add(new EnterpriseEvent("MERGE", ids[c]!, string.Join('|', absorbed), $"{absorbed.Count} enterprise(s) merged into {ids[c]}"));
            }
        }

        // Splits: an old id whose records now sit in more than one cluster.
        foreach (var (id, where) in clustersOfId.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (where.Count > 1)
            {
                var parts = where.Keys.Select(c => ids[c]!).Where(x => x != id).Order(StringComparer.Ordinal).ToList();
                events.Add(new EnterpriseEvent("SPLIT", id, string.Join('|', parts), $"records of {id} now belong to {where.Count} enterprises"));
            }

            if (!taken.Contains(id))
            {
                // Retired: followed to the cluster that holds most of its records.
                var best = where.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
                retiredInto[id] = ids[best]!;
            }
        }

        foreach (var id in previousActiveIds.Order(StringComparer.Ordinal))
        {
            if (!taken.Contains(id) && !retiredInto.ContainsKey(id))
            {
                events.Add(new EnterpriseEvent("RETIRE", id, null, "none of its records is current any more"));
            }
        }

        return new IdAssignment(ids!, events, retiredInto);
    }
}
