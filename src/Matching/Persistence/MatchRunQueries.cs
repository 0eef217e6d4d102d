using Dapper;
using Integration.Core.Database;

namespace Integration.Matching.Persistence;

/// <summary>One row of match_runs (summary: JSON of counts per method, review size, merges, splits).</summary>
public sealed record MatchRunRow(string RunId, string StartedAt, string? FinishedAt, string AsOf, string ModelVersion, string Outcome, string? Summary);

/// <summary>The match runs, newest first, for the operators' page.</summary>
public sealed class MatchRunQueries(Db db)
{
    public async Task<IReadOnlyList<MatchRunRow>> RunsAsync(int limit = 50, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<MatchRunRow>(new CommandDefinition(
            "SELECT run_id, started_at, finished_at, as_of, model_version, outcome, summary FROM match_runs ORDER BY started_at DESC, run_id DESC LIMIT @limit",
            new { limit = (long)Math.Clamp(limit, 1, 1000) }, cancellationToken: ct))).AsList();
    }
}
