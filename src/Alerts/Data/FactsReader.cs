using System.Data.Common;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;

namespace Integration.Alerts.Data;

/// <summary>
/// Reads <see cref="EnterpriseFacts"/> through the published readers of Ingest (<see cref="FeedRowReader"/>) and
/// Matching (<see cref="LinkageReader"/>): for one enterprise (a single licence check, by key); the
/// batch (checks, leads, targets) reads a chunk of enterprises at a time with <see cref="FactsChunks"/>. Alerts names none of their tables.
/// </summary>
internal sealed class FactsReader
{
    /// <summary>The MoC record and the enterprise it is linked to, or null when the number is unknown.</summary>
    public static (MocRecord Moc, string? EnterpriseId)? FindRegistration(DbConnection conn, string registrationNo) =>
        FeedRowReader.FindMoc(conn, registrationNo) is { } moc ? (moc, LinkageReader.EnterpriseOf(conn, FeedNames.Moc, registrationNo)) : null;

    /// <summary>
    /// Everything a licence check needs about one enterprise: its links and the pairs that touch its records
    /// first, then only the records those links name, read as the batch reads them (<see cref="RecordRows"/>); then, when a review-band pair reaches a record of another enterprise, that
    /// record with its link and contributions.
    /// </summary>
    public static EnterpriseFacts ForEnterprise(DbConnection conn, string enterpriseId, DateOnly asOf, LicencePolicyOptions policy)
    {
        var facts = new EnterpriseFacts(enterpriseId) { Enterprise = LinkageReader.Enterprise(conn, enterpriseId) };
        facts.Links.AddRange(LinkageReader.LinksOf(conn, enterpriseId));
        var pairs = LinkageReader.PairsOfEnterprise(conn, enterpriseId);
        LoadRecords(conn, facts, facts.Links, asOf, policy);
        var own = facts.Records.ToHashSet();
        var uncertain = pairs.Where(p => p.Kind.IsUncertain()).ToList();
        var outside = uncertain
            .Where(p => own.Contains(p.A) != own.Contains(p.B))
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

        // The pairs the batch keeps (FactsChunks.AddPairs), so a single check states the batch's evidence: an
        // uncertain pair whose records are both linked; the certain pairs inside the enterprise only when it is in
        // doubt (an uncertain pair or a review-band link), elsewhere its links already say what they would; a
        // clerk's reject joins nothing.
        bool Linked(RecordKey k) => own.Contains(k) || facts.Neighbours?.LinkOf(k) is not null;
        var kept = uncertain.Where(p => Linked(p.A) && Linked(p.B)).ToHashSet();
        var doubtful = kept.Count > 0 || facts.Links.Any(l => LinkageCertainty.IsUncertain(l, policy.Uncertain));
        foreach (var p in pairs.Where(p => kept.Contains(p) || (doubtful && p.Kind.IsCertain() && own.Contains(p.A) && own.Contains(p.B))))
        {
            facts.AddPair(p);
        }

        return facts;
    }

    /// <summary>The records <paramref name="links"/> name, with the contributions in the window of their NSSF ids, into <paramref name="facts"/>.</summary>
    private static void LoadRecords(DbConnection conn, EnterpriseFacts facts, IReadOnlyCollection<LinkRow> links, DateOnly asOf, LicencePolicyOptions policy)
    {
        var byKey = new Dictionary<RecordKey, EnterpriseFacts>();
        foreach (var l in links)
        {
            byKey[l.Record] = facts;
        }

        RecordRows.Load(conn, byKey, ContributionStatus.WindowStart(asOf, policy).ToString());
    }
}
