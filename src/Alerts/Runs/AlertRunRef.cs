using System.Data.Common;
using Dapper;
using Integration.Core.Dates;

namespace Integration.Alerts.Runs;

/// <summary>A recorded alerts run whose lead and target lists are stored in full: the run a list request is answered from.</summary>
public sealed record AlertRunRef(string AlertRunId, string MatchRunId, string AsOf)
{
    /// <summary>The latest such run on <paramref name="matchRunId"/> (for the date asked, when one is) that stored at least
    /// <paramref name="snapshots"/> (<see cref="RunSnapshots.Version"/>: 1 leads and targets, 2 also duplicates), or null.</summary>
    public static AlertRunRef? Latest(DbConnection conn, string matchRunId, DateOnly? asOf, int snapshots = 1, DbTransaction? tx = null) =>
        conn.QueryFirstOrDefault<AlertRunRef>(
            "SELECT run_id AS alert_run_id, match_run_id, as_of FROM alert_runs WHERE outcome = 'SUCCEEDED' AND snapshots >= @s AND match_run_id = @m"
                + (asOf is null ? "" : " AND as_of = @d")
                + " ORDER BY started_at DESC, run_id DESC LIMIT 1",
            new { m = matchRunId, d = IsoDate.Format(asOf), s = (long)snapshots },
            tx);
}
