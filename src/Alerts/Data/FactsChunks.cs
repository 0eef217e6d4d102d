using System.Data.Common;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;

namespace Integration.Alerts.Data;

/// <summary>
/// The batch's read of the register, one chunk of enterprises at a time (<see cref="AlertsOptions.BatchChunkSize"/>,
/// in enterprise id order): the chunk's enterprises and links, the records those links name with their contributions
/// in the window, the pairs and inspections that touch them, and the records of other enterprises that a review-band
/// pair reaches. What the caller does not keep is released before the next chunk, so memory is bounded by the chunk,
/// not by the register nor by the length of the contribution history.
/// Every enterprise gets the facts the whole-register read gave it, in the same order: records, links and contribution
/// rows within an enterprise come in the order their table is stored in (the order a full scan gives, which the
/// "first value" choices of <see cref="EnterpriseFacts.Pick"/> and the evidence lists follow); pairs are sorted by
/// their consumers. tests/Alerts.Tests/ChunkedBatchTests.cs holds chunks of one enterprise to one chunk of all.
/// </summary>
internal static class FactsChunks
{
    /// <summary>The facts of every live enterprise (and of every id a link names), chunk by chunk.</summary>
    public static IEnumerable<IReadOnlyList<EnterpriseFacts>> Read(DbConnection conn, DateOnly asOf, LicencePolicyOptions policy, int chunkSize)
    {
        var from = ContributionStatus.WindowStart(asOf, policy).ToString();

        // The review band is small (a few percent of the pairs, no evidence read): indexed once by record, in the
        // order the whole-register read met them, which is the order neighbours are added in.
        var uncertain = LinkageReader.UncertainPairs(conn);
        var uncertainOf = new Dictionary<RecordKey, List<int>>();
        for (var i = 0; i < uncertain.Count; i++)
        {
            foreach (var key in new[] { uncertain[i].A, uncertain[i].B }.Distinct())
            {
                if (!uncertainOf.TryGetValue(key, out var list))
                {
                    uncertainOf[key] = list = [];
                }

                list.Add(i);
            }
        }

        var after = "";
        while (true)
        {
            var last = LinkageReader.ChunkEnd(conn, after, chunkSize);
            var chunk = ReadChunk(conn, after, last, from, policy, uncertain, uncertainOf);
            if (chunk.Count > 0)
            {
                yield return chunk;
            }

            if (last is null)
            {
                yield break;
            }

            after = last;
        }
    }

    private static List<EnterpriseFacts> ReadChunk(
        DbConnection conn, string after, string? last, string from, LicencePolicyOptions policy, List<PairRow> uncertain, Dictionary<RecordKey, List<int>> uncertainOf)
    {
        var facts = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
        foreach (var e in LinkageReader.LiveEnterprisesIn(conn, after, last))
        {
            facts[e.EnterpriseId] = new EnterpriseFacts(e.EnterpriseId) { Enterprise = e };
        }

        var byKey = new Dictionary<RecordKey, EnterpriseFacts>();
        foreach (var l in LinkageReader.LinksIn(conn, after, last))
        {
            if (!facts.TryGetValue(l.EnterpriseId, out var f))
            {
                // A link to an enterprise row that does not exist (yet): keep it, so no record is lost.
                f = facts[l.EnterpriseId] = new EnterpriseFacts(l.EnterpriseId);
            }

            f.Links.Add(l);
            byKey[l.Record] = f;
        }

        RecordRows.Load(conn, byKey, from);
        AddPairs(conn, byKey, policy.Uncertain, uncertain, uncertainOf, from);
        AddInspections(conn, byKey);
        return [.. facts.Values];
    }

    /// <summary>
    /// Each uncertain pair goes to the enterprise of its records: a pair inside one enterprise to it, a review-band
    /// pair between two to both, each taking the other's record (with its contributions) as a neighbour; the other
    /// enterprise may lie in another chunk, so its record is read here by key. A pair whose record has no link joins
    /// nothing, a clerk's reject neither. The certain pairs (most of the register) are kept only inside an enterprise
    /// that has an uncertain pair or a record linked in the review band: elsewhere every link is certain and every
    /// stored pair too, which the records' own links already say.
    /// </summary>
    private static void AddPairs(
        DbConnection conn, Dictionary<RecordKey, EnterpriseFacts> byKey, IReadOnlyCollection<string> uncertainMethods, List<PairRow> uncertain, Dictionary<RecordKey, List<int>> uncertainOf, string from)
    {
        var doubtful = byKey.Values.Distinct()
            .Where(f => f.Links.Any(l => LinkageCertainty.IsUncertain(l, uncertainMethods)))
            .ToHashSet();
        var touching = byKey.Keys.SelectMany(k => uncertainOf.GetValueOrDefault(k) ?? []).Distinct().Order().Select(i => uncertain[i])
            .Where(p => p.Kind != PairBand.ClerkReject)
            .ToList();
        var outside = OutsideOwners(conn, byKey, touching.SelectMany(p => new[] { p.A, p.B }).Where(k => !byKey.ContainsKey(k)).Distinct().ToList(), from);
        foreach (var p in touching)
        {
            if ((byKey.GetValueOrDefault(p.A) ?? outside.GetValueOrDefault(p.A)) is not { } a || (byKey.GetValueOrDefault(p.B) ?? outside.GetValueOrDefault(p.B)) is not { } b)
            {
                continue;
            }

            // At least one side is in the chunk; an owner outside it only lends its record.
            var ownA = byKey.ContainsKey(p.A);
            var ownB = byKey.ContainsKey(p.B);
            if (ownA)
            {
                a.AddPair(p);
                doubtful.Add(a);
            }

            if (ReferenceEquals(a, b))
            {
                continue;
            }

            if (ownB)
            {
                b.AddPair(p);
                doubtful.Add(b);
                AddNeighbour(b, a, p.A);
            }

            if (ownA)
            {
                AddNeighbour(a, b, p.B);
            }
        }

        // The certain pairs of those enterprises by key, through the two indexes of the pairs (a scan of the whole
        // table reads every row's evidence JSON: 2.7 s at national scale, for 3 % of its rows).
        foreach (var p in LinkageReader.PairsOfRecords(conn, doubtful.SelectMany(f => f.Links).Select(l => l.Record)))
        {
            if (p.Kind.IsCertain() && byKey.GetValueOrDefault(p.A) is { } a && ReferenceEquals(a, byKey.GetValueOrDefault(p.B)))
            {
                a.AddPair(p);
            }
        }
    }

