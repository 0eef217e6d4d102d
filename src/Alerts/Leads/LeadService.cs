using System.Data.Common;
using Dapper;
using Integration.Alerts.Data;
using Integration.Alerts.Model;
using Integration.Core.Database;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Leads;

/// <summary>
/// The NSSF division's lead list: enterprises that must register and have not, with the division's
/// status (kept across runs by enterprise id) and whether each lead is new since the previous alerts run.
/// </summary>
public sealed class LeadService(Db db, IOptions<AlertsOptions> options, TimeProvider clock)
{
    private readonly LeadFinder _finder = new(options.Value.LicencePolicy);

    /// <summary>Current leads, filtered, newest first. Computed from the current links and records.</summary>
    public async Task<IReadOnlyList<LeadRow>> ListAsync(LeadQuery query, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var date = asOf ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var conn = await db.OpenAsync(ct);
        var run = MatchRunInfo.Current(conn);
        if (run is null)
        {
            return [];
        }

        var all = FactsReader.All(conn, date, options.Value.LicencePolicy);
        return Filter(Build(conn, all, date, run), query).ToList();
    }

    /// <summary>All leads from loaded facts, newest first (first_seen_on descending).</summary>
    public IReadOnlyList<LeadRow> Build(DbConnection conn, IReadOnlyDictionary<string, EnterpriseFacts> all, DateOnly asOf, MatchRunInfo run)
    {
        var previous = PreviousLeads(conn, run.RunId);
        var statuses = Statuses(conn);
        var asOfText = asOf.ToString("yyyy-MM-dd");
        var rows = new List<LeadRow>();
        foreach (var facts in all.Values)
        {
            if (_finder.Evidence(facts, asOf) is not { } evidence)
            {
                continue;
            }

            var e = facts.Enterprise;
            rows.Add(new LeadRow(
                facts.EnterpriseId,
                e?.MocRegistrationNos ?? Keys(facts, Feeds.Moc),
                e?.Tins ?? Keys(facts, Feeds.Gdt),
                e?.NameEn ?? facts.Pick(r => r.NameEn),
                e?.NameKm ?? facts.Pick(r => r.NameKm),
                e?.Province ?? facts.Pick(r => r.Province),
                e?.District ?? facts.Pick(r => r.District),
                facts.Pick(r => r.AddressLine()),
                facts.Pick(r => r.Phone),
                facts.Pick(r => r.Activity),
                evidence.Source,
                facts.FirstSeenOn(),
                previous is null || !previous.Contains(facts.EnterpriseId),
                statuses.GetValueOrDefault(facts.EnterpriseId) ?? LeadStatuses.New,
                run.RunId,
                asOfText)
            {
                ProvinceCode = e?.ProvinceCode,
                DistrictCode = e?.DistrictCode,
                EvidenceRecord = evidence.Feed is null || evidence.SourceKey is null ? null : (evidence.Feed, evidence.SourceKey),
            });
        }

        return rows
            .OrderByDescending(r => r.FirstSeenOn ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.EnterpriseId, StringComparer.Ordinal)
            .ToList();
    }

