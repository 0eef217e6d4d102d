using System.Data.Common;
using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;

namespace Integration.Alerts.Data;

/// <summary>
/// Reads <see cref="EnterpriseFacts"/> through the published readers of Ingest (<see cref="FeedRowReader"/>) and
/// Matching (<see cref="LinkageReader"/>): for one enterprise (a single licence check, by key) or for every
/// enterprise at once (batch, leads, targets). Alerts names none of their tables.
/// </summary>
public sealed class FactsReader
{
    /// <summary>The MoC record and the enterprise it is linked to, or null when the number is unknown.</summary>
    public static (MocRecord Moc, string? EnterpriseId)? FindRegistration(DbConnection conn, string registrationNo) =>
        FeedRowReader.FindMoc(conn, registrationNo) is { } moc ? (moc, LinkageReader.EnterpriseOf(conn, FeedNames.Moc, registrationNo)) : null;

    /// <summary>
    /// Everything a licence check needs about one enterprise: its links and the pairs that touch its records
    /// first, then only the records those links name, by primary key (keyed lookups; subqueries cost more to
    /// prepare than to run here); then, when a review-band pair reaches a record of another enterprise, that
    /// record with its link and contributions.
    /// </summary>
    public static EnterpriseFacts ForEnterprise(DbConnection conn, string enterpriseId, DateOnly asOf, LicencePolicyOptions policy)
    {
        var facts = new EnterpriseFacts(enterpriseId) { Enterprise = LinkageReader.Enterprise(conn, enterpriseId) };
        facts.Links.AddRange(LinkageReader.LinksOf(conn, enterpriseId));
        foreach (var p in LinkageReader.PairsOfEnterprise(conn, enterpriseId))
        {
            facts.AddPair(p);
        }

        LoadRecords(conn, facts, facts.Links, asOf, policy);
        var own = facts.Records.ToHashSet();
        var outside = facts.Pairs
            .Where(p => p.Kind.IsUncertain() && own.Contains(p.A) != own.Contains(p.B))
            .Select(p => own.Contains(p.A) ? p.B : p.A)
            .Distinct()
            .ToList();
        if (outside.Count > 0)
        {
            var near = new EnterpriseFacts("");
            near.Links.AddRange(LinkageReader.LinksOfRecords(conn, outside));
            LoadRecords(conn, near, near.Links, asOf, policy);
            facts.Neighbours = near;
        }

        return facts;
    }

    /// <summary>The records <paramref name="links"/> name, with the contributions in the window of their NSSF ids, into <paramref name="facts"/>.</summary>
    private static void LoadRecords(DbConnection conn, EnterpriseFacts facts, IReadOnlyCollection<LinkRow> links, DateOnly asOf, LicencePolicyOptions policy)
    {
        var moc = links.Where(l => l.Feed == FeedNames.Moc).Select(l => l.SourceKey).ToList();
        var gdt = links.Where(l => l.Feed == FeedNames.Gdt).Select(l => l.SourceKey).ToList();
        var nssf = links.Where(l => l.Feed == FeedNames.Nssf).Select(l => l.SourceKey).ToList();
        var from = ContributionStatus.WindowStart(asOf, policy).ToString();
        if (moc.Count > 0)
        {
            facts.Moc.AddRange(FeedRowReader.MocByKeys(conn, moc));
        }

        if (gdt.Count > 0)
        {
            facts.Gdt.AddRange(FeedRowReader.GdtByKeys(conn, gdt));
        }

        if (nssf.Count > 0)
        {
            facts.Nssf.AddRange(FeedRowReader.NssfByKeys(conn, nssf));
            foreach (var c in FeedRowReader.Contributions(conn, from, nssf))
            {
                AddContribution(facts, c);
            }

            foreach (var p in FeedRowReader.LastFullyPaid(conn, nssf))
            {
                facts.LastFullyPaid[p.NssfId] = p.Period;
            }
        }
    }

