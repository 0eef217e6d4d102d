using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Integration.Core.Dates;
using Integration.Core.Reference;
using Integration.Core.Runs;
using Integration.Matching.Clustering;
using Integration.Matching.Export;
using Integration.Matching.Incremental;
using Integration.Matching.Persistence;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Integration.Matching;

/// <summary>What one run did, for the CLI, the job record and match_runs.summary.</summary>
public sealed record MatchRunSummary(
    string RunId,
    string AsOf,
    string ModelVersion,
    int Records,
    int Enterprises,
    IReadOnlyDictionary<string, int> LinksByMethod,
    int ReviewPairs,
    long CandidatePairs,
    IReadOnlyDictionary<string, long> PairsPerBlockingKey,
    IReadOnlyDictionary<string, int> Events,
    IReadOnlyDictionary<string, double> Timings,
    IReadOnlyDictionary<string, int> DuplicatePairsByFeed,
    BlockingSummary Blocking)
{
    /// <summary>Full, full with the saved model, or incremental, and why (<see cref="Incremental.MatchPlanner"/>).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<MatchMode>))] // stored in match_runs.summary as its name
    public MatchMode Mode { get; init; } = MatchMode.Full;

    public string ModeReason { get; init; } = "";
}

/// <summary>
/// How well blocking did: of the pairs sharing a TIN or MoC number, the share that became candidates, and the share
/// the other keys found too (an estimate of recall for pairs without an identifier); how many blocks were too large
/// to pair in full and were cut to windows, and how many records had such a key; how many records had a common-name
/// key that paired nothing (they have other keys), and how many had nothing but common names and kept them as windows.
/// </summary>
public sealed record BlockingSummary(
    long IdentifierPairs,
    long IdentifierCandidates,
    double Recall,
    double RecallWithoutIdentifiers,
    long WindowedBlocks,
    long RecordsInWindowedBlocks,
    long RecordsLosingKeys,
    long RecordsWithCommonNamesOnly)
{
    /// <summary>Pairs the second-chance search for employer-less enterprises compared (<see cref="Clustering.SecondChanceEmployers"/>).</summary>
    public long SecondChanceCompared { get; init; }

    /// <summary>Review-band pairs it kept.</summary>
    public long SecondChancePairs { get; init; }
}

