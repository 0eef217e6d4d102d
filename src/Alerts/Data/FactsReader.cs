using System.Data.Common;
using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;

namespace Integration.Alerts.Data;

/// <summary>
/// Reads <see cref="EnterpriseFacts"/> through the published readers of Ingest (<see cref="FeedRowReader"/>) and
/// Matching (<see cref="LinkageReader"/>): for one enterprise (a single licence check, by key); the
/// batch (checks, leads, targets) reads a chunk of enterprises at a time with <see cref="FactsChunks"/>. Alerts names none of their tables.
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

            foreach (var p in FeedRowReader.LastFullyPaidOf(conn, nssf))
            {
                facts.LastFullyPaid[p.NssfId] = p.Period;
            }
        }
    }

    /// <summary>Adds a contribution row to its NSSF id's list, in the order rows are read.</summary>
    internal static void AddContribution(EnterpriseFacts facts, ContributionRow c)
    {
        if (!facts.Contributions.TryGetValue(c.NssfId, out var list))
        {
            facts.Contributions[c.NssfId] = list = [];
        }

        list.Add(c);
    }
}