    public IEnumerable<LeadRow> Filter(IEnumerable<LeadRow> rows, LeadQuery q, IReadOnlyDictionary<string, EnterpriseFacts>? all = null) =>
        rows.Where(r => !q.OnlyNew || r.IsNew)
            .Where(r => string.IsNullOrWhiteSpace(q.Status) || string.Equals(r.Status, q.Status.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => LocationMatches(r, q));

    /// <summary>Stores the lead list of an alerts run, the basis of is_new for the next run.</summary>
    public static void SaveSnapshot(DbConnection conn, DbTransaction tx, string alertRunId, IEnumerable<LeadRow> rows) =>
        conn.Execute(
            "INSERT INTO lead_snapshots (alert_run_id, enterprise_id, employees_evidence, first_seen_on, is_new) VALUES (@run, @EnterpriseId, @EmployeesEvidence, @FirstSeenOn, @isNew) ON CONFLICT (alert_run_id, enterprise_id) DO NOTHING",
            rows.Select(r => new { run = alertRunId, r.EnterpriseId, r.EmployeesEvidence, r.FirstSeenOn, isNew = r.IsNew ? 1 : 0 }),
            tx);

    /// <summary>Sets the division's status of a lead; null when the enterprise id is unknown.</summary>
    public async Task<LeadStatusChange?> SetStatusAsync(string enterpriseId, string status, string by, string? note, CancellationToken ct = default)
    {
        var normalised = LeadStatuses.Normalise(status)
            ?? throw new ArgumentException($"Unknown lead status '{status}'; expected one of {string.Join(", ", LeadStatuses.All)}.", nameof(status));
        if (string.IsNullOrWhiteSpace(by))
        {
            throw new ArgumentException("Who sets the status ('by') is required.", nameof(by));
        }

        await using var conn = await db.OpenAsync(ct);
        var known = conn.ExecuteScalar<long>("SELECT COUNT(*) FROM enterprises WHERE enterprise_id = @id", new { id = enterpriseId })
            + conn.ExecuteScalar<long>("SELECT COUNT(*) FROM entity_links WHERE enterprise_id = @id", new { id = enterpriseId });
        if (known == 0)
        {
            return null;
        }

        var change = new LeadStatusChange(enterpriseId, normalised, by.Trim(), clock.GetUtcNow().UtcDateTime.ToString("O"), string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        using var tx = conn.BeginTransaction();
        conn.Execute(
            """
            INSERT INTO lead_status (enterprise_id, status, set_by, set_at, note) VALUES (@EnterpriseId, @Status, @SetBy, @SetAt, @Note)
            ON CONFLICT (enterprise_id) DO UPDATE SET status = excluded.status, set_by = excluded.set_by, set_at = excluded.set_at, note = excluded.note
            """,
            change,
            tx);
        conn.Execute("INSERT INTO lead_status_history (enterprise_id, status, set_by, set_at, note) VALUES (@EnterpriseId, @Status, @SetBy, @SetAt, @Note)", change, tx);
        tx.Commit();
        return change;
    }

    /// <summary>Lead ids of the latest successful alerts run on an earlier match run; null when there was none.</summary>
    private static HashSet<string>? PreviousLeads(DbConnection conn, string currentMatchRun)
    {
        var previous = conn.ExecuteScalar<string?>(
            "SELECT run_id FROM alert_runs WHERE outcome = 'SUCCEEDED' AND match_run_id <> @m ORDER BY started_at DESC, run_id DESC LIMIT 1",
            new { m = currentMatchRun });
        return previous is null
            ? null
            : conn.Query<string>("SELECT enterprise_id FROM lead_snapshots WHERE alert_run_id = @r", new { r = previous }).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Status per enterprise id. A status set on an id since merged into another follows it.</summary>
    private static Dictionary<string, string> Statuses(DbConnection conn)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = conn.Query<(string EnterpriseId, string Status, string? RetiredInto)>(
            "SELECT s.enterprise_id, s.status, e.retired_into FROM lead_status s LEFT JOIN enterprises e ON e.enterprise_id = s.enterprise_id").ToList();
        foreach (var r in rows.Where(r => r.RetiredInto is not null))
        {
            result[r.RetiredInto!] = r.Status;
        }

        foreach (var r in rows)
        {
            result[r.EnterpriseId] = r.Status;
        }

        return result;
    }

    private static bool LocationMatches(LeadRow r, LeadQuery q) =>
        Location.Matches(new EnterpriseRow { Province = r.Province, District = r.District, ProvinceCode = r.ProvinceCode, DistrictCode = r.DistrictCode }, q.Province, q.District);

    private static string? Keys(EnterpriseFacts facts, string feed)
    {
        var keys = facts.Links.Where(l => l.Feed == feed).Select(l => l.SourceKey).Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? null : string.Join('|', keys);
    }
}
