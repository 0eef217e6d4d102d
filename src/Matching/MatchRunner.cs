using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Integration.Core.Reference;
using Integration.Core.Runs;
using Integration.Matching.Clustering;
using Integration.Matching.Export;
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
    IReadOnlyDictionary<string, double> Timings);

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

    public async Task<MatchRunSummary> RunAsync(IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var runId = RunId.New("match", clock);
        var total = Stopwatch.StartNew();
        progress?.Report("reading and standardising current records");
        var sw = Stopwatch.StartNew();

        // Standardised while read: the raw columns of a record go as soon as it is standardised.
        var standard = new Standardiser(gazetteer).StandardiseAll(records.ReadCurrent(ct));
        var standardiseSeconds = sw.Elapsed.TotalSeconds;
        MatchEngine.ReturnGarbage(); // the standardiser's caches and the raw rows
        var asOf = standard.Select(r => r.Source.LastSeenOn).OfType<string>().DefaultIfEmpty(clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Max()!;
        await store.StartRunAsync(runId, Now(), asOf, _options.ModelVersion, ct);
        try
        {
            var previous = await store.LoadPreviousAsync(ct);
            progress?.Report("blocking, comparing, estimating and clustering");
            var result = new MatchEngine(_options).Run(standard, previous.Decisions);
            result.Timings["standardisation_s"] = Math.Round(standardiseSeconds, 3);

            var previousIds = standard.Select(r => previous.EnterpriseOf.GetValueOrDefault((r.Source.FeedName, r.Source.SourceKey))).ToArray();
            var activeBefore = previous.Enterprises.Values.Where(e => e.RetiredRunId is null).Select(e => e.EnterpriseId).ToList();
            var ids = StableIds.Assign(result.Clusters, previousIds, activeBefore, previous.LastIssuedNumber(_options.EnterpriseIdPrefix), _options.EnterpriseIdPrefix);

            MatchEngine.ReturnGarbage(); // candidate pairs, scored edges and block index
            progress?.Report("storing links, pairs and enterprises");
            sw.Restart();
            var enterpriseRows = EnterpriseRows(result, ids, previous, runId, gazetteer);
            await store.SaveAsync(runId, LinkRows(result, ids, runId, _options.ReviewThreshold), PairRows(result, runId), enterpriseRows, ids.Events, ct);
            result.Timings["storing_s"] = Math.Round(sw.Elapsed.TotalSeconds, 3);
            result.Timings["total_s"] = Math.Round(total.Elapsed.TotalSeconds, 3);

            var summary = Summarise(runId, asOf, result, ids);
            await store.FinishRunAsync(runId, Now(), "SUCCEEDED", Parameters(result), JsonSerializer.Serialize(summary), ct);
            if (_options.ExportAfterRun)
            {
                progress?.Report("writing enterprises.csv, links.csv, review.csv");
                await exporter.ExportAsync(ct: ct);
            }

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

    public static string MethodName(LinkMethod? method) => method switch
    {
        null => "single",
        LinkMethod.Clerk => "clerk",
        LinkMethod.Id => "id",
        LinkMethod.Fuzzy => "fuzzy",
        _ => "review",
    };

    /// <summary>Rows made as they are written (not held all at once: at national scale that is hundreds of MB).</summary>
    private static IEnumerable<object?[]> LinkRows(LinkageResult result, IdAssignment ids, string runId, double reviewThreshold)
    {
        foreach (var link in result.Links)
        {
            var r = result.Records[link.Record].Source;
            yield return [r.FeedName, r.SourceKey, ids.ClusterIds[link.Cluster], Math.Round(link.Confidence, 6), MethodName(link.Method),
                MatchEngine.Explain(result, link, reviewThreshold), runId];
        }
    }

    private static IEnumerable<object?[]> PairRows(LinkageResult result, string runId)
    {
        foreach (var p in result.Pairs)
        {
            var a = result.Records[p.A].Source;
            var b = result.Records[p.B].Source;
            if (a.Feed > b.Feed)
            {
                (a, b) = (b, a);
            }

            yield return [a.FeedName, a.SourceKey, b.FeedName, b.SourceKey, Math.Round(p.Probability, 6), Math.Round(p.Weight, 3), p.Band,
                Evidence.Json(result.Model, p.Pattern, result.Scoring.FieldWeights(result.Model, p.A, p.B, p.Pattern), p.Weight, p.Probability), runId];
        }
    }

    /// <summary>Rows made as they are written, like the links (on the bulk writer's row-making thread).</summary>
    private static IEnumerable<EnterpriseRow> EnterpriseRows(LinkageResult result, IdAssignment ids, PreviousLinkage previous, string runId, Gazetteer places)
    {
        var active = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < result.Clusters.Count; c++)
        {
            var id = ids.ClusterIds[c];
            active.Add(id);
            var members = result.Clusters[c].Select(i => result.Records[i]).OrderBy(r => r.Feed).ThenBy(r => r.Source.SourceKey, StringComparer.Ordinal).ToList();
            var place = members.Select(m => m.Place).OrderByDescending(p => p.Commune is not null ? 3 : p.District is not null ? 2 : p.Province is not null ? 1 : 0).First();
            string? Keys(int feed) => Join(members.Where(m => m.Feed == feed).Select(m => m.Source.SourceKey));
            var row = new EnterpriseRow
            {
                EnterpriseId = id,
                NameEn = members.Select(m => m.Source.NameEn).FirstOrDefault(n => n is not null),
                NameKm = members.Select(m => m.Source.NameKm).FirstOrDefault(n => n is not null),
                Province = DisplayName(places, place.Province),
                District = DisplayName(places, place.District),
                ProvinceCode = place.Province,
                DistrictCode = place.District,
                CommuneCode = place.Commune,
                MocRegistrationNos = Keys(0),
                Tins = Keys(1),
                NssfIds = Keys(2),
                Feeds = string.Join('|', members.Select(m => m.Feed).Distinct().Order().Select(f => Feeds.Short[f])),
                CreatedRunId = runId,
                UpdatedRunId = runId,
            };
            if (previous.Enterprises.TryGetValue(id, out var before))
            {
                row = row with
                {
                    CreatedRunId = before.CreatedRunId,
                    UpdatedRunId = before.RetiredRunId is null && before.SameContent(row) ? before.UpdatedRunId : runId,
                };
            }

            yield return row;
        }

        // Ids no longer in use keep their row, retired, so an old export can still be followed.
        foreach (var before in previous.Enterprises.Values.OrderBy(e => e.EnterpriseId, StringComparer.Ordinal))
        {
            if (active.Contains(before.EnterpriseId))
            {
                continue;
            }

            yield return before.RetiredRunId is not null ? before : before with
            {
                RetiredRunId = runId,
                UpdatedRunId = runId,
                RetiredInto = ids.RetiredInto.GetValueOrDefault(before.EnterpriseId),
            };
        }
    }

    // The gazetteer itself, not an AddressResolver: building one indexes every unit by name and sound.
    private static string? DisplayName(Gazetteer places, string? code) => code is null ? null : places.Find(code)?.NameLatin;

    private static string? Join(IEnumerable<string> values)
    {
        var s = string.Join('|', values);
        return s.Length == 0 ? null : s;
    }

    private MatchRunSummary Summarise(string runId, string asOf, LinkageResult result, IdAssignment ids) => new(
        runId,
        asOf,
        _options.ModelVersion,
        result.Records.Length,
        result.Clusters.Count,
        result.Links.GroupBy(l => MethodName(l.Method)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        result.Pairs.Count(p => p.Band == "REVIEW"),
        result.CandidatePairs,
        result.Blocking.PairsByKeyName(),
        ids.Events.GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        result.Timings);

    private string Parameters(LinkageResult result) => JsonSerializer.Serialize(new
    {
        auto_link_threshold = _options.AutoLinkThreshold,
        review_threshold = _options.ReviewThreshold,
        max_block_size = _options.MaxBlockSize,
        rare_tokens_per_record = _options.RareTokensPerRecord,
        max_records_per_feed = _options.MaxRecordsPerFeed,
        em_iterations = result.EmIterations,
        blocking_keys = Enum.GetNames<Blocking.BlockingKey>(),
        model = result.Model.Describe(),
    });
}
