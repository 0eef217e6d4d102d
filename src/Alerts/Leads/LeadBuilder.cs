using System.Data.Common;
using Dapper;
using Integration.Alerts.Data;
using Integration.Alerts.Model;
using Integration.Core.Dates;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Leads;

/// <summary>
/// Computes the lead list from facts read by the batch, a chunk at a time: every enterprise the <see cref="LeadFinder"/>
/// names, with the division's status and whether it is new since the previous alerts run.
/// </summary>
public sealed class LeadBuilder(IOptions<AlertsOptions> options)
{
    private readonly LeadFinder _finder = new(options.Value.LicencePolicy);

    /// <summary>Starts the lead list of <paramref name="run"/> as of <paramref name="asOf"/>: reads the previous run's leads and the statuses once.</summary>
    public LeadList Begin(DbConnection conn, DateOnly asOf, MatchRunInfo run) =>
        new(_finder, PreviousLeads(conn, run.RunId), Statuses(conn), asOf, run.RunId);

    /// <summary>The leads of a batch, added chunk by chunk (<see cref="Add"/>), listed once at the end (<see cref="Rows"/>).</summary>
    public sealed class LeadList
    {
        private readonly LeadFinder _finder;
        private readonly HashSet<string>? _previous;
        private readonly Dictionary<string, string> _statuses;
        private readonly DateOnly _asOf;
        private readonly string _asOfText;
        private readonly string _runId;
        private readonly List<LeadRow> _rows = [];

        internal LeadList(LeadFinder finder, HashSet<string>? previous, Dictionary<string, string> statuses, DateOnly asOf, string runId)
        {
            _finder = finder;
            _previous = previous;
            _statuses = statuses;
            _asOf = asOf;
            _asOfText = IsoDate.Format(asOf);
            _runId = runId;
        }

        /// <summary>Adds the enterprise when the <see cref="LeadFinder"/> names it.</summary>
        public void Add(EnterpriseFacts facts)
        {
            if (_finder.Evidence(facts, _asOf) is not { } evidence)
            {
                return;
            }

            _rows.Add(LeadRow.Of(facts, evidence) with
            {
                IsNew = _previous is null || !_previous.Contains(facts.EnterpriseId),
                Status = _statuses.GetValueOrDefault(facts.EnterpriseId) ?? LeadStatuses.New,
                RunId = _runId,
                AsOf = _asOfText,
            });
        }

        /// <summary>Every lead added, newest first (first_seen_on descending, then enterprise id).</summary>
        public IReadOnlyList<LeadRow> Rows() =>
            _rows
                .OrderByDescending(r => r.FirstSeenOn ?? "", StringComparer.Ordinal)
                .ThenBy(r => r.EnterpriseId, StringComparer.Ordinal)
                .ToList();
    }

    /// <summary>The list filters applied in memory (a list computed on demand for another date).</summary>
    public static IEnumerable<LeadRow> Filter(IEnumerable<LeadRow> rows, LeadQuery q) =>
        rows.Where(r => !q.OnlyNew || r.IsNew)
            .Where(r => string.IsNullOrWhiteSpace(q.Status) || string.Equals(r.Status, q.Status.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => Location.Matches(r, q.Province, q.District));

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
        var rows = conn.Query<(string EnterpriseId, string Status)>("SELECT enterprise_id, status FROM lead_status").ToList();
        var retired = LinkageReader.RetiredInto(conn, rows.Select(r => r.EnterpriseId).ToList());
        foreach (var r in rows)
        {
            if (retired.TryGetValue(r.EnterpriseId, out var into))
            {
                result[into] = r.Status;
            }
        }

        foreach (var r in rows)
        {
            result[r.EnterpriseId] = r.Status;
        }

        return result;
    }
}
