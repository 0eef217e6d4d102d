// Over 300 lines: one ingest run read top to bottom (find, archive, order, apply, report); its steps share the run's state and log.
using System.Security.Cryptography;
using System.Data.Common;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Dates;
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
/// own ingest_runs row. Ends with the data-quality report. One bad file (unreadable, oddly named, not a regular
/// file) is reported and never stops the others; only a database failure ends the run.
/// </summary>
public sealed class IngestService(
    Db db,
    BlobZones zones,
    TimeProvider clock,
    IOptions<IngestOptions> options,
    StorageOptions storage,
    DateRules dates,
    ILogger<IngestService> logger)
{
    /// <summary>SHA-256 of no bytes: what an empty entry (or a pipe, socket or device, which are never opened) is recorded under.</summary>
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Test hook: runs before each record is applied (e.g. throws to simulate a crash at line K).</summary>
    internal Action<LandingFile, long>? BeforeRecord { get; set; }

    public async Task<IngestRunResult> RunAsync(IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var feeds = request.Feeds is { Count: > 0 } names ? names.Select(FeedCatalog.Get).ToList() : FeedCatalog.All.ToList();
        var runId = RunId.New("ingest", clock);
        var started = clock.GetUtcNow();
        logger.LogInformation("Ingest run {RunId} ({Trigger}) over {Landing}", runId, request.Trigger, zones.Landing.Describe());
        var files = new List<FileOutcome>();
        var ignored = new List<string>();
        string? error = null;
        try
        {
            // Inside the try: a database that cannot even record the run fails the run as any other fault does.
            await using (var conn = await db.OpenAsync(ct))
            {
                conn.Execute(
                    "INSERT INTO ingest_runs (run_id, started_at, trigger, landing, outcome) VALUES (@runId, @started, @trigger, @landing, @outcome)",
                    new { runId, started = started.ToString("O"), trigger = request.Trigger, landing = zones.Landing.Describe(), outcome = RunOutcome.Running });
            }

            await using var runLock = await RunLock.AcquireAsync(db, ct);
            foreach (var feed in feeds)
            {
                await IngestFeedAsync(feed, runId, files, ignored, progress, ct);
            }
        }
        catch (Exception e)
        {
            error = DatabaseErrors.Describe(e);
            logger.LogError(e, "Ingest run {RunId} failed", runId);
            var failed = Finish(runId, request.Trigger, started, files, ignored, error);
            throw new IngestFailedException(failed, e);
        }

        return Finish(runId, request.Trigger, started, files, ignored, error);
    }

    /// <summary>
    /// Records the run and writes its report. Either may fail when the disk is full or the database is gone: that
    /// is logged and said in the result (<see cref="IngestRunResult.ReportError"/>), never thrown in place of the
    /// run's own outcome.
    /// </summary>
    private IngestRunResult Finish(string runId, string trigger, DateTimeOffset started, List<FileOutcome> files, List<string> ignored, string? error)
    {
        var outcome = error is not null ? RunOutcome.Failed
            : files.Any(f => f.Status == FileStatus.Held) ? RunOutcome.Held
            : files.Any(f => f.Status is FileStatus.Loaded or FileStatus.Stale or FileStatus.Rejected) ? RunOutcome.Succeeded
            : RunOutcome.NothingNew;
        var result = new IngestRunResult(runId, trigger, outcome, started, clock.GetUtcNow(), files, ignored, error);
        var problems = new List<string>();
        try
        {
            using var conn = db.Open();
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
        catch (DbException e)
        {
            logger.LogError(e, "Ingest run {RunId}: the run record could not be updated", runId);
            problems.Add("the run record (ingest_runs) could not be updated: " + DatabaseErrors.Describe(e));
        }

        DataQualityReport? report = null;
        string? md = null, json = null;
        try
        {
            report = new DataQualityReportBuilder(db, options.Value).Build(result);
            (md, json) = DataQualityReportWriter.Write(report, Path.Combine(storage.ExportPath, "reports"), ReportName(runId));
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Ingest run {RunId}: the data-quality report could not be written", runId);
            problems.Add("the data-quality report could not be written: " + DatabaseErrors.Describe(e));
        }

        logger.LogInformation(
            "Ingest run {RunId}: {Outcome}, {Loaded} files loaded, {Rejected} rejected, {Held} held, {Skipped} skipped, {Rows} rows ({Quarantined} quarantined)",
            runId, outcome, result.FilesLoaded, result.FilesRejected, result.FilesHeld, result.FilesSkipped, result.RowsRead, result.RowsQuarantined);
        return result with { ReportPath = md, ReportJsonPath = json, Report = report, ReportError = problems.Count == 0 ? null : string.Join("; ", problems) };
    }

    /// <summary>ingest-&lt;run id&gt; without doubling the prefix (run ids already start with "ingest-").</summary>
    public static string ReportName(string runId) => runId.StartsWith("ingest-", StringComparison.Ordinal) ? runId : "ingest-" + runId;

    private async Task IngestFeedAsync(FeedDefinition feed, string runId, List<FileOutcome> outcomes, List<string> ignored, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        var deliveries = new List<LandingFile>();
        foreach (var item in await zones.Landing.ListAsync(feed.Name + "/", ct))
        {
            if (item.Unreadable is { } why)
            {
                ignored.Add($"{item.Path} ({why})");
                logger.LogWarning("Not read: {File}: {Why}", item.Path, why);
            }
            else if (LandingFile.TryParse(feed.Name, item.Path, item.Size, item.LastModified) is not { } f)
            {
                ignored.Add($"{item.Path} (not <feed>/<name>.csv|jsonl[.gz])");
            }
            else if (AsOfProblem(f) is { } asOf)
            {
                // Not recorded: the same bytes under a corrected name are a new delivery, not a duplicate of a refused one.
                ignored.Add($"{item.Path} ({asOf})");
                logger.LogWarning("Not read: {File}: {Why}", item.Path, asOf);
            }
            else
            {
                deliveries.Add(f);
            }
        }

        // As-of order; within one as-of, arrival order (the first of two identical deliveries is the original), then name.
        deliveries = deliveries.OrderBy(f => f.AsOf).ThenBy(f => f.ArrivedAt).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        FeedState? state = null;
        var loader = new FileLoader(db, zones, options.Value, dates) { BeforeRecord = BeforeRecord };
        for (var i = 0; i < deliveries.Count; i++)
        {
            var file = deliveries[i];
            var number = i + 1;
            progress?.Report(new IngestProgress(feed.Name, file.Path, number, deliveries.Count, 0, false));
            FileOutcome outcome;
            try
            {
                outcome = await IngestFileAsync(feed, file, runId, loader, () => state ??= LoadState(feed), rows => progress?.Report(new IngestProgress(feed.Name, file.Path, number, deliveries.Count, rows, false)), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && DatabaseErrors.Kind(e) != DatabaseFailure.DiskFull)
            {
                // The landing or raw zone could not be read or written for this file (it vanished, no permission, a
                // full disk): the file is reported, not recorded, so the next run tries it again; the others go on.
                var why = $"{file.Path}: cannot be read or archived: {DatabaseErrors.Describe(e)} (UNREADABLE)";
                logger.LogWarning(e, "Not loaded: {Why}", why);
                outcome = new FileOutcome(feed.Name, file.Path, FileStatus.Rejected, null, "", IsoDate.Format(file.AsOf), 0, 0, 0, [], why, FileChanges.None);
            }

            outcomes.Add(outcome);
            progress?.Report(new IngestProgress(feed.Name, file.Path, number, deliveries.Count, outcome.RowsRead, true));
        }

        if (state is not null && !db.Dialect.IsPostgres)
        {
            // The loading connection checkpoints rarely (FileLoader.LoadingWalPages): copy the feed's pages into the
            // database file now, so the WAL does not carry them into the next feed or outlive the run.
            using var conn = db.Open();
            conn.Execute("PRAGMA main.wal_checkpoint(PASSIVE)"); // main: the attached log database is read-only here
        }
    }

    /// <summary>One delivery: skipped if known, archived in the raw zone, then loaded, held or rejected.</summary>
    private async Task<FileOutcome> IngestFileAsync(FeedDefinition feed, LandingFile file, string runId, FileLoader loader, Func<FeedState> state, Action<long> onProgress, CancellationToken ct)
    {
        // An entry of no bytes is never opened: opening a FIFO blocks until something writes to it, and a
        // socket or device is no delivery either. An empty file has nothing to load anyway.
        var sha = file.Size == 0 ? EmptySha256 : await HashAsync(file.Path, ct);
        var known = await KnownAsync(feed, file, sha, runId);
        if (known is { Outcome: { } done })
        {
            return done;
        }

        var rawPath = $"{feed.Name}/{sha}/{file.Name}";
        if (!await zones.Raw.ExistsAsync(rawPath, ct))
        {
            await using var landing = file.Size == 0 ? new MemoryStream() : await zones.Landing.OpenReadAsync(file.Path, ct);
            await zones.Raw.WriteAsync(rawPath, landing, ct);
        }

        if (file.Size == 0)
        {
            var empty = $"{file.Path}: the file is empty, or not a regular file (a pipe, socket or device is not opened) (EMPTY_FILE)";
            return new FileOutcome(feed.Name, file.Path, FileStatus.Rejected, RecordFile(feed, file, sha, rawPath, runId, FileStatus.Rejected, empty, 0), sha, IsoDate.Format(file.AsOf), 0, 0, 0, [], empty, FileChanges.None);
        }

        loader.OnProgress = onProgress;
        var outcome = await loader.LoadAsync(new FileToLoad(file, sha, rawPath, runId, clock.GetUtcNow(), known?.ConfirmedHeldFileId), state(), ct);
        if (outcome.Status == FileStatus.Rejected)
        {
            outcome = outcome with { FileId = RecordFile(feed, file, sha, rawPath, runId, FileStatus.Rejected, outcome.Error!, 0) };
            logger.LogWarning("Rejected {File}: {Error}", file.Path, outcome.Error);
        }
        else if (outcome.Status == FileStatus.Held)
        {
            var id = RecordFile(feed, file, sha, rawPath, runId, FileStatus.Held, outcome.Error!, outcome.Changes.Removed);
            outcome = outcome with { FileId = id, Error = outcome.Error + HowToConfirm(id) };
            logger.LogWarning("Held {File}: {Error}", file.Path, outcome.Error);
        }

        return outcome;
    }

    /// <summary>The date in a file's name, when it cannot be the file's as-of (a Buddhist-era year, year 0001, a date after today).</summary>
    private string? AsOfProblem(LandingFile file)
    {
        if (file.NameDate is not { } named)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var check = dates.Check(named, today);
        if (!check.Ok)
        {
            return $"the date in the name, {IsoDate.Format(named)}, {check.Why} (BAD_AS_OF)";
        }

        // An extract is not dated after it was made; a day's grace for time zones (Cambodia is UTC+7).
        return check.Date > today.AddDays(1)
            ? $"the date in the name, {IsoDate.Format(named)}, is after today ({IsoDate.Format(today)}): as the as-of of a snapshot it would make every later one stale (BAD_AS_OF)"
            : null;
    }

    private static string HowToConfirm(long fileId) =>
        $" with `integration ingest --confirm-removal {fileId} --by NAME` or POST /api/ingest/held/{fileId}/confirm; it is then applied by the next ingest of its feed.";

    private FeedState LoadState(FeedDefinition feed)
    {
        using var conn = db.Open();
        return FeedState.Load(conn, feed);
    }

    /// <summary>
    /// What is known of a delivery's bytes: SKIPPED when handled before, DUPLICATE (recorded now) when they came under
    /// another name, HELD while a held snapshot waits; a confirmed held snapshot is loaded under its file id. Null when new.
    /// </summary>
    private async Task<Known?> KnownAsync(FeedDefinition feed, LandingFile file, string sha, string runId)
    {
        await using var conn = await db.OpenAsync();
        var o = conn.QueryFirstOrDefault<KnownFile>(
            """
            SELECT file_id AS FileId, landing_path AS LandingPath, as_of AS AsOf, status AS Status, error AS Error, confirmed_at AS ConfirmedAt
            FROM source_files WHERE feed = @feed AND sha256 = @sha
            """,
            new { feed = feed.Name, sha });
        if (o is null)
        {
            return null;
        }

        if (o.Status == FileStatus.Held)
        {
            return o.ConfirmedAt is not null
                ? new Known(null, o.FileId)
                : new Known(new FileOutcome(feed.Name, file.Path, FileStatus.Held, o.FileId, sha, o.AsOf, 0, 0, 0, [], o.Error + HowToConfirm(o.FileId), FileChanges.None), null);
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

        return new Known(new FileOutcome(feed.Name, file.Path, status, o.FileId, sha, o.AsOf, 0, 0, 0, [], null, FileChanges.None, status == FileStatus.Duplicate ? o.FileId : null), null);
    }

    /// <summary>Either the outcome of a delivery already handled, or the id of a held snapshot an operator confirmed.</summary>
    private sealed record Known(FileOutcome? Outcome, long? ConfirmedHeldFileId);

    private sealed record KnownFile(long FileId, string LandingPath, string AsOf, string Status, string? Error, string? ConfirmedAt);

    /// <summary>Records a file that was not applied (REJECTED, HELD); returns its file id.</summary>
    private long RecordFile(FeedDefinition feed, LandingFile file, string sha, string rawPath, string runId, string status, string error, long removed)
    {
        using var conn = db.Open();
        return conn.ExecuteScalar<long>(
            """
            INSERT INTO source_files (feed, landing_path, sha256, size_bytes, raw_path, as_of, as_of_source, received_at, run_id, status, error, held_removals)
            VALUES (@feed, @path, @sha, @size, @raw, @asOf, @asOfSource, @receivedAt, @runId, @status, @error, @removed) RETURNING file_id
            """,
            new
            {
                feed = feed.Name, path = file.Path, sha, size = file.Size, raw = rawPath, asOf = IsoDate.Format(file.AsOf),
                asOfSource = file.AsOfSource, receivedAt = clock.GetUtcNow().ToString("O"), runId, status, error,
                removed = status == FileStatus.Held ? removed : (long?)null,
            });
    }

    private async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = await zones.Landing.OpenReadAsync(path, ct);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return Convert.ToHexStringLower(hash);
    }
}
