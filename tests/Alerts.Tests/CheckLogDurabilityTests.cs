using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Integration.Alerts.Checks;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests;

/// <summary>
/// The check log and the audit log written by the process's one log writer (group commit): every check answered is
/// already committed, with its audit entry, and stays there across a restart; concurrent checks share commits
/// without losing or reordering one.
/// </summary>
public sealed class CheckLogDurabilityTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_checks_over_the_API_are_each_committed_with_their_audit_entry_before_the_answer(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        for (var i = 1; i <= 5; i++)
        {
            h.Seed.Moc("R" + i, "E" + i).Nssf("N" + i, "E" + i).Paid("N" + i, "2025-01", "2026-09");
        }

        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            http.GetFromJsonAsync<JsonElement>($"/api/licence-checks/R{(i % 5) + 1}?user=officer{i}")));

        // Read while the service still runs: each answer's row is committed, not waiting in a queue.
        var ids = answers.Select(a => a.GetProperty("check_id").GetInt64()).ToList();
        using var conn = h.Database.Db.Open();
        var logged = conn.Query<(long Id, string By, string Reg)>("SELECT check_id, requested_by, registration_no FROM licence_checks WHERE channel = 'http'").ToDictionary(r => r.Id);
        Assert.Equal(60, ids.Distinct().Count());
        Assert.All(ids.Select((id, i) => (id, i)), x => Assert.Equal(($"officer{x.i}", $"R{(x.i % 5) + 1}"), (logged[x.id].By, logged[x.id].Reg)));

        var audit = conn.Query<(long Seq, string Detail)>("SELECT seq, detail FROM audit_log WHERE action = 'LicenceCheck' ORDER BY seq").ToList();
        var audited = audit.Select(a => JsonDocument.Parse(a.Detail).RootElement.GetProperty("check_id").GetInt64()).ToHashSet();
        Assert.True(ids.All(audited.Contains), "every answered check has its audit entry");
        var seqs = conn.Query<long>("SELECT seq FROM audit_log ORDER BY seq").ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(s => (long)s), seqs); // one chain, no gap, though the entries shared commits with check rows
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_check_answered_is_in_the_log_after_the_service_restarts(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-09");

        long id;
        var (first, http) = await h.StartApi();
        using (http)
        {
            id = (await http.GetFromJsonAsync<JsonElement>("/api/licence-checks/R1?user=before.restart")).GetProperty("check_id").GetInt64();
            await first.StopAsync();
            await first.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // nothing of the first service's connections is reused
        var (second, http2) = await h.StartApi();
        await using var _ = second;
        using var __ = http2;
        using var conn = h.Database.Db.Open();

        Assert.Equal(("before.restart", "ALLOW"), conn.QuerySingle<(string, string)>("SELECT requested_by, decision FROM licence_checks WHERE check_id = @id", new { id }));
        var again = await http2.GetFromJsonAsync<JsonElement>("/api/licence-checks/R1?user=after.restart");
        Assert.True(again.GetProperty("check_id").GetInt64() > id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Checks_queued_together_commit_in_the_order_they_were_queued(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1");
        LicenceDecisionOf(h, out var decision);
        var writer = h.Get<CheckLogWriter>();

        // Queued back to back, without waiting: they land in few commits, each row after the one queued before it.
        var pending = Enumerable.Range(0, 300).Select(i => writer.WriteAsync(new CheckRequest("R1", null, "queued" + i, "test"), decision, decision.AsOf)).ToList();
        var ids = await Task.WhenAll(pending);

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(300, ids.Distinct().Count());
        using var conn = h.Database.Db.Open();
        var byId = conn.Query<(long Id, string By)>("SELECT check_id, requested_by FROM licence_checks WHERE channel = 'test'").ToDictionary(r => r.Id, r => r.By);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => "queued" + i), ids.Select(id => byId[id]));
    }

    private static void LicenceDecisionOf(AlertsTestHost h, out Policy.LicenceDecision decision)
    {
        using var conn = h.Database.Db.Open();
        decision = h.Checks.Decide(conn, "R1", new DateOnly(2026, 10, 20))!;
    }
}
