using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Integration.Core.Database;
using Integration.Host.Api;
using Integration.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Integration.Host.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, row 15 and the smaller items): /health writes and shows no path; lists for
/// other dates are recomputed a bounded number at a time while everything else stays fast.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class HealthAndLimitsTests
{
    [Fact]
    public async Task Health_writes_to_the_database_and_names_no_path()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = await RunningHost.StartAsync(test.Options);

        var json = await host.Http.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal(("healthy", "sqlite", "folder", "ok"), (json.GetProperty("status").GetString(), json.GetProperty("database").GetString(), json.GetProperty("storage").GetString(), json.GetProperty("write").GetString()));
        Assert.DoesNotContain(test.Options.ConnectionString, json.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("/", json.GetRawText().Replace("\\/", "", StringComparison.Ordinal).Replace(json.GetProperty("checkedAt").GetString()!, "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var conn = test.Db.Open();
        Assert.Equal(1, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM health_probe"));
    }

    [Fact]
    public async Task Lists_for_other_dates_wait_for_a_turn_and_are_refused_past_the_queue_while_the_rest_is_served()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var holding = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        await using var host = await RunningHost.StartAsync(
            test.Options,
            config: new Dictionary<string, string?> { ["Api:Limits:Recomputations"] = "1", ["Api:Limits:RecomputationQueue"] = "0" },
            endpoints: app => app.MapGet("/test/recompute", async () =>
                {
                    entered.TrySetResult();
                    await holding.Task; // a recomputation that takes its time
                    return Results.Ok();
                })
                .RequireRateLimiting(ApiRateLimits.Recompute));

        var busy = host.Http.GetAsync(new Uri("/test/recompute?asOf=2026-01-01", UriKind.Relative));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var refused = await host.Http.GetAsync(new Uri("/api/leads?asOf=2026-02-01", UriKind.Relative));
        using var stored = await host.Http.GetAsync(new Uri("/api/leads", UriKind.Relative));
        using var health = await host.Http.GetAsync(new Uri("/health", UriKind.Relative));
        holding.SetResult();
        using var done = await busy;
        using var after = await host.Http.GetAsync(new Uri("/api/targets?asOf=2026-02-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Api:Limits:Recomputations", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode); // the latest run's list needs no turn
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
