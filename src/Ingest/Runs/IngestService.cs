using System.Security.Cryptography;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Runs;
using Integration.Core.Storage;
using Integration.Ingest.Feeds;
using Integration.Ingest.Loading;
using Integration.Ingest.Reading;
using Integration.Ingest.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Ingest.Runs;

/// <summary>
/// One ingest run: finds new deliveries per feed in the landing zone, archives each byte for byte in the raw
/// zone, and applies the files of a feed in as-of order, each in one transaction (<see cref="FileLoader"/>).
/// Content already seen (any name) is never applied twice; a run with nothing new changes nothing but its
/// own ingest_runs row. Ends with the data-quality report.
/// </summary>
public sealed class IngestService(
    Db db,
    BlobZones zones,
    TimeProvider clock,
    IOptions<IngestOptions> options,
    StorageOptions storage,
    ILogger<IngestService> logger)
{
    /// <summary>Test hook: runs before each record is applied (e.g. throws to simulate a crash at line K).</summary>
    internal Action<LandingFile, long>? BeforeRecord { get; set; }

    public async Task<IngestRunResult> RunAsync(IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var feeds = request.Feeds is { Count: > 0 } names ? names.Select(FeedCatalog.Get).ToList() : FeedCatalog.All.ToList();
        var runId = RunId.New("ingest", clock);
        var started = clock.GetUtcNow();
        await using (var conn = await db.OpenAsync(ct))
        {
            conn.Execute(
                "INSERT INTO ingest_runs (run_id, started_at, trigger, landing, outcome) VALUES (@runId, @started, @trigger, @landing, @outcome)",
                new { runId, started = started.ToString("O"), trigger = request.Trigger, landing = zones.Landing.Describe(), outcome = RunOutcome.Running });
        }

        logger.LogInformation("Ingest run {RunId} ({Trigger}) over {Landing}", runId, request.Trigger, zones.Landing.Describe());
        var files = new List<FileOutcome>();
        var ignored = new List<string>();
        string? error = null;
        await using var runLock = await RunLock.AcquireAsync(db, ct);
        try
        {
            foreach (var feed in feeds)
            {
                await IngestFeedAsync(feed, runId, files, ignored, progress, ct);
            }
        }
        catch (Exception e)
        {
            error = e.Message;
            logger.LogError(e, "Ingest run {RunId} failed", runId);
            var failed = Finish(runId, request.Trigger, started, files, ignored, error);
            throw new IngestFailedException(failed, e);
        }

        return Finish(runId, request.Trigger, started, files, ignored, error);
    }

    private IngestRunResult Finish(string runId, string trigger, DateTimeOffset started, List<FileOutcome> files, List<string> ignored, string? error)
    {
        var outcome = error is not null ? RunOutcome.Failed
            : files.Any(f => f.Status is FileStatus.Loaded or FileStatus.Stale or FileStatus.Rejected) ? RunOutcome.Succeeded
            : RunOutcome.NothingNew;
        var result = new IngestRunResult(runId, trigger, outcome, started, clock.GetUtcNow(), files, ignored, error);
        using (var conn = db.Open())
        {
            conn.Execute(
                """
                UPDATE ingest_runs SET finished_at = @finished, outcome = @outcome, files_seen = @seen, files_loaded = @loaded,
                    files_rejected = @rejected, files_skipped = @skipped, rows_read = @read, rows_loaded = @rowsLoaded,
                    rows_quarantined = @quarantined, error = @error WHERE run_id = @runId
                """,
                new
                {
                    finished = result.FinishedAt.ToString("O"), outcome, seen = result.FilesSeen, loaded = result.FilesLoaded,
                    rejected = result.FilesRejected, skipped = result.FilesSkipped, read = result.RowsRead, rowsLoaded = result.RowsLoaded,
                    quarantined = result.RowsQuarantined, error, runId,
                });
        }

        var report = new DataQualityReportBuilder(db, options.Value).Build(result);
        var (md, json) = DataQualityReportWriter.Write(report, Path.Combine(storage.ExportPath, "reports"), ReportName(runId));
        logger.LogInformation(
            "Ingest run {RunId}: {Outcome}, {Loaded} files loaded, {Rejected} rejected, {Skipped} skipped, {Rows} rows ({Quarantined} quarantined)",
            runId, outcome, result.FilesLoaded, result.FilesRejected, result.FilesSkipped, result.RowsRead, result.RowsQuarantined);
        return result with { ReportPath = md, ReportJsonPath = json, Report = report };
    }

    /// <summary>ingest-&lt;run id&gt; without doubling the prefix (run ids already start with "ingest-").</summary>
    public static string ReportName(string runId) => runId.StartsWith("ingest-", StringComparison.Ordinal) ? runId : "ingest-" + runId;

    private async Task IngestFeedAsync(FeedDefinition feed, string runId, List<FileOutcome> outcomes, List<string> ignored, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        var deliveries = new List<LandingFile>();
        foreach (var item in await zones.Landing.ListAsync(feed.Name + "/", ct))
        {
            if (LandingFile.TryParse(feed.Name, item.Path, item.Size, item.LastModified) is { } f)
            {
                deliveries.Add(f);
            }
            else
            {
                ignored.Add(item.Path);
            }
        }

        // As-of order; within one as-of, arrival order (the first of two identical deliveries is the original), then name.
        deliveries = deliveries.OrderBy(f => f.AsOf).ThenBy(f => f.ArrivedAt).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        FeedState? state = null;
        var loader = new FileLoader(db, zones, options.Value) { BeforeRecord = BeforeRecord };
        for (var i = 0; i < deliveries.Count; i++)
        {
            var file = deliveries[i];
            var number = i + 1;
            progress?.Report(new IngestProgress(feed.Name, file.Path, number, deliveries.Count, 0, false));
            var sha = await HashAsync(file.Path, ct);
            var known = await KnownAsync(feed, file, sha, runId);
            if (known is not null)
            {
                outcomes.Add(known);
                progress?.Report(new IngestProgress(feed.Name, file.Path, number, deliveries.Count, 0, true));
                continue;
            }

            var rawPath = $"{feed.Name}/{sha}/{file.Name}";
            if (!await zones.Raw.ExistsAsync(rawPath, ct))
            {
                await using var landing = await zones.Landing.OpenReadAsync(file.Path, ct);
                await zones.Raw.WriteAsync(rawPath, landing, ct);
            }

            state ??= LoadState(feed);
            loader.OnProgress = rows => progress?.Report(new IngestProgress(feed.Name, file.Path, number, deliveries.Count, rows, false));
            var outcome = await loader.LoadAsync(new FileToLoad(file, sha, rawPath, runId, clock.GetUtcNow()), state, ct);
            if (outcome.Status == FileStatus.Rejected)
            {
                outcome = outcome with { FileId = RecordRejected(feed, file, sha, rawPath, runId, outcome.Error!) };
                logger.LogWarning("Rejected {File}: {Error}", file.Path, outcome.Error);
            }

            outcomes.Add(outcome);
            progress?.Report(new IngestProgress(feed.Name, file.Path, number, deliveries.Count, outcome.RowsRead, true));
        }

        if (state is not null && !db.Dialect.IsPostgres)
        {
            // The loading connection checkpoints rarely (FileLoader.LoadingWalPages): copy the feed's pages into the
            // database file now, so the WAL does not carry them into the next feed or outlive the run.
            using var conn = db.Open();
            conn.Execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    private FeedState LoadState(FeedDefinition feed)
    {
        using var conn = db.Open();
        return FeedState.Load(conn, feed);
    }

    /// <summary>SKIPPED when this delivery was handled before, DUPLICATE (recorded now) when its bytes came under another name; null when new.</summary>
    private async Task<FileOutcome?> KnownAsync(FeedDefinition feed, LandingFile file, string sha, string runId)
    {
        await using var conn = await db.OpenAsync();
        var o = conn.QueryFirstOrDefault<KnownFile>(
            "SELECT file_id AS FileId, landing_path AS LandingPath, as_of AS AsOf FROM source_files WHERE feed = @feed AND sha256 = @sha",
            new { feed = feed.Name, sha });
        if (o is null)
        {
            return null;
        }

        var status = FileStatus.Skipped;
        if (o.LandingPath != file.Path)
        {
            var inserted = conn.Execute(
                """
                INSERT INTO duplicate_deliveries (feed, landing_path, sha256, original_file_id, run_id, seen_at)
                VALUES (@feed, @path, @sha, @original, @runId, @seenAt) ON CONFLICT (feed, landing_path, sha256) DO NOTHING
                """,
                new { feed = feed.Name, path = file.Path, sha, original = o.FileId, runId, seenAt = clock.GetUtcNow().ToString("O") });
            if (inserted > 0)
            {
                status = FileStatus.Duplicate;
                logger.LogWarning("{File} has the same content as {Original}: recorded as a duplicate delivery, not applied", file.Path, o.LandingPath);
            }
        }

        return new FileOutcome(feed.Name, file.Path, status, o.FileId, sha, o.AsOf, 0, 0, 0, [], null, FileChanges.None, status == FileStatus.Duplicate ? o.FileId : null);
    }

    private sealed record KnownFile(long FileId, string LandingPath, string AsOf);

    private long RecordRejected(FeedDefinition feed, LandingFile file, string sha, string rawPath, string runId, string error)
    {
        using var conn = db.Open();
        return conn.ExecuteScalar<long>(
            """
            INSERT INTO source_files (feed, landing_path, sha256, size_bytes, raw_path, as_of, as_of_source, received_at, run_id, status, error)
            VALUES (@feed, @path, @sha, @size, @raw, @asOf, @asOfSource, @receivedAt, @runId, 'REJECTED', @error) RETURNING file_id
            """,
            new
            {
                feed = feed.Name, path = file.Path, sha, size = file.Size, raw = rawPath, asOf = FileLoader.Iso(file.AsOf),
                asOfSource = file.AsOfSource, receivedAt = clock.GetUtcNow().ToString("O"), runId, error,
            });
    }

    private async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = await zones.Landing.OpenReadAsync(path, ct);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return Convert.ToHexStringLower(hash);
    }
}

/// <summary>The run failed (database or storage error, not bad input); the run is recorded as FAILED.</summary>
public sealed class IngestFailedException(IngestRunResult result, Exception inner)
    : Exception($"Ingest run {result.RunId} failed: {inner.Message}", inner)
{
    public IngestRunResult Result { get; } = result;
}
