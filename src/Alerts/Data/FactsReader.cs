using System.Data.Common;
using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Database;
using Integration.Matching.Persistence;
using Integration.Matching.Scoring;

namespace Integration.Alerts.Data;

/// <summary>
/// Reads <see cref="EnterpriseFacts"/> from the feed and linkage tables: for one enterprise (a single
/// licence check, three round trips) or for every enterprise at once (batch, leads, targets).
/// </summary>
public sealed class FactsReader
{
    /// <summary>The MoC record and the enterprise it is linked to, or null when the number is unknown.</summary>
    public static (MocRecord Moc, string? EnterpriseId)? FindRegistration(DbConnection conn, string registrationNo)
    {
        var moc = conn.QueryFirstOrDefault<MocRecord>(
            AlertsSql.Moc.Replace(" FROM moc_licences", ", (SELECT enterprise_id FROM entity_links WHERE feed = 'moc-licences' AND source_key = @r) AS linked_enterprise_id FROM moc_licences", StringComparison.Ordinal)
                + " WHERE registration_no = @r",
            new { r = registrationNo });
        return moc is null ? null : (moc, moc.LinkedEnterpriseId);
    }

    /// <summary>
    /// Everything a licence check needs about one enterprise: its links and the pairs that touch its records
    /// first, then only the records those links name, by primary key (keyed lookups; subqueries cost more to
    /// prepare than to run here); then, when a review-band pair reaches a record of another enterprise, that
    /// record with its link and contributions.
    /// </summary>
    public static EnterpriseFacts ForEnterprise(DbConnection conn, string enterpriseId, DateOnly asOf, LicencePolicyOptions policy)
    {
        var facts = new EnterpriseFacts(enterpriseId);
        using (var grid = conn.QueryMultiple(
            AlertsSql.Enterprises + " WHERE enterprise_id = @e;\n" + AlertsSql.Links + " WHERE enterprise_id = @e;\n" + PairsOfEnterprise,
            new { e = enterpriseId }))
        {
            facts.Enterprise = grid.ReadFirstOrDefault<EnterpriseRow>();
            facts.Links.AddRange(grid.Read<LinkRow>());
            foreach (var p in grid.Read<PairRow>())
            {
                facts.AddPair(p);
            }
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
            var args = new DynamicParameters();
            var sql = AlertsSql.Links + " WHERE " + string.Join(" OR ", outside.Select((k, i) => Key(args, i, k)));
            var near = new EnterpriseFacts("");
            near.Links.AddRange(conn.Query<LinkRow>(sql, args));
            LoadRecords(conn, near, near.Links, asOf, policy);
            facts.Neighbours = near;
        }

        return facts;

        static string Key(DynamicParameters args, int i, RecordKey k)
        {
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            args.Add("f" + n, k.Feed);
            args.Add("k" + n, k.Key);
            return $"(feed = @f{n} AND source_key = @k{n})";
        }
    }

    /// <summary>The pairs with either record in enterprise @e (each side through its own index; UNION drops a pair met twice).</summary>
    private const string PairsOfEnterprise =
        AlertsSql.Pairs + " JOIN entity_links l ON l.feed = p.feed_a AND l.source_key = p.key_a WHERE l.enterprise_id = @e"
        + " UNION " + AlertsSql.Pairs + " JOIN entity_links l ON l.feed = p.feed_b AND l.source_key = p.key_b WHERE l.enterprise_id = @e";

