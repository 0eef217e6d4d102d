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

/// <summary>What a batch keeps besides the lists it exports and stores.</summary>
public enum AlertsDetail
{
    /// <summary>The exported and stored lists only (check rows, leads, targets, duplicates): memory bounded by the chunk and the lists.</summary>
    Lists,

    /// <summary>Also every decision with its evidence and every enterprise's facts (evaluation, tests): memory grows with the register.</summary>
    Everything,
}

/// <summary>Everything one alerts run computes, from one read of the register.</summary>
public sealed record AlertsOutcome(
    string? AlertRunId,
    MatchRunInfo? MatchRun,
    DateOnly AsOf,
    IReadOnlyList<LicenceCheckRow> CheckRows,
    IReadOnlyList<LeadRow> Leads,
    IReadOnlyList<TargetRow> Targets,
    bool Recorded)
{
    /// <summary>Every decision with its evidence, in registration number order; with <see cref="AlertsDetail.Everything"/> only.</summary>
    public IReadOnlyList<LicenceDecision> Checks { get; init; } = [];

    /// <summary>The NSSF registrations to clean up (employers registered more than once).</summary>
    public IReadOnlyList<DuplicateRow> Duplicates { get; init; } = [];

    /// <summary>The whole ranked target list, before the export's capacity cut (what the run stores).</summary>
    public IReadOnlyList<TargetRow> RankedTargets { get; init; } = [];

    /// <summary>The facts every answer was computed from, by enterprise id (for evaluation and audit); with <see cref="AlertsDetail.Everything"/> only.</summary>
    public IReadOnlyDictionary<string, EnterpriseFacts> Facts { get; init; } = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
}

