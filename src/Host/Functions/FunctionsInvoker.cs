using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Integration.Host.Scheduling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Integration.Host.Functions;

/// <summary>
/// Answers Azure Functions custom-handler invocations. A timer function is named after the job it runs
/// (infra/&lt;job&gt;/function.json) and runs it through the same <see cref="JobRunner"/> as the self-hosted
/// schedule, so leases, the once-per-occurrence claim, retries and the run record are identical. An HTTP
/// function that arrives as a payload (request forwarding off) is replayed against this host's own API.
/// </summary>
public sealed class FunctionsInvoker(
    JobRunner runner,
    IOptions<ScheduleOptions> options,
    TimeProvider clock,
    IServer server,
    ILogger<FunctionsInvoker> log) : IDisposable
{
    /// <summary>A timer may fire a moment before its occurrence; within this slack it still counts as that occurrence.</summary>
    private static readonly TimeSpan EarlyFireSlack = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Lenient = new() { PropertyNameCaseInsensitive = true };

    private readonly HttpClient _loopback = new() { Timeout = TimeSpan.FromMinutes(5) };

    public async Task<IResult> InvokeAsync(string function, InvokeRequest request, CancellationToken ct)
    {
        if (request.Data?.TryGetValue("req", out var req) == true && req.ValueKind == JsonValueKind.Object)
        {
            return await ReplayHttpAsync(function, req.Deserialize<HttpTriggerData>(Lenient)!, ct);
        }

        if (!runner.Knows(function))
        {
            return Results.Problem(
                detail: $"No function or job named '{function}'. Known jobs: {string.Join(", ", runner.JobNames.Order(StringComparer.Ordinal))}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown function");
        }

        var firedAt = FiredAt(request.Metadata) ?? clock.GetUtcNow();
        var scheduledFor = Occurrence(function, firedAt);
        var report = await RunWaitingForLeaseAsync(function, scheduledFor, ct);
        var line = Describe(report);
        var body = new InvokeResponse(new Dictionary<string, object?>(), [line], JsonSerializer.Serialize(report));
        return Results.Json(body, statusCode: report.Outcome == JobRunOutcome.Failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK);
    }

    /// <summary>
    /// The occurrence a timer invocation stands for: the latest time the job's cron names at or just after the
    /// firing, so a self-hosted host and a Functions app on the same database agree on it.
    /// Without a configured cron the firing second itself is the occurrence.
    /// </summary>
    public DateTimeOffset Occurrence(string job, DateTimeOffset firedAt)
    {
        if (options.Value.Jobs.TryGetValue(job, out var cron) && CronSchedule.IsEnabled(cron)
            && CronSchedule.Parse(cron, $"{ScheduleOptions.Section}:Jobs:{job}").Latest(firedAt + EarlyFireSlack) is { } occurrence)
        {
            return occurrence;
        }

        return new DateTimeOffset(firedAt.UtcTicks - (firedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private async Task<JobRunReport> RunWaitingForLeaseAsync(string job, DateTimeOffset scheduledFor, CancellationToken ct)
    {
        // Azure fires a timer once; if a self-hosted host holds the lease for an earlier run, wait for it
        // (bounded) rather than drop this occurrence.
        var o = options.Value;
        var giveUpAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, o.LeaseSeconds));
        while (true)
        {
            var report = await runner.RunAsync(job, scheduledFor, "functions-timer", ct);
            if (report.Outcome != JobRunOutcome.Busy || clock.GetUtcNow() >= giveUpAt)
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.05, o.BusyRetrySeconds)), clock, ct);
        }
    }

    private async Task<IResult> ReplayHttpAsync(string function, HttpTriggerData req, CancellationToken ct)
    {
        if (!Uri.TryCreate(req.Url, UriKind.Absolute, out var original))
        {
            return Results.Problem(detail: $"Function '{function}': Data.req.Url '{req.Url}' is not an absolute URL.", statusCode: StatusCodes.Status400BadRequest);
        }

        using var message = new HttpRequestMessage(new HttpMethod(req.Method ?? "GET"), new Uri(OwnAddress(), original.PathAndQuery));
        if (req.Body is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } body)
        {
            var text = body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText();
            message.Content = new StringContent(text, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType(req.Headers) ?? "application/json");
        }

        using var response = await _loopback.SendAsync(message, ct);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Content.Headers)
        {
            headers[h.Key] = string.Join(", ", h.Value);
        }

        var output = new HttpOutput((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct), headers);
        var line = string.Create(CultureInfo.InvariantCulture, $"{function}: {req.Method} {original.PathAndQuery} -> {output.StatusCode}");
        log.LogInformation("Function {Function}: {Line}", function, line);
        return Results.Json(new InvokeResponse(new Dictionary<string, object?> { ["res"] = output }, [line], null));
    }

    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no listening address to replay HTTP functions on.");
        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        return builder.Uri;
    }

    private static string? ContentType(Dictionary<string, string[]>? headers) =>
        headers?.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static DateTimeOffset? FiredAt(Dictionary<string, JsonElement>? metadata)
    {
        var sys = metadata?.FirstOrDefault(m => m.Key.Equals("sys", StringComparison.OrdinalIgnoreCase)).Value;
        if (sys is { ValueKind: JsonValueKind.Object } s
            && s.EnumerateObject().FirstOrDefault(p => p.NameEquals("UtcNow") || p.Name.Equals("UtcNow", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } utcNow
            && DateTimeOffset.TryParse(utcNow.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        return null;
    }

    private static string Describe(JobRunReport r)
    {
        var at = r.Job + " " + r.ScheduledFor.ToString("O", CultureInfo.InvariantCulture);
        return r.Outcome switch
        {
            JobRunOutcome.Succeeded => $"{at}: succeeded on attempt {r.Attempts}: {r.Summary}",
            JobRunOutcome.Failed => $"{at}: failed after {r.Attempts} attempt(s): {r.Error}",
            JobRunOutcome.AlreadyRun => $"{at}: already run by another host; nothing to do",
            JobRunOutcome.Busy => $"{at}: another host kept the lease; not run",
            _ => $"{at}: {r.Outcome}",
        };
    }

    public void Dispose() => _loopback.Dispose();
}
