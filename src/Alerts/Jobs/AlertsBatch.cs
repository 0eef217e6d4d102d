using System.Data.Common;
using System.Globalization;
using Dapper;
using Integration.Alerts.Checks;
using Integration.Alerts.Data;
using Integration.Alerts.Duplicates;
using Integration.Alerts.Export;
using Integration.Alerts.Leads;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Alerts.Runs;
using Integration.Alerts.Targets;
using Integration.Core.Database;
using Integration.Core.Dates;
using Integration.Core.Runs;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Jobs;

/// <summary>Everything one alerts run computes, from one read of the register.</summary>
public sealed record AlertsOutcome(
    string? AlertRunId,
    MatchRunInfo? MatchRun,
    DateOnly AsOf,
    IReadOnlyList<LicenceDecision> Checks,
    IReadOnlyList<LeadRow> Leads,
    IReadOnlyList<TargetRow> Targets,
    bool Recorded)
{
    /// <summary>The NSSF registrations to clean up (employers registered more than once).</summary>
    public IReadOnlyList<DuplicateRow> Duplicates { get; init; } = [];

    /// <summary>The whole ranked target list, before the export's capacity cut (what the run stores).</summary>
    public IReadOnlyList<TargetRow> RankedTargets { get; init; } = [];

    /// <summary>The facts every answer was computed from, by enterprise id (for evaluation and audit).</summary>
    public IReadOnlyDictionary<string, EnterpriseFacts> Facts { get; init; } = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
}

/// <summary>
/// The batch side of the alerts: a licence check for every pending renewal, the lead list and the
/// target list, computed from one read of the register, recorded (check log, lead and target lists, alert
/// run) and exported as CSV. The stored lists are what the API and CLI serve until the next run.
/// </summary>
public sealed class AlertsBatch(
    Db db, IOptions<AlertsOptions> options, TimeProvider clock, LicenceCheckService checks, LeadBuilder leads, TargetBuilder targets, DuplicateRegistrations registrations)
{
    private readonly DuplicateFinder _duplicates = new(options.Value.LicencePolicy);

    /// <summary>
    /// The batch check date: Alerts:BatchAsOf when set, else the as-of date of the match run's data (the
    /// latest extract: deciding later than the data reaches would count payments not yet delivered as
    /// unpaid), else today.
    /// </summary>
    public DateOnly DefaultAsOf(MatchRunInfo? run = null)
    {
        var configured = options.Value.BatchAsOf;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return IsoDate.TryParseStart(run?.AsOf, out var data)
                ? data
                : checks.Today();
        }

        return IsoDate.TryParse(configured.Trim(), out var d)
            ? d
            : throw new InvalidOperationException($"Alerts:BatchAsOf must be yyyy-MM-dd, got '{configured}'.");
    }

    /// <summary>
    /// Computes checks, leads and targets. With <paramref name="record"/>, logs the checks and stores the
    /// lead and target lists under a new alert run, unless the last run already covered the same match run and
    /// date (a re-run with nothing new records nothing).
    /// </summary>
    public async Task<AlertsOutcome> RunAsync(DateOnly? asOf, bool record, string trigger, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var run = LinkageReader.CurrentRun(conn);
        var date = asOf ?? DefaultAsOf(run);
        if (run is null)
        {
            return new AlertsOutcome(null, null, date, [], [], [], false);
        }

        var all = FactsReader.All(conn, date, options.Value.LicencePolicy);
        var pending = FeedRowReader.PendingRenewals(conn);
        var decisions = checks.DecidePendingRenewals(all, pending, date);
        var leadRows = leads.Build(conn, all, date, run);
        var ranked = targets.Build(all, date, run, new TargetQuery(Capacity: 0));
        var targetRows = targets.Select(ranked, new TargetQuery());
        var duplicates = Duplicates(all, date, run, await registrations.ListAsync(FeedNames.Nssf, ct));
        if (!record || AlreadyRecorded(conn, run, date))
        {
            return new AlertsOutcome(null, run, date, decisions, leadRows, targetRows, false) { RankedTargets = ranked, Facts = all, Duplicates = duplicates };
        }

        var alertRunId = RunId.New("alerts", clock);
        var started = clock.GetUtcNow().UtcDateTime.ToString("O");
        using (var log = db.OpenLog())
        {
            CheckLog.WriteMany(log, decisions.Select(d => (new CheckRequest(d.RegistrationNo, date, options.Value.BatchUser, "batch", alertRunId), d)), clock.GetUtcNow());
        }

        using (var tx = conn.BeginTransaction())
        {
            RunSnapshots.SaveLeads(conn, tx, alertRunId, leadRows);
            RunSnapshots.SaveTargets(conn, tx, alertRunId, ranked);
            RunSnapshots.SaveDuplicates(conn, tx, alertRunId, duplicates);
            conn.Execute(
                """
                INSERT INTO alert_runs (run_id, match_run_id, as_of, started_at, finished_at, trigger, outcome, checks, leads, targets, duplicates, snapshots)
                VALUES (@alertRunId, @match, @asOf, @started, @finished, @trigger, 'SUCCEEDED', @checks, @leads, @targets, @duplicates, @snapshots)
                """,
                new
                {
                    alertRunId,
                    match = run.RunId,
                    asOf = IsoDate.Format(date),
                    started,
                    finished = clock.GetUtcNow().UtcDateTime.ToString("O"),
                    trigger,
                    checks = (long)decisions.Count,
                    leads = (long)leadRows.Count,
                    targets = (long)ranked.Count,
                    duplicates = (long)duplicates.Count,
                    snapshots = (long)RunSnapshots.Version,
                },
                tx);
            tx.Commit();
        }

        return new AlertsOutcome(alertRunId, run, date, decisions, leadRows, targetRows, true) { RankedTargets = ranked, Facts = all, Duplicates = duplicates };
    }

    /// <summary>Every enterprise's duplicate NSSF registrations, grouped by enterprise (in id order), the one to keep first.</summary>
    private List<DuplicateRow> Duplicates(IReadOnlyDictionary<string, EnterpriseFacts> all, DateOnly date, MatchRunInfo run, IReadOnlyList<DuplicateRegistration> published)
    {
        var asOfText = IsoDate.Format(date);
        var pairs = published.GroupBy(g => g.EnterpriseId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<DuplicatePair>)g.SelectMany(x => x.Pairs).ToList(), StringComparer.Ordinal);
        return all.Values
            .OrderBy(f => f.EnterpriseId, StringComparer.Ordinal)
            .SelectMany(f => _duplicates.Rows(f, date, pairs.GetValueOrDefault(f.EnterpriseId) ?? []))
            .Select((r, i) => r with { RunId = run.RunId, AsOf = asOfText, ListNo = i + 1 })
            .ToList();
    }

    public static IReadOnlyList<string> Export(string folder, AlertsOutcome outcome) =>
        AlertsExport.Write(folder, outcome.AlertRunId ?? outcome.MatchRun?.RunId ?? "preview", outcome.Checks.Select(d => LicenceCheckRow.From(d)), outcome.Leads, outcome.Targets, outcome.Duplicates);

    private static bool AlreadyRecorded(DbConnection conn, MatchRunInfo run, DateOnly date) =>
        conn.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM alert_runs WHERE outcome = 'SUCCEEDED' AND snapshots >= @v AND match_run_id = @m AND as_of = @d",
            new { m = run.RunId, d = IsoDate.Format(date), v = (long)RunSnapshots.Version }) > 0;
}
