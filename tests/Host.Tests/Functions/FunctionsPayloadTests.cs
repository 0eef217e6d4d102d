using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Host.Api;
using Integration.Host.Scheduling;
using Integration.Host.Tests.Api;
using Integration.Host.Tests.Scheduling;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Functions;

/// <summary>
/// The Azure Functions custom-handler contract, over real HTTP to the running host: what the Functions host
/// POSTs to /{FunctionName} and what it expects back.
/// </summary>
public class FunctionsPayloadTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_timer_invocation_runs_the_job_for_its_cron_occurrence_once(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var job = new ScriptedJob("probe-match");
        await using var host = await StartAsync(test, job);

        // Fired half a second early: still the 02:00 occurrence.
        using var first = await host.Http.PostAsync("/probe-match", TimerPayload("probe-match", "2026-11-01T01:59:59.5000000Z"));
        using var again = await host.Http.PostAsync("/probe-match", TimerPayload("probe-match", "2026-11-01T02:00:00.2000000Z"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var body = await ApiHostTests.ReadJsonAsync(first);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        var log = Assert.Single(body.GetProperty("Logs").EnumerateArray()).GetString();
        Assert.Equal("probe-match 2026-11-01T02:00:00.0000000+00:00: succeeded on attempt 1: ok (rows=1)", log);
        var report = JsonDocument.Parse(body.GetProperty("ReturnValue").GetString()!).RootElement;
        Assert.Equal((int)JobRunOutcome.Succeeded, report.GetProperty("Outcome").GetInt32());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already run", (await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, job.Calls);
        Assert.Equal(new JobContext("functions-timer", new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero), host.Services.GetRequiredService<HostIdentity>().Name), job.Contexts.Single());
        var run = Assert.Single(await host.Services.GetRequiredService<JobRunStore>().ListAsync("probe-match"));
        Assert.Equal(("functions-timer", "succeeded"), (run.TriggeredBy, run.Outcome));
    }

    [Fact]
    public async Task A_failing_job_answers_500_with_the_error_in_the_invocation_log()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var job = new ScriptedJob("probe-match", (_, _, _) => throw new InvalidDataException("mapping file missing for gdt-taxpayers"));
        await using var host = await StartAsync(test, job);

        using var response = await host.Http.PostAsync("/probe-match", TimerPayload("probe-match", "2026-11-01T02:00:00Z"));
        var body = await ApiHostTests.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("mapping file missing for gdt-taxpayers", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", (await host.Services.GetRequiredService<JobRunStore>().ListAsync("probe-match")).Single().Outcome);
    }

    [Fact]
    public async Task An_unknown_function_is_a_problem_json_404()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = await StartAsync(test, new ScriptedJob("probe-match"));

        using var response = await host.Http.PostAsync("/no-such-function", TimerPayload("no-such-function", "2026-11-01T02:00:00Z"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("probe-match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTTP_trigger_payload_is_answered_through_the_res_output_binding()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = await StartAsync(test, new ScriptedJob("probe-match"));

        using var found = await host.Http.PostAsync("/licence-check", HttpPayload("http://localhost:7071/health"));
        using var missing = await host.Http.PostAsync("/licence-check", HttpPayload("http://localhost:7071/api/licence-checks-nowhere/R-1?asOf=2026-11-01"));

        var res = (await ApiHostTests.ReadJsonAsync(found)).GetProperty("Outputs").GetProperty("res");
        Assert.Equal(200, res.GetProperty("statusCode").GetInt32());
        Assert.Equal("healthy", JsonDocument.Parse(res.GetProperty("body").GetString()!).RootElement.GetProperty("status").GetString());
        Assert.StartsWith("application/json", res.GetProperty("headers").GetProperty("Content-Type").GetString(), StringComparison.Ordinal);
        var notFound = (await ApiHostTests.ReadJsonAsync(missing)).GetProperty("Outputs").GetProperty("res");
        Assert.Equal(404, notFound.GetProperty("statusCode").GetInt32());
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode); // the invocation itself worked
    }

    private static Task<RunningHost> StartAsync(TestDatabase test, IPipelineJob job) =>
        RunningHost.StartAsync(
            test.Options,
            new ServeSettings(Functions: true),
            new Dictionary<string, string?> { [$"Schedule:Jobs:{job.Name}"] = "0 0 2 * * *" },
            services => services.AddSingleton(job));

    /// <summary>A timer-trigger invocation as the Functions host sends it (binding named "timer" in function.json).</summary>
    internal static JsonContent TimerPayload(string function, string utcNow) => JsonContent.Create(
        new
    {
        Data = new
        {
            timer = new
            {
                Schedule = new { AdjustForDST = true },
                ScheduleStatus = new { Last = "2026-10-31T02:00:00Z", Next = "2026-11-01T02:00:00Z", LastUpdated = "2026-10-31T02:00:00Z" },
                IsPastDue = false,
            },
        },
        Metadata = new Dictionary<string, object>
        {
            ["sys"] = new { MethodName = function, UtcNow = utcNow, RandGuid = Guid.NewGuid().ToString() },
        },
    },
        options: AsSent);

    private static JsonContent HttpPayload(string url) => JsonContent.Create(
        new
    {
        Data = new
        {
            req = new
            {
                Url = url,
                Method = "GET",
                Query = new { },
                Headers = new Dictionary<string, string[]> { ["Accept"] = ["application/json"] },
                Params = new { registrationNo = "R-1" },
                Body = (string?)null,
            },
        },
        Metadata = new { sys = new { MethodName = "licence-check", UtcNow = "2026-11-01T02:00:00Z" } },
    },
        options: AsSent);

    /// <summary>The Functions host sends member names as written (PascalCase), not camelCase.</summary>
    private static readonly JsonSerializerOptions AsSent = new();
}