    /// <summary>Every live enterprise with its facts, keyed by enterprise id. Records not linked to a
    /// live enterprise are left out (matching links every current record).</summary>
    public static Dictionary<string, EnterpriseFacts> All(DbConnection conn, DateOnly asOf, LicencePolicyOptions policy)
    {
        var from = ContributionStatus.WindowStart(asOf, policy).ToString();
        var facts = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
        foreach (var e in LinkageReader.LiveEnterprises(conn))
        {
            facts[e.EnterpriseId] = new EnterpriseFacts(e.EnterpriseId) { Enterprise = e };
        }

        var byKey = new Dictionary<(string Feed, string Key), EnterpriseFacts>();
        foreach (var l in LinkageReader.AllLinks(conn))
        {
            if (!facts.TryGetValue(l.EnterpriseId, out var f))
            {
                // A link to an enterprise row that does not exist (yet): keep it, so no record is lost.
                f = facts[l.EnterpriseId] = new EnterpriseFacts(l.EnterpriseId);
            }

            f.Links.Add(l);
            byKey[(l.Feed, l.SourceKey)] = f;
        }

        foreach (var m in FeedRowReader.Moc(conn))
        {
            byKey.GetValueOrDefault((FeedNames.Moc, m.RegistrationNo))?.Moc.Add(m);
        }

        foreach (var g in FeedRowReader.Gdt(conn))
        {
            byKey.GetValueOrDefault((FeedNames.Gdt, g.Tin))?.Gdt.Add(g);
        }

        foreach (var n in FeedRowReader.Nssf(conn))
        {
            byKey.GetValueOrDefault((FeedNames.Nssf, n.NssfId))?.Nssf.Add(n);
        }

        foreach (var c in FeedRowReader.Contributions(conn, from))
        {
            if (byKey.GetValueOrDefault((FeedNames.Nssf, c.NssfId)) is { } f)
            {
                AddContribution(f, c);
            }
        }

        foreach (var p in FeedRowReader.LastFullyPaid(conn))
        {
            if (byKey.GetValueOrDefault((FeedNames.Nssf, p.NssfId)) is { } f)
            {
                f.LastFullyPaid[p.NssfId] = p.Period;
            }
        }

        AddPairs(conn, byKey, policy.Uncertain);

        foreach (var i in FeedRowReader.LatestInspections(conn))
        {
            var f = (i.NssfId is { Length: > 0 } n ? byKey.GetValueOrDefault((FeedNames.Nssf, n)) : null)
                ?? (i.RegistrationNo is { Length: > 0 } r ? byKey.GetValueOrDefault((FeedNames.Moc, r)) : null);
            if (f is not null && (f.LastInspectedOn is null || string.CompareOrdinal(i.InspectedOn, f.LastInspectedOn) > 0))
            {
                f.LastInspectedOn = i.InspectedOn;
            }
        }

        return facts;
    }

    /// <summary>
    /// Each pair goes to the enterprise of its records: a pair inside one enterprise to it, a review-band pair
    /// between two to both, each taking the other's record (with its contributions) as a neighbour. The uncertain
    /// pairs are read first; the certain ones (most of the register) are kept only inside an enterprise that has
    /// an uncertain pair or a record linked in the review band: elsewhere every link is certain and every stored
    /// pair too, which the records' own links already say.
    /// </summary>
    private static void AddPairs(DbConnection conn, Dictionary<(string Feed, string Key), EnterpriseFacts> byKey, IReadOnlyCollection<string> uncertainMethods)
    {
        var doubtful = byKey.Values.Distinct()
            .Where(f => f.Links.Any(l => uncertainMethods.Contains(l.Method, StringComparer.OrdinalIgnoreCase)))
            .ToHashSet();
        foreach (var p in LinkageReader.UncertainPairs(conn))
        {
            if (p.Kind == PairBand.ClerkReject || byKey.GetValueOrDefault((p.FeedA, p.KeyA)) is not { } a || byKey.GetValueOrDefault((p.FeedB, p.KeyB)) is not { } b)
            {
                continue;
            }

            a.AddPair(p);
            doubtful.Add(a);
            if (!ReferenceEquals(a, b))
            {
                b.AddPair(p);
                doubtful.Add(b);
                AddNeighbour(a, b, p.B);
                AddNeighbour(b, a, p.A);
            }
        }

        // The certain pairs of those enterprises by key, through the two indexes of the pairs (a scan of the whole
        // table reads every row's evidence JSON: 2.7 s at national scale, for 3 % of its rows).
        foreach (var p in LinkageReader.PairsOfRecords(conn, doubtful.SelectMany(f => f.Links).Select(l => l.Record)))
        {
            if (p.Kind.IsCertain() && byKey.GetValueOrDefault((p.FeedA, p.KeyA)) is { } a && ReferenceEquals(a, byKey.GetValueOrDefault((p.FeedB, p.KeyB))))
            {
                a.AddPair(p);
            }
        }
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

    private static void AddContribution(EnterpriseFacts facts, ContributionRow c)
    {
        if (!facts.Contributions.TryGetValue(c.NssfId, out var list))
        {
            facts.Contributions[c.NssfId] = list = [];
        }

        list.Add(c);
    }
}
