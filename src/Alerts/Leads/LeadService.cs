using System.Data.Common;
using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Runs;
using Integration.Core.Database;
using Integration.Matching.Contracts;

namespace Integration.Alerts.Leads;

/// <summary>
/// The NSSF division's lead list, as the latest alerts run stored it (filtered in SQL), with the division's
/// status joined when read (kept across runs by enterprise id) and whether each lead was new in that run.
/// </summary>
public sealed class LeadService(Db db, TimeProvider clock, AlertRunSource runs)
{
    // A status set on an id since merged into another follows it; a status on the id itself wins.
    // CROSS JOIN keeps SQLite's planner on the few statuses, looked up in enterprises by key, instead of
    // scanning every enterprise for retired_into (200 ms a page at national scale); PostgreSQL plans it alike.
    internal const string Select = $"""
        WITH moved AS (
            SELECT e.retired_into AS enterprise_id, MAX(s.status) AS status
            FROM lead_status s CROSS JOIN ({LinkageSql.Enterprises}) e
            WHERE e.enterprise_id = s.enterprise_id AND e.retired_into IS NOT NULL
            GROUP BY e.retired_into)
        SELECT l.enterprise_id, l.moc_registration_no, l.tin, l.name_en, l.name_km, l.province, l.district, l.province_code, l.district_code,
            l.address, l.phone, l.activity, l.employees_evidence, l.first_seen_on, l.is_new, COALESCE(s.status, m.status, 'NEW') AS status,
            l.evidence_feed, l.evidence_key, r.match_run_id AS run_id, r.as_of, l.alert_run_id
        FROM lead_snapshots l
        JOIN alert_runs r ON r.run_id = l.alert_run_id
        LEFT JOIN lead_status s ON s.enterprise_id = l.enterprise_id
        LEFT JOIN moved m ON m.enterprise_id = l.enterprise_id
        WHERE l.alert_run_id = @run
        """;

    /// <summary>The leads, filtered, newest first.</summary>
    public async Task<IReadOnlyList<LeadRow>> ListAsync(LeadQuery query, DateOnly? asOf = null, CancellationToken ct = default) =>
        (await ReadAsync(query, asOf, ct)).Rows;

    /// <summary>
    /// The leads of the latest alerts run on the current match run (of the date asked, when one is), and
    /// which run that is. Without such a run the batch runs once and is recorded; a date no run covers is
    /// computed on demand.
    /// </summary>
    public Task<ListAnswer<LeadRow>> ReadAsync(LeadQuery query, DateOnly? asOf = null, CancellationToken ct = default) =>
        runs.ReadAsync(asOf, (conn, run) => Read(conn, run, query), outcome => LeadBuilder.Filter(outcome.Leads, query).ToList(), ct: ct);

    private static IReadOnlyList<LeadRow> Read(DbConnection conn, AlertRunRef run, LeadQuery q)
    {
        var sql = Select;
        if (q.OnlyNew)
        {
            sql += " AND l.is_new = 1";
        }

        if (!string.IsNullOrWhiteSpace(q.Status))
        {
            sql += " AND COALESCE(s.status, m.status, 'NEW') = @status";
        }

        if (Location.SqlFilter("l", q.Province, q.District) is { } place)
        {
            sql += " AND " + place;
        }

        return conn.Query<LeadRow>(
            sql + " ORDER BY l.list_no",
            new { run = run.AlertRunId, status = q.Status?.Trim().ToUpperInvariant(), province = Location.Fold(q.Province), district = Location.Fold(q.District) }).AsList();
    }

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
        if (!LinkageReader.IsKnown(conn, enterpriseId))
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
}
