using System.Data.Common;
using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Runs;

namespace Integration.Alerts.Duplicates;

/// <summary>The NSSF division's list of duplicate registrations, as the latest alerts run stored it (filtered in SQL).</summary>
public sealed class DuplicateService(AlertRunSource runs)
{
    private const string Select = """
        SELECT d.enterprise_id, d.nssf_id, d.action, d.keep_nssf_id, d.status, d.registered_on, d.insured_workers, d.paid_through,
            d.months_declared, d.link_method, d.link_confidence, d.certainly_joined, d.match_probability, d.match_evidence, d.name_en, d.name_km, d.province, d.district,
            d.province_code, d.district_code, d.address, d.phone, d.moc_registration_no, d.tin, d.reason, d.list_no,
            r.match_run_id AS run_id, r.as_of, d.alert_run_id
        FROM duplicate_snapshots d
        JOIN alert_runs r ON r.run_id = d.alert_run_id
        WHERE d.alert_run_id = @run
        """;

    /// <summary>
    /// The duplicate registrations of the latest alerts run on the current match run (of the date asked, when one
    /// is), and which run that is. Filtering by action keeps whole enterprises: an enterprise is listed, with all
    /// its registrations, when one of them has that action.
    /// </summary>
    public Task<ListAnswer<DuplicateRow>> ReadAsync(DuplicateQuery query, DateOnly? asOf = null, CancellationToken ct = default) =>
        runs.ReadAsync(asOf, (conn, run) => Read(conn, run, query), outcome => Filter(outcome.Duplicates, query).ToList(), RunSnapshots.Version, ct);

    public static IEnumerable<DuplicateRow> Filter(IEnumerable<DuplicateRow> rows, DuplicateQuery q)
    {
        var action = Action(q);
        var list = rows.Where(r => Location.Matches(r, q.Province, q.District)).ToList();
        if (action is null)
        {
            return list;
        }

        var wanted = list.Where(r => r.Action == action).Select(r => r.EnterpriseId).ToHashSet(StringComparer.Ordinal);
        return list.Where(r => wanted.Contains(r.EnterpriseId));
    }

    private static IReadOnlyList<DuplicateRow> Read(DbConnection conn, AlertRunRef run, DuplicateQuery q)
    {
        var sql = Select;
        if (Location.SqlFilter("d", q.Province, q.District) is { } place)
        {
            sql += " AND " + place;
        }

        var action = Action(q);
        if (action is not null)
        {
            sql += " AND d.enterprise_id IN (SELECT x.enterprise_id FROM duplicate_snapshots x WHERE x.alert_run_id = @run AND x.action = @action)";
        }

        return conn.Query<DuplicateRow>(
            sql + " ORDER BY d.list_no",
            new { run = run.AlertRunId, action, province = Location.Fold(q.Province), district = Location.Fold(q.District) }).AsList();
    }

    private static string? Action(DuplicateQuery q) =>
        string.IsNullOrWhiteSpace(q.Action)
            ? null
            : DuplicateActions.Normalise(q.Action) ?? throw new ArgumentException($"Unknown action '{q.Action}'; expected one of {string.Join(", ", DuplicateActions.All)}.", nameof(q));
}
