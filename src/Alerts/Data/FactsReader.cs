using System.Data.Common;
using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;

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
        var moc = conn.QueryFirstOrDefault<MocRecord>(AlertsSql.Moc + " WHERE registration_no = @r", new { r = registrationNo });
        if (moc is null)
        {
            return null;
        }

        var enterprise = conn.ExecuteScalar<string?>(
            "SELECT enterprise_id FROM entity_links WHERE feed = @f AND source_key = @r", new { f = Feeds.Moc, r = registrationNo });
        return (moc, enterprise);
    }

    /// <summary>Everything about one enterprise, in one batch of statements.</summary>
    public static EnterpriseFacts ForEnterprise(DbConnection conn, string enterpriseId, DateOnly asOf, LicencePolicyOptions policy)
    {
        var from = ContributionStatus.WindowStart(asOf, policy).ToString();
        var sql = string.Join(";\n",
            AlertsSql.Enterprises + " WHERE enterprise_id = @e",
            AlertsSql.Links + " WHERE enterprise_id = @e",
            AlertsSql.Moc + " WHERE registration_no IN " + AlertsSql.KeysOf(Feeds.Moc),
            AlertsSql.Gdt + " WHERE tin IN " + AlertsSql.KeysOf(Feeds.Gdt),
            AlertsSql.Nssf + " WHERE nssf_id IN " + AlertsSql.KeysOf(Feeds.Nssf),
            AlertsSql.Contributions + " WHERE period >= @from AND nssf_id IN " + AlertsSql.KeysOf(Feeds.Nssf),
            AlertsSql.LastFullyPaid + " AND nssf_id IN " + AlertsSql.KeysOf(Feeds.Nssf) + " GROUP BY nssf_id",
            AlertsSql.Inspections + " WHERE nssf_id IN " + AlertsSql.KeysOf(Feeds.Nssf) + " OR registration_no IN " + AlertsSql.KeysOf(Feeds.Moc) + " GROUP BY nssf_id, registration_no");
        using var grid = conn.QueryMultiple(sql, new { e = enterpriseId, from });
        var facts = new EnterpriseFacts(enterpriseId) { Enterprise = grid.ReadFirstOrDefault<EnterpriseRow>() };
        facts.Links.AddRange(grid.Read<LinkRow>());
        facts.Moc.AddRange(grid.Read<MocRecord>());
        facts.Gdt.AddRange(grid.Read<GdtRecord>());
        facts.Nssf.AddRange(grid.Read<NssfEmployerRecord>());
        foreach (var c in grid.Read<ContributionRow>())
        {
            AddContribution(facts, c);
        }

        foreach (var p in grid.Read<(string NssfId, string Period)>())
        {
            facts.LastFullyPaid[p.NssfId] = p.Period;
        }

        facts.LastInspectedOn = grid.Read<InspectionRow>().Select(i => i.InspectedOn).Max(StringComparer.Ordinal);
        return facts;
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

    private static void AddContribution(EnterpriseFacts facts, ContributionRow c)
    {
        if (!facts.Contributions.TryGetValue(c.NssfId, out var list))
        {
            facts.Contributions[c.NssfId] = list = [];
        }

        list.Add(c);
    }
}
