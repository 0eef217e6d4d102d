using Dapper;
using Integration.Core.Database;

namespace Integration.Alerts.Runs;

/// <summary>One row of alert_runs.</summary>
public sealed record AlertRunRow(string RunId, string MatchRunId, string AsOf, string StartedAt, string? FinishedAt, string Trigger, string Outcome, long Checks, long Leads, long Targets);

/// <summary>The alerts runs, newest first, for the operators' page.</summary>
public sealed class AlertRunQueries(Db db)
{
    public async Task<IReadOnlyList<AlertRunRow>> RunsAsync(int limit = 50, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<AlertRunRow>(new CommandDefinition(
            "SELECT run_id, match_run_id, as_of, started_at, finished_at, trigger, outcome, checks, leads, targets FROM alert_runs ORDER BY started_at DESC, run_id DESC LIMIT @limit",
            new { limit = (long)Math.Clamp(limit, 1, 1000) }, cancellationToken: ct))).AsList();
    }
}