    /// <summary>The records <paramref name="links"/> name, with the contributions in the window of their NSSF ids, into <paramref name="facts"/>.</summary>
    private static void LoadRecords(DbConnection conn, EnterpriseFacts facts, IReadOnlyCollection<LinkRow> links, DateOnly asOf, LicencePolicyOptions policy)
    {
        var moc = links.Where(l => l.Feed == Feeds.Moc).Select(l => l.SourceKey).ToList();
        var gdt = links.Where(l => l.Feed == Feeds.Gdt).Select(l => l.SourceKey).ToList();
        var nssf = links.Where(l => l.Feed == Feeds.Nssf).Select(l => l.SourceKey).ToList();
        var args = new DynamicParameters();
        args.Add("from", ContributionStatus.WindowStart(asOf, policy).ToString());
        string In(string name, List<string> keys) => SqlInList.Add(args, name, keys);

        var statements = new List<string>();
        if (moc.Count > 0)
        {
            statements.Add(AlertsSql.Moc + " WHERE registration_no IN " + In("m", moc));
        }

        if (gdt.Count > 0)
        {
            statements.Add(AlertsSql.Gdt + " WHERE tin IN " + In("g", gdt));
        }

        if (nssf.Count > 0)
        {
            var keys = In("n", nssf);
            statements.Add(AlertsSql.Nssf + " WHERE nssf_id IN " + keys);
            statements.Add(AlertsSql.Contributions + " WHERE nssf_id IN " + keys + " AND period >= @from");
            statements.Add(AlertsSql.LastFullyPaid + " AND nssf_id IN " + keys + " GROUP BY nssf_id");
        }

        if (statements.Count == 0)
        {
            return;
        }

        using var records = conn.QueryMultiple(string.Join(";\n", statements), args);
        if (moc.Count > 0)
        {
            facts.Moc.AddRange(records.Read<MocRecord>());
        }

        if (gdt.Count > 0)
        {
            facts.Gdt.AddRange(records.Read<GdtRecord>());
        }

        if (nssf.Count > 0)
        {
            facts.Nssf.AddRange(records.Read<NssfEmployerRecord>());
            foreach (var c in records.Read<ContributionRow>())
            {
                AddContribution(facts, c);
            }

            foreach (var p in records.Read<(string NssfId, string Period)>())
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
        foreach (var e in conn.Query<EnterpriseRow>(AlertsSql.Enterprises + " WHERE retired_into IS NULL AND retired_run_id IS NULL", buffered: false))
        {
            facts[e.EnterpriseId] = new EnterpriseFacts(e.EnterpriseId) { Enterprise = e };
        }

        var byKey = new Dictionary<(string Feed, string Key), EnterpriseFacts>();
        foreach (var l in conn.Query<LinkRow>(AlertsSql.Links, buffered: false))
        {
            if (!facts.TryGetValue(l.EnterpriseId, out var f))
            {
                // A link to an enterprise row that does not exist (yet): keep it, so no record is lost.
                f = facts[l.EnterpriseId] = new EnterpriseFacts(l.EnterpriseId);
            }

            f.Links.Add(l);
            byKey[(l.Feed, l.SourceKey)] = f;
        }

        foreach (var m in conn.Query<MocRecord>(AlertsSql.Moc, buffered: false))
        {
            byKey.GetValueOrDefault((Feeds.Moc, m.RegistrationNo))?.Moc.Add(m);
        }

        foreach (var g in conn.Query<GdtRecord>(AlertsSql.Gdt, buffered: false))
        {
            byKey.GetValueOrDefault((Feeds.Gdt, g.Tin))?.Gdt.Add(g);
        }

        foreach (var n in conn.Query<NssfEmployerRecord>(AlertsSql.Nssf, buffered: false))
        {
            byKey.GetValueOrDefault((Feeds.Nssf, n.NssfId))?.Nssf.Add(n);
        }

        foreach (var c in conn.Query<ContributionRow>(AlertsSql.Contributions + " WHERE period >= @from", new { from }, buffered: false))
        {
            if (byKey.GetValueOrDefault((Feeds.Nssf, c.NssfId)) is { } f)
            {
                AddContribution(f, c);
            }
        }

        foreach (var p in conn.Query<(string NssfId, string Period)>(AlertsSql.LastFullyPaid + " GROUP BY nssf_id", buffered: false))
        {
            if (byKey.GetValueOrDefault((Feeds.Nssf, p.NssfId)) is { } f)
            {
                f.LastFullyPaid[p.NssfId] = p.Period;
            }
        }

        AddPairs(conn, byKey, policy.Uncertain);

        foreach (var i in conn.Query<InspectionRow>(AlertsSql.Inspections + " GROUP BY nssf_id, registration_no", buffered: false))
        {
            var f = (i.NssfId is { Length: > 0 } n ? byKey.GetValueOrDefault((Feeds.Nssf, n)) : null)
                ?? (i.RegistrationNo is { Length: > 0 } r ? byKey.GetValueOrDefault((Feeds.Moc, r)) : null);
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
        var certain = new { link = StoredText.Of(PairBand.Link), accept = StoredText.Of(PairBand.ClerkAccept) };
        foreach (var p in conn.Query<PairRow>(AlertsSql.Pairs + " WHERE p.band NOT IN (@link, @accept)", certain))
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

        // The certain pairs of those enterprises by key, through the two indexes of match_pairs (a scan of the whole
        // table reads every row's evidence JSON: 2.7 s at national scale, for 3 % of its rows).
        foreach (var p in PairsOf(conn, doubtful.SelectMany(f => f.Links)))
        {
            if (p.Kind.IsCertain() && byKey.GetValueOrDefault((p.FeedA, p.KeyA)) is { } a && ReferenceEquals(a, byKey.GetValueOrDefault((p.FeedB, p.KeyB))))
            {
                a.AddPair(p);
            }
        }
    }

    /// <summary>The pairs with a record of <paramref name="links"/> on either side, each at most once.</summary>
    private static IEnumerable<PairRow> PairsOf(DbConnection conn, IEnumerable<LinkRow> links)
    {
        var seen = new HashSet<(RecordKey, RecordKey)>();
        foreach (var feed in links.GroupBy(l => l.Feed, StringComparer.Ordinal))
        {
            foreach (var chunk in SqlInList.Chunks(feed.Select(l => l.SourceKey), StringComparer.Ordinal, size: 200))
            {
                var args = new DynamicParameters();
                args.Add("feed", feed.Key);
                var keys = SqlInList.Add(args, "k", chunk);
                foreach (var side in new[] { "p.feed_a = @feed AND p.key_a IN ", "p.feed_b = @feed AND p.key_b IN " })
                {
                    foreach (var p in conn.Query<PairRow>(AlertsSql.Pairs + " WHERE " + side + keys, args))
                    {
                        if (seen.Add((p.A, p.B)))
                        {
                            yield return p;
                        }
                    }
                }
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
            case Feeds.Moc:
                near.Moc.AddRange(owner.Moc.Where(m => m.RegistrationNo == key.Key));
                break;
            case Feeds.Gdt:
                near.Gdt.AddRange(owner.Gdt.Where(g => g.Tin == key.Key));
                break;
            case Feeds.Nssf:
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
