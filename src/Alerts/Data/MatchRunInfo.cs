using Dapper;
using System.Data.Common;

namespace Integration.Alerts.Data;

/// <summary>The match run whose links the alerts read: the latest successful one, else the newest run id on the links.</summary>
public sealed record MatchRunInfo(string RunId, string? AsOf)
{
    public static MatchRunInfo? Current(DbConnection conn)
    {
        var run = conn.QueryFirstOrDefault<MatchRunInfo>(
            "SELECT run_id, as_of FROM match_runs WHERE outcome = 'SUCCEEDED' ORDER BY COALESCE(finished_at, started_at) DESC, run_id DESC LIMIT 1");
        if (run is not null)
        {
            return run;
        }

        var fromLinks = conn.ExecuteScalar<string?>("SELECT MAX(run_id) FROM entity_links");
        return fromLinks is null ? null : new MatchRunInfo(fromLinks, null);
    }
}
