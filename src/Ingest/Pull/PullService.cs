using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Integration.Core.Storage;
using Integration.Ingest.Feeds;
using Integration.Ingest.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Ingest.Pull;

/// <summary>How a pull ended.</summary>
public enum PullOutcome
{
    /// <summary>No source configured for the feed: nothing to do.</summary>
    NotConfigured,

    /// <summary>The source answered 304: nothing was transferred.</summary>
    NotModified,

    /// <summary>A body came, byte for byte the extract landed last time: nothing landed.</summary>
    SameContent,

    /// <summary>A new extract landed and was ingested.</summary>
    Landed,

    Failed,
}

internal sealed record PullResult(string Feed, PullOutcome Outcome, string Summary, string? LandingPath = null, long Bytes = 0, int Pages = 0, IngestRunResult? Ingest = null, string? Alert = null);

/// <summary>
/// <c>pull-&lt;feed&gt;</c>: fetches the feed's extract from its ministry endpoint into the landing zone, then ingests it.
/// Conditional (If-None-Match / If-Modified-Since with the last validators), resumable (parts kept in
/// <see cref="PullOptions.WorkPath"/>), paged where the source pages, landed atomically (the store's write: temp
/// file and rename, or a block commit) only when complete and different from the last extract, recorded in
/// pull_state. A source that keeps failing is counted; from <see cref="PullSource.AlertAfterFailedPulls"/> on,
/// every failed pull carries an alert line.
/// </summary>
internal sealed class PullService(
    IOptions<PullOptions> options,
    IHttpClientFactory clients,
    PullStateStore states,
    BlobZones zones,
    IngestService ingest,
    TimeProvider clock,
    ILogger<PullService> log)
{
    public async Task<PullResult> PullAsync(string feedName, string trigger, CancellationToken ct)
    {
        var feed = FeedCatalog.Get(feedName);
        if (!options.Value.Sources.TryGetValue(feed.Name, out var source) || string.IsNullOrWhiteSpace(source.Url))
        {
            return new PullResult(feed.Name, PullOutcome.NotConfigured, $"no source configured (Pull:Sources:{feed.Name}:Url); nothing pulled");
        }

        var state = await states.GetAsync(feed.Name, ct);
        var now = clock.GetUtcNow();
        try
        {
            var url = Address(source, feed.Name);
            var work = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(options.Value.WorkPath), feed.Name)).FullName;
            var download = new ExtractDownload(clients.CreateClient(PullHttp.ClientName(feed.Name)), source);
            var known = state.Etag is null && state.LastModified is null ? null : new Validators(state.Etag, state.LastModified);
            var (path, validators, fileName, pages) = await FetchAllAsync(download, source, url, work, known, ct);
            if (path is null)
            {
                await states.SaveAsync(state with { CheckedAt = Iso(now), ConsecutiveFailures = 0, FailingSince = null, LastError = null }, ct);
                return new PullResult(feed.Name, PullOutcome.NotModified, "NOT_MODIFIED: the source answered 304 to the last extract's validators; nothing fetched, ingest not run");
            }

            var sha = await HashAsync(path, ct);
            var bytes = new FileInfo(path).Length;
            if (sha == state.Sha256)
            {
                Clear(work);
                await states.SaveAsync(state with { Etag = validators.Etag, LastModified = validators.LastModified, CheckedAt = Iso(now), ConsecutiveFailures = 0, FailingSince = null, LastError = null }, ct);
                return new PullResult(feed.Name, PullOutcome.SameContent, $"SAME_CONTENT: {bytes:N0} bytes, identical to {state.LandingPath}; nothing landed, ingest not run", Bytes: bytes, Pages: pages);
            }

            var landing = await LandingPathAsync(feed.Name, fileName, url, now, ct);
            await using (var stream = File.OpenRead(path))
            {
                await zones.Landing.WriteAsync(landing, stream, ct);
            }

            Clear(work);
            await states.SaveAsync(new PullStateRow
            {
                Feed = feed.Name, Etag = validators.Etag, LastModified = validators.LastModified, Sha256 = sha, LandingPath = landing,
                LandedAt = Iso(now), CheckedAt = Iso(now),
            }, ct);
            log.LogInformation("Pull {Feed}: landed {Path} ({Bytes} bytes, {Pages} page(s))", feed.Name, landing, bytes, pages);

            // Ingest follows: the file just landed (and anything else new for this feed).
            var ingested = await ingest.RunAsync(new IngestRequest(trigger, [feed.Name]), null, ct);
            return new PullResult(
                feed.Name,
                PullOutcome.Landed,
                string.Create(CultureInfo.InvariantCulture, $"LANDED: {landing} ({bytes:N0} bytes, {pages} page(s)); ingest {ingested.Outcome}: {ingested.FilesLoaded} files, {ingested.RowsLoaded:N0} rows loaded, {ingested.RowsQuarantined:N0} quarantined (run {ingested.RunId})"),
                landing,
                bytes,
                pages,
                ingested);
        }
        catch (PullFailedException e)
        {
            var failures = state.ConsecutiveFailures + 1;
            var since = state.FailingSince ?? Iso(now);
            await states.SaveAsync(state with { CheckedAt = Iso(now), ConsecutiveFailures = failures, FailingSince = since, LastError = e.Message }, ct);
            string? alert = null;
            if (failures >= Math.Max(1, source.AlertAfterFailedPulls))
            {
                alert = $"ALERT pull-{feed.Name}: source down since {since}, {failures} failed pulls in a row; last: {e.Message}";
                log.LogError("{Alert}", alert);
            }
            else
            {
                log.LogWarning("Pull {Feed} failed ({Failures} in a row): {Error}", feed.Name, failures, e.Message);
            }

            return new PullResult(feed.Name, PullOutcome.Failed, $"FAILED: {e.Message}", Alert: alert);
        }
    }

    /// <summary>The extract into one local file: a single response, or the pages in order (a CSV header kept once).</summary>
    private static async Task<(string? Path, Validators Validators, string? FileName, int Pages)> FetchAllAsync(
        ExtractDownload download, PullSource source, Uri url, string work, Validators? known, CancellationToken ct)
    {
        if (source.Paging == PagingKind.None)
        {
            var one = await download.FetchAsync(url, Path.Combine(work, "extract.part"), known, ct);
            return (one.Path, one.Validators, one.FileName, one.Path is null ? 0 : 1);
        }

        // Pages are numbered from 1; page 1's validators stand for the extract (304 on page 1: nothing changed).
        var combined = Path.Combine(work, "extract.pages");
        File.Delete(combined);
        Validators? first = null;
        string? name = null;
        var pages = 0;
        for (var page = 1; page <= source.MaxPages; page++)
        {
            var pageUrl = WithQuery(url, source.PageParameter, page.ToString(CultureInfo.InvariantCulture));
            var got = await download.FetchAsync(pageUrl, Path.Combine(work, $"page-{page:D6}.part"), page == 1 ? known : null, ct);
            if (got.Path is null)
            {
                return (null, known!, null, 0);
            }

            first ??= got.Validators;
            name ??= got.FileName;
            var lines = await File.ReadAllLinesAsync(got.Path, ct);
            var data = page == 1 || lines.Length == 0 ? lines : lines[1..]; // a CSV page repeats the header
            var hasRows = lines.Length > (LooksLikeCsvHeader(lines) ? 1 : 0);
            File.Delete(got.Path);
            File.Delete(got.Path + ".json");
            if (!hasRows)
            {
                break;
            }

            await File.AppendAllLinesAsync(combined, page == 1 ? lines : data, new UTF8Encoding(false), ct);
            pages++;
        }

        return (combined, first!, name, pages);
    }

    private static bool LooksLikeCsvHeader(string[] lines) => lines.Length > 0 && !lines[0].TrimStart().StartsWith('{');

    private async Task<string> LandingPathAsync(string feed, string? served, Uri url, DateTimeOffset now, CancellationToken ct)
    {
        var name = Path.GetFileName(served ?? "") is { Length: > 0 } s ? s : Path.GetFileName(url.AbsolutePath);
        var ext = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ".csv.gz"
            : name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? ".jsonl" : ".csv";
        var stem = new string(Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(name)).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        // The fetch time in the name: a unique path, and the extract date ingest reads when the source's name has none.
        var path = $"{feed}/pull-{now.UtcDateTime:yyyy-MM-dd'T'HHmmss'Z'}{(stem.Length > 0 ? "-" + stem : "")}{ext}";
        return await zones.Landing.ExistsAsync(path, ct) ? $"{feed}/pull-{now.UtcDateTime:yyyy-MM-dd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}{ext}" : path;
    }

    private static Uri Address(PullSource source, string feed)
    {
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new PullFailedException($"Pull:Sources:{feed}:Url '{source.Url}' is not an absolute http(s) address.");
        }

        if (url.Scheme == "http" && !source.AllowInsecureHttp)
        {
            throw new PullFailedException($"Pull:Sources:{feed}:Url is plain HTTP; ministry extracts go over HTTPS (set AllowInsecureHttp only for a trusted network).");
        }

        return source.PageSize > 0 ? WithQuery(url, source.PageSizeParameter, source.PageSize.ToString(CultureInfo.InvariantCulture)) : url;
    }

    private static Uri WithQuery(Uri url, string name, string value)
    {
        var b = new UriBuilder(url);
        var q = b.Query.TrimStart('?');
        b.Query = (q.Length > 0 ? q + "&" : "") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        return b.Uri;
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }

    private static void Clear(string work)
    {
        foreach (var f in Directory.EnumerateFiles(work))
        {
            File.Delete(f);
        }
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
