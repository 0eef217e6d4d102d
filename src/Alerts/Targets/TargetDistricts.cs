using System.Collections.Concurrent;
using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Runs;
using Integration.Core.Database;

namespace Integration.Alerts.Targets;

/// <summary>One district of an inspector's chart: how many targets it has and how many workers they leave uninsured.</summary>
public sealed record DistrictTargets(string? DistrictCode, string? District, long Targets, long UncoveredWorkers);

/// <summary>
/// The stored target list summed by district (the whole ranked list of a province, before any capacity cut).
/// A stored run never changes, so each province's sums are kept per run (a province's rows are read once).
/// </summary>
public sealed class TargetDistricts(Db db, AlertRunSource runs)
{
    private readonly ConcurrentDictionary<(string Run, string Province), IReadOnlyList<DistrictTargets>> _kept = new();

    public async Task<IReadOnlyList<DistrictTargets>> ByDistrictAsync(string? province, CancellationToken ct = default)
    {
        if (await runs.ResolveAsync(null, ct: ct) is not { Stored: { } run })
        {
            return [];
        }

        var key = (run.AlertRunId, Location.Fold(province) ?? "");
        if (_kept.TryGetValue(key, out var kept))
        {
            return kept;
        }

        if (_kept.Keys.Any(k => k.Run != run.AlertRunId))
        {
            _kept.Clear();
        }

        var sql = """
            SELECT t.district_code, MIN(t.district) AS district, COUNT(*) AS targets,
                CAST(SUM(CASE WHEN COALESCE(t.employees_gdt, 0) > COALESCE(t.insured_workers_nssf, 0)
                         THEN COALESCE(t.employees_gdt, 0) - COALESCE(t.insured_workers_nssf, 0) ELSE 0 END) AS BIGINT) AS uncovered_workers
            FROM target_snapshots t WHERE t.alert_run_id = @run
            """;
        if (Location.SqlFilter("t", province, null) is { } place)
        {
            sql += " AND " + place;
        }

        sql += " GROUP BY t.district_code ORDER BY COUNT(*) DESC, t.district_code";
        await using var conn = await db.OpenAsync(ct);
        var rows = (await conn.QueryAsync<DistrictTargets>(new CommandDefinition(sql, new { run = run.AlertRunId, province = Location.Fold(province) }, cancellationToken: ct))).AsList();
        _kept[key] = rows;
        return rows;
    }
}
