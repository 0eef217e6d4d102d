using System.Data.Common;
using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Runs;

namespace Integration.Alerts.Targets;

/// <summary>Inspectors' target lists, as the latest alerts run stored them: ranked, filtered by place in SQL and cut to capacity.</summary>
public sealed class TargetService(AlertRunSource runs, TargetBuilder builder)
{
    internal const string Select = """
        SELECT t.list_no AS rank, t.enterprise_id, t.nssf_id, t.moc_registration_no, t.tin, t.name_en, t.name_km, t.province, t.district,
            t.province_code, t.district_code, t.address, t.phone, t.risk_score, t.reasons, t.employees_gdt, t.insured_workers_nssf,
            t.unpaid_periods, t.arrears_khr, t.last_inspected_on, t.workers, r.match_run_id AS run_id, r.as_of, t.alert_run_id
        FROM target_snapshots t
        JOIN alert_runs r ON r.run_id = t.alert_run_id
        WHERE t.alert_run_id = @run
        """;

    public async Task<IReadOnlyList<TargetRow>> ListAsync(TargetQuery query, DateOnly? asOf = null, CancellationToken ct = default) =>
        (await ReadAsync(query, asOf, ct)).Rows;

    /// <summary>
    /// The targets of the latest alerts run on the current match run (of the date asked, when one is),
    /// ranked from 1 within the place asked for, and which run that is.
    /// </summary>
    public Task<ListAnswer<TargetRow>> ReadAsync(TargetQuery query, DateOnly? asOf = null, CancellationToken ct = default) =>
        runs.ReadAsync(asOf, (conn, run) => Read(conn, run, query), outcome => builder.Select(outcome.RankedTargets, query), ct: ct);

    private IReadOnlyList<TargetRow> Read(DbConnection conn, AlertRunRef run, TargetQuery query)
    {
        var sql = Select;
        if (Location.SqlFilter("t", query.Province, query.District) is { } place)
        {
            sql += " AND " + place;
        }

        sql += " ORDER BY t.list_no";
        var capacity = builder.Capacity(query);
        if (capacity > 0)
        {
            sql += " LIMIT @capacity";
        }

        var rows = conn.Query<TargetRow>(sql, new { run = run.AlertRunId, province = Location.Fold(query.Province), district = Location.Fold(query.District), capacity = (long)capacity }).AsList();
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { Rank = i + 1 };
        }

        return rows;
    }
}
