using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Integration.Ingest.Pull;

/// <summary>Validators of a response: what the next conditional or resumed request sends back.</summary>
internal sealed record Validators(string? Etag, string? LastModified);

/// <summary>What one download brought: the file on disk (null when the source answered 304), its validators and name.</summary>
internal sealed record Downloaded(string? Path, Validators Validators, string? FileName);

/// <summary>A pull that cannot complete now: the source is down, refused us, or kept cutting the transfer.</summary>
internal sealed class PullFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Downloads one response body into a local file that survives a cut connection: the next attempt asks only for
/// the missing bytes (<c>Range</c>, guarded by <c>If-Range</c> with the first response's validator, so a changed
/// extract starts over instead of being stitched), and the file counts as complete only when its length is the one
/// the server announced. Requests go through the feed's resilient client (retries, circuit breaker, timeout).
/// </summary>
internal sealed class ExtractDownload(HttpClient http, PullSource source)
{
    public async Task<Downloaded> FetchAsync(Uri url, string partPath, Validators? ifChanged, CancellationToken ct)
    {
        var metaPath = partPath + ".json";
        string? lastCut = null;
        for (var transfer = 1; transfer <= Math.Max(1, source.ResumeAttempts); transfer++)
        {
            var have = File.Exists(partPath) ? new FileInfo(partPath).Length : 0;
            var partial = have > 0 && File.Exists(metaPath) ? JsonSerializer.Deserialize<Validators>(File.ReadAllText(metaPath)) : null;
            using var request = Request(url);
            if (have > 0 && partial?.Etag is { } etag)
            {
                request.Headers.Range = new RangeHeaderValue(have, null);
                request.Headers.TryAddWithoutValidation("If-Range", etag);
            }
            else if (ifChanged is not null)
            {
                if (ifChanged.Etag is { } e)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", e);
                }

                if (ifChanged.LastModified is { } lm)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lm);
                }
            }

            using var response = await SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new Downloaded(null, ifChanged ?? new Validators(null, null), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new PullFailedException($"{url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var validators = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            var resumed = response.StatusCode == HttpStatusCode.PartialContent && have > 0 && response.Content.Headers.ContentRange?.From == have;
            var expected = resumed ? response.Content.Headers.ContentRange?.Length : response.Content.Headers.ContentLength;
            if (!resumed)
            {
                File.Delete(partPath); // a whole body (or a changed extract): start from byte 0
            }

            await File.WriteAllTextAsync(metaPath, JsonSerializer.Serialize(validators), ct);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                await using var file = new FileStream(partPath, FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16);
                await body.CopyToAsync(file, ct);
            }
            catch (Exception e) when (e is IOException or HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                lastCut = e.Message;
                continue; // cut: keep what arrived and ask for the rest
            }

            var length = new FileInfo(partPath).Length;
            if (expected is { } total && length != total)
            {
                lastCut = $"{length:N0} of {total:N0} bytes arrived";
                continue;
            }

            return new Downloaded(partPath, validators, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        throw new PullFailedException($"{url.GetLeftPart(UriPartial.Path)}: the transfer was cut {source.ResumeAttempts} times ({lastCut}); the part kept resumes next time.");
    }

    private HttpRequestMessage Request(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (source.ApiKey.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(source.ApiKeyHeader, source.ApiKey);
        }

        if (source.XRoadClient.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("X-Road-Client", source.XRoadClient);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var where = request.RequestUri!.GetLeftPart(UriPartial.Path);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (BrokenCircuitException e)
        {
            throw new PullFailedException($"{where}: not asked, the circuit is open after repeated failures ({e.RetryAfter?.TotalSeconds:0} s left).", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new PullFailedException($"{where}: no answer within {source.TimeoutSeconds:0.##} s, {source.MaxAttempts} tries.", e);
        }
        catch (HttpRequestException e)
        {
            throw new PullFailedException($"{where}: unreachable ({e.Message}).", e);
        }
    }
}