/// <summary>
/// One matching run against the database: read the current registry records, match them, keep
/// enterprise ids stable, store links, pairs and events, and write the linkage exports.
/// </summary>
public sealed class MatchRunner(
    RecordStore records,
    LinkageStore store,
    Gazetteer gazetteer,
    IOptions<MatchingOptions> options,
    TimeProvider clock,
    LinkageExporter exporter,
    ILogger<MatchRunner>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<MatchRunner>.Instance;
    private readonly MatchingOptions _options = options.Value;

    public Task<MatchRunSummary> RunAsync(IProgress<string>? progress = null, CancellationToken ct = default) => RunAsync(MatchMode.Auto, progress, ct);

    /// <param name="mode">Full rebuild, incremental, or <see cref="MatchMode.Auto"/>: incremental where <see cref="MatchPlanner"/> allows it.</param>
    public async Task<MatchRunSummary> RunAsync(MatchMode mode, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var runId = RunId.New("match", clock);
        var state = new MatchStateStore(store.Db);
        var current = new CurrentRecords(store.Db, records, gazetteer, state);
        var fingerprint = ModelState.Fingerprint(_options);
        var saved = mode == MatchMode.Full ? null : await state.LoadModelAsync(ct);
        var plan = MatchPlanner.Before(mode, _options.Incremental, saved, fingerprint, clock.GetUtcNow());
        var total = Stopwatch.StartNew();
        var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var startPause = GC.GetTotalPauseDuration();

        // From a collected heap: when one process runs ingest and then match (the scheduler, the demo), what
        // ingest left for the collector would otherwise add to this run's peak (national scale: ~300 MiB).
        MatchEngine.ReturnGarbage();
        progress?.Report("reading and standardising current records");
        var sw = Stopwatch.StartNew();

        // Standardised while read: the raw columns of a record go as soon as it is standardised. An incremental run
        // standardises only the records whose row changed since the last run and reuses the saved form of the rest.
        StandardisedRecords? prepared = null;
        if (plan.Mode == MatchMode.Incremental)
        {
            prepared = await current.ReuseAsync(ct);
            plan = MatchPlanner.After(plan, _options.Incremental, prepared?.Changes);
            if (plan.Mode != MatchMode.Incremental)
            {
                prepared = null;
                MatchEngine.ReturnGarbage();
            }
        }

        progress?.Report($"{plan.Mode}: {plan.Reason}");
        prepared ??= current.StandardiseAll(ct);
        var standard = prepared.Records;
        var standardiseSeconds = sw.Elapsed.TotalSeconds;
        var standardiseCpu = Process.GetCurrentProcess().TotalProcessorTime - startCpu;
        MatchEngine.ReturnGarbage(); // the standardiser's caches and the raw rows
        var asOf = standard.Select(r => r.Source.LastSeenOn).OfType<string>().DefaultIfEmpty(IsoDate.Format(clock.GetUtcNow())).Max(StringComparer.Ordinal)!;
        await store.StartRunAsync(runId, Now(), asOf, _options.ModelVersion, ct);
        try
        {
            var previous = await store.LoadPreviousAsync(ct);
            var result = new MatchEngine(_options).Run(standard, previous.Decisions, progress, plan.HoldsModel ? saved!.Model() : null);
            result.Timings["standardisation_s"] = Math.Round(standardiseSeconds, 3);
            result.Timings["standardisation_cpu_s"] = Math.Round(standardiseCpu.TotalSeconds, 3);

            var previousIds = standard.Select(r => previous.EnterpriseOf.GetValueOrDefault((r.Source.FeedName, r.Source.SourceKey))).ToArray();
            var activeBefore = previous.Enterprises.Values.Where(e => e.RetiredRunId is null).Select(e => e.EnterpriseId).ToList();
            var ids = StableIds.Assign(result.Clusters, previousIds, activeBefore, previous.LastIssuedNumber(_options.EnterpriseIdPrefix), _options.EnterpriseIdPrefix);

            MatchEngine.ReturnGarbage(); // candidate pairs, scored edges and block index
            progress?.Report("storing links, pairs and enterprises");
            sw.Restart();
            var storingCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var enterpriseRows = LinkageRows.Enterprises(result, ids, previous, runId, gazetteer);
            await store.SaveAsync(runId, LinkageRows.Links(result, ids, runId, _options.ReviewThreshold), LinkageRows.Pairs(result, runId), enterpriseRows, ids.Events,
                LinkageRows.Duplicates(result, ids, runId), ct);
            result.Timings["storing_s"] = Math.Round(sw.Elapsed.TotalSeconds, 3);

            // What the next incremental run starts from: the model (a full run's own) and every record standardised.
            sw.Restart();
            if (plan.Mode == MatchMode.Full)
            {
                await state.SaveModelAsync(ModelState.Of(runId, Now(), fingerprint, result.Model, result.EmIterations), ct);
            }

            state.SaveRecords(runId, MatchStateStore.Version(gazetteer), standard, prepared.RowHashes);
            result.Timings["saving_state_s"] = Math.Round(sw.Elapsed.TotalSeconds, 3);
            result.Timings["storing_cpu_s"] = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - storingCpu).TotalSeconds, 3);
            result.Timings["total_s"] = Math.Round(total.Elapsed.TotalSeconds, 3);
            result.Timings["total_cpu_s"] = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - startCpu).TotalSeconds, 3);

            // How much of the wall time the collector held every thread paused (the process's total, this run's share).
            result.Timings["gc_pause_s"] = Math.Round((GC.GetTotalPauseDuration() - startPause).TotalSeconds, 3);

            var summary = Summarise(runId, asOf, result, ids) with { Mode = plan.Mode, ModeReason = plan.Reason };
            if (_options.ExportAfterRun)
            {
                // Published as one set before the run is recorded as done: a run killed while exporting is not SUCCEEDED.
                progress?.Report("writing enterprises.csv, links.csv, review.csv");
                await exporter.ExportAsync(new ExportedRun(runId, asOf, _options.ModelVersion), ct: ct);
            }

            await store.FinishRunAsync(runId, Now(), "SUCCEEDED", Parameters(result, plan, plan.HoldsModel ? saved!.RunId : runId), JsonSerializer.Serialize(summary), ct);

            _log.LogInformation("Match run {RunId}: {Records} records, {Enterprises} enterprises", runId, summary.Records, summary.Enterprises);
            return summary;
        }
        catch (Exception ex)
        {
            await store.FinishRunAsync(runId, Now(), "FAILED", null, JsonSerializer.Serialize(new { error = ex.Message }), CancellationToken.None);
            throw;
        }
    }

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private MatchRunSummary Summarise(string runId, string asOf, LinkageResult result, IdAssignment ids) => new(
        runId,
        asOf,
        _options.ModelVersion,
        result.Records.Length,
        result.Clusters.Count,
        result.Links.GroupBy(l => StoredText.Of(l.Method), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        result.Pairs.Count(p => p.Band == PairBand.Review),
        result.CandidatePairs,
        result.Blocking.PairsByKeyName(),
        ids.Events.GroupBy(e => e.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        result.Timings,
        result.Duplicates.GroupBy(d => result.Records[d.A].Source.FeedName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        new BlockingSummary(
            result.Blocking.IdentifierPairs,
            result.Blocking.IdentifierCandidates,
            Math.Round(result.Blocking.Recall, 6),
            Math.Round(result.Blocking.RecallWithoutIdentifiers, 6),
            result.Blocking.WindowedBlocks.Sum(),
            result.Blocking.RecordsInWindowedBlocks,
            result.Blocking.RecordsLosingKeys,
            result.Blocking.RecordsWithCommonNamesOnly)
        {
            SecondChanceCompared = result.Blocking.SecondChanceCompared,
            SecondChancePairs = result.Blocking.SecondChancePairs,
        });

    private string Parameters(LinkageResult result, MatchPlan plan, string modelRunId) => JsonSerializer.Serialize(new
    {
        mode = plan.Mode.ToString(),
        model_run_id = modelRunId,
        auto_link_threshold = _options.AutoLinkThreshold,
        review_threshold = _options.ReviewThreshold,
        max_block_size = _options.MaxBlockSize,
        block_window = _options.BlockWindow,
        link_within_registries = _options.LinkWithinRegistries,
        rare_tokens_per_record = _options.RareTokensPerRecord,
        max_records_per_feed = _options.MaxRecordsPerFeed,
        em_iterations = result.EmIterations,
        blocking_keys = _options.BlockingKeys.Select(k => k.ToString()).ToArray(),
        model = result.Model.Describe(),
    });
}