    /// <summary>The records of other chunks that uncertain pairs reach, each in a stand-in of its enterprise holding its link and rows.</summary>
    private static Dictionary<RecordKey, EnterpriseFacts> OutsideOwners(DbConnection conn, Dictionary<RecordKey, EnterpriseFacts> byKey, List<RecordKey> keys, string from)
    {
        var owners = new Dictionary<RecordKey, EnterpriseFacts>();
        if (keys.Count == 0)
        {
            return owners;
        }

        var enterprises = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
        foreach (var l in LinkageReader.LinksOfRecords(conn, keys))
        {
            if (byKey.ContainsKey(l.Record))
            {
                continue;
            }

            if (!enterprises.TryGetValue(l.EnterpriseId, out var f))
            {
                enterprises[l.EnterpriseId] = f = new EnterpriseFacts(l.EnterpriseId);
            }

            f.Links.Add(l);
            owners[l.Record] = f;
        }

        RecordRows.Load(conn, owners, from);
        return owners;
    }

    /// <summary>Copies record <paramref name="key"/> of <paramref name="owner"/> into <paramref name="facts"/>' neighbours (once).</summary>
    private static void AddNeighbour(EnterpriseFacts facts, EnterpriseFacts owner, RecordKey key)
    {
        var near = facts.Neighbours ??= new EnterpriseFacts("");
        if (near.LinkOf(key) is not null || owner.LinkOf(key) is not { } link)
        {
            return;
        }

        near.Links.Add(link);
        switch (key.Feed)
        {
            case FeedNames.Moc:
                near.Moc.AddRange(owner.Moc.Where(m => m.RegistrationNo == key.Key));
                break;
            case FeedNames.Gdt:
                near.Gdt.AddRange(owner.Gdt.Where(g => g.Tin == key.Key));
                break;
            case FeedNames.Nssf:
                near.Nssf.AddRange(owner.Nssf.Where(n => n.NssfId == key.Key));
                if (owner.Contributions.TryGetValue(key.Key, out var rows))
                {
                    near.Contributions[key.Key] = rows;
                }

                if (owner.LastFullyPaid.TryGetValue(key.Key, out var paid))
                {
                    near.LastFullyPaid[key.Key] = paid;
                }

                break;
        }
    }

    /// <summary>
    /// The latest inspection of the chunk's NSSF ids and registrations, each to one enterprise: that of its NSSF id
    /// when the id is linked (in this chunk or another), else that of its registration number.
    /// </summary>
    private static void AddInspections(DbConnection conn, Dictionary<RecordKey, EnterpriseFacts> byKey)
    {
        var rows = FeedRowReader.LatestInspectionsOf(conn, RecordRows.Keys(byKey, FeedNames.Nssf), RecordRows.Keys(byKey, FeedNames.Moc));
        var elsewhere = rows.Where(i => i.NssfId is { Length: > 0 } n && !byKey.ContainsKey(new RecordKey(FeedNames.Nssf, n)))
            .Select(i => new RecordKey(FeedNames.Nssf, i.NssfId!)).Distinct().ToList();
        var linkedElsewhere = elsewhere.Count == 0 ? [] : LinkageReader.LinksOfRecords(conn, elsewhere).Select(l => l.Record).ToHashSet();
        foreach (var i in rows)
        {
            EnterpriseFacts? f = null;
            if (i.NssfId is { Length: > 0 } n)
            {
                var key = new RecordKey(FeedNames.Nssf, n);
                if (linkedElsewhere.Contains(key))
                {
                    continue;
                }

                f = byKey.GetValueOrDefault(key);
            }

            f ??= i.RegistrationNo is { Length: > 0 } r ? byKey.GetValueOrDefault(new RecordKey(FeedNames.Moc, r)) : null;
            if (f is not null && (f.LastInspectedOn is null || string.CompareOrdinal(i.InspectedOn, f.LastInspectedOn) > 0))
            {
                f.LastInspectedOn = i.InspectedOn;
            }
        }
    }
}
