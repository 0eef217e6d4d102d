using System.Net;
using System.Text.Json;
using Integration.Core.Database;
using Integration.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Integration.Host.Tests.Api;

public class ApiHostTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_checks_the_database_and_hides_secrets(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var options = test.Options.Provider == DatabaseProvider.Postgres
            ? new DatabaseOptions { Provider = provider, ConnectionString = test.Options.ConnectionString + ";Password=not-to-be-shown" }
            : test.Options;
        await using var host = await RunningHost.StartAsync(options);

        using var response = await host.Http.GetAsync("/health");
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.Equal(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres", json.GetProperty("database").GetString()); // the kind, never a path or host
        Assert.True(json.GetProperty("schemaVersions").GetInt64() >= 1);
        Assert.DoesNotContain("not-to-be-shown", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_an_unreachable_database_as_503_json()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Postgres);
        await using var host = await RunningHost.StartAsync(test.Options);
        test.Dispose(); // drops the database under the running host

        using var response = await host.Http.GetAsync("/health");
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", json.GetProperty("status").GetString());
        Assert.Contains("does not exist", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_routes_and_failures_answer_with_problem_json()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = await RunningHost.StartAsync(test.Options, endpoints: app =>
            app.MapGet("/test/fail", (HttpContext _) => throw new InvalidOperationException("secret internals")));

        using var missing = await host.Http.GetAsync("/no/such/route");
        using var failing = await host.Http.GetAsync("/test/fail");
        using var wrongMethod = await host.Http.DeleteAsync("/health");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await ReadJsonAsync(missing)).GetProperty("status").GetInt32());

        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Equal("application/problem+json", failing.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(failing);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("secret internals", problem.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = await RunningHost.StartAsync(test.Options);

        using var response = await host.Http.GetAsync("/openapi/v1.json");
        var doc = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/health", out var health));
        Assert.True(health.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/jobs/runs", out var runs));

        // The API-key scheme is declared, and asked for on /api operations but not on /health.
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.True(runs.GetProperty("get").GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        Assert.False(health.GetProperty("get").TryGetProperty("security", out _));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Jobs_endpoint_shows_schedule_and_last_run(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        await using var host = await RunningHost.StartAsync(test.Options, config: new Dictionary<string, string?> { ["Schedule:Jobs:heartbeat"] = "0 30 * * * *" });
        var runner = (Integration.Core.Jobs.JobRunner)host.Services.GetService(typeof(Integration.Core.Jobs.JobRunner))!;
        await runner.RunAsync("heartbeat", new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.Zero), "cli");

        var jobs = await ReadJsonAsync(await host.Http.GetAsync("/api/jobs"));
        var heartbeat = jobs.EnumerateArray().Single(j => j.GetProperty("job").GetString() == "heartbeat");

        Assert.Equal("0 30 * * * *", heartbeat.GetProperty("cron").GetString());
        Assert.Equal("succeeded", heartbeat.GetProperty("lastRun").GetProperty("outcome").GetString());
        var runs = await ReadJsonAsync(await host.Http.GetAsync("/api/jobs/runs?job=heartbeat"));
        Assert.Equal("2026-11-01T00:30:00.0000000Z", runs.EnumerateArray().Single().GetProperty("scheduledFor").GetString());
    }

    internal static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