/// <summary>
/// The batch side of the alerts: a licence check for every pending renewal, the lead list and the
/// target list, computed from one pass over the register a chunk of enterprises at a time (<see cref="FactsChunks"/>),
/// recorded (check log, lead and target lists, alert run) and exported as CSV. The stored lists are what the API and
/// CLI serve until the next run.
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

    /// <summary>Computes checks, leads and targets, keeping everything (<see cref="AlertsDetail.Everything"/>).</summary>
    public Task<AlertsOutcome> RunAsync(DateOnly? asOf, bool record, string trigger, CancellationToken ct = default) =>
        RunAsync(asOf, record, trigger, AlertsDetail.Everything, ct);

    /// <summary>
    /// Computes checks, leads and targets, a chunk of enterprises at a time: each chunk's facts are read, decided and
    /// released before the next (unless <paramref name="detail"/> keeps them). With <paramref name="record"/>, logs the
    /// checks (chunk by chunk) and stores the lead and target lists under a new alert run, unless the last run already
    /// covered the same match run and date (a re-run with nothing new records nothing). A run that fails part way may
    /// leave logged checks of an alert run that was never recorded, as one failing between the log and the lists did.
    /// </summary>
    public async Task<AlertsOutcome> RunAsync(DateOnly? asOf, bool record, string trigger, AlertsDetail detail, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var run = LinkageReader.CurrentRun(conn);
        var date = asOf ?? DefaultAsOf(run);
        if (run is null)
        {
            return new AlertsOutcome(null, null, date, [], [], [], false);
        }

        var recording = record && !AlreadyRecorded(conn, run, date);
        var alertRunId = recording ? RunId.New("alerts", clock) : null;
        var started = clock.GetUtcNow();
        using var log = recording ? db.OpenLog() : null;
        var keep = detail == AlertsDetail.Everything;
        var decisions = new List<LicenceDecision>();
        var checkRows = new List<LicenceCheckRow>();
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var facts = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
        var leadList = leads.Begin(conn, date, run);
        var scored = new List<TargetRow>();
        var duplicates = new List<(string EnterpriseId, IReadOnlyList<DuplicateRow> Rows)>();
        var duplicatePairs = DuplicatePairs(await registrations.ListAsync(FeedNames.Nssf, ct));

        void Decided(IReadOnlyList<LicenceDecision> chunk)
        {
            if (log is not null)
            {
                CheckLog.WriteMany(log, chunk.Select(d => (new CheckRequest(d.RegistrationNo, date, options.Value.BatchUser, "batch", alertRunId), d)), started);
            }

            checkRows.AddRange(chunk.Select(d => LicenceCheckRow.From(d)));
            if (keep)
            {
                decisions.AddRange(chunk);
            }
        }

        foreach (var chunk in FactsChunks.Read(conn, date, options.Value.LicencePolicy, options.Value.BatchChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            var byId = chunk.ToDictionary(f => f.EnterpriseId, StringComparer.Ordinal);
            var pending = chunk.SelectMany(f => f.Moc).Where(FeedRowReader.IsPendingRenewal).ToList();
            decided.UnionWith(pending.Select(m => m.RegistrationNo));
            Decided(checks.DecidePendingRenewals(byId, pending, date));
            foreach (var f in chunk)
            {
                leadList.Add(f);
                if (_duplicates.Rows(f, date, duplicatePairs.GetValueOrDefault(f.EnterpriseId) ?? []) is { Count: > 0 } rows)
                {
                    duplicates.Add((f.EnterpriseId, rows));
                }

                if (keep)
                {
                    facts[f.EnterpriseId] = f;
                }
            }

            scored.AddRange(targets.Score(chunk, date, run));
        }

        // Pending renewals of registrations no enterprise links (matching links every current record: few, if any).
        var unlinked = FeedRowReader.PendingRenewals(conn).Where(m => !decided.Contains(m.RegistrationNo)).ToList();
        Decided(checks.DecidePendingRenewals(new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal), unlinked, date));

        checkRows.Sort((x, y) => string.CompareOrdinal(x.RegistrationNo, y.RegistrationNo));
        decisions.Sort((x, y) => string.CompareOrdinal(x.RegistrationNo, y.RegistrationNo));
        var leadRows = leadList.Rows();
        var ranked = targets.Rank(scored, new TargetQuery(Capacity: 0));
        var targetRows = targets.Select(ranked, new TargetQuery());
        var asOfText = IsoDate.Format(date);
        var duplicateRows = duplicates
            .OrderBy(d => d.EnterpriseId, StringComparer.Ordinal)
            .SelectMany(d => d.Rows)
            .Select((r, i) => r with { RunId = run.RunId, AsOf = asOfText, ListNo = i + 1 })
            .ToList();
        var outcome = new AlertsOutcome(alertRunId, run, date, checkRows, leadRows, targetRows, recording)
        {
            Checks = decisions, RankedTargets = ranked, Facts = facts, Duplicates = duplicateRows,
        };
        if (!recording)
        {
            return outcome;
        }

        using (var tx = conn.BeginTransaction())
        {
            RunSnapshots.SaveLeads(conn, tx, alertRunId!, leadRows);
            RunSnapshots.SaveTargets(conn, tx, alertRunId!, ranked);
            RunSnapshots.SaveDuplicates(conn, tx, alertRunId!, duplicateRows);
            conn.Execute(
                """
                INSERT INTO alert_runs (run_id, match_run_id, as_of, started_at, finished_at, trigger, outcome, checks, leads, targets, duplicates, snapshots)
                VALUES (@alertRunId, @match, @asOf, @started, @finished, @trigger, 'SUCCEEDED', @checks, @leads, @targets, @duplicates, @snapshots)
                """,
                new
                {
                    alertRunId,
                    match = run.RunId,
                    asOf = asOfText,
                    started = started.UtcDateTime.ToString("O"),
                    finished = clock.GetUtcNow().UtcDateTime.ToString("O"),
                    trigger,
                    checks = (long)checkRows.Count,
                    leads = (long)leadRows.Count,
                    targets = (long)ranked.Count,
                    duplicates = (long)duplicateRows.Count,
                    snapshots = (long)RunSnapshots.Version,
                },
                tx);
            tx.Commit();
        }

        return outcome;
    }

    /// <summary>Matching's duplicate pairs of the NSSF registrations, by enterprise.</summary>
    private static Dictionary<string, IReadOnlyList<DuplicatePair>> DuplicatePairs(IReadOnlyList<DuplicateRegistration> published) =>
        published.GroupBy(g => g.EnterpriseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DuplicatePair>)g.SelectMany(x => x.Pairs).ToList(), StringComparer.Ordinal);

    public static IReadOnlyList<string> Export(string folder, AlertsOutcome outcome) =>
        AlertsExport.Write(folder, outcome.AlertRunId ?? outcome.MatchRun?.RunId ?? "preview", outcome.CheckRows, outcome.Leads, outcome.Targets, outcome.Duplicates);

    private static bool AlreadyRecorded(DbConnection conn, MatchRunInfo run, DateOnly date) =>
        conn.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM alert_runs WHERE outcome = 'SUCCEEDED' AND snapshots >= @v AND match_run_id = @m AND as_of = @d",
            new { m = run.RunId, d = IsoDate.Format(date), v = (long)RunSnapshots.Version }) > 0;
}
