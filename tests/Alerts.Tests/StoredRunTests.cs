using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests;

/// <summary>
/// Leads and targets are served from what the latest alerts run stored, not recomputed per request:
/// a source row changed after the run does not show until the next run, while a status change does.
/// </summary>
public sealed class StoredRunTests
{
    private static async Task<(JsonElement[] Rows, string? AlertRun, string? AsOf)> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var rows = await response.Content.ReadFromJsonAsync<JsonElement[]>();
        string? Header(string name) => response.Headers.TryGetValues(name, out var v) ? v.Single() : null;
        return (rows!, Header("X-Alert-Run-Id"), Header("X-As-Of"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lists_are_the_stored_runs_answer_until_the_next_batch_with_statuses_live(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", isic: "1410").Gdt("T1", "E1", employees: 120, period: "2026-09");
        h.Seed.MatchRun("m1", "2026-10-01T00:00:00Z");
        var first = await h.Batch.RunAsync(null, record: true, "test");
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        // E1 registers with NSSF after the run: the register changed, the run's answer did not.
        h.Seed.Nssf("N1", "E1", insured: 100);
        var leads = await Get(http, "/api/leads");
        var targets = await Get(http, "/api/targets");

        var lead = Assert.Single(leads.Rows);
        Assert.Equal(("E1", "m1", "2026-10-01", first.AlertRunId), (lead.GetProperty("enterprise_id").GetString(), lead.GetProperty("run_id").GetString(), lead.GetProperty("as_of").GetString(), lead.GetProperty("alert_run_id").GetString()));
        Assert.Equal((first.AlertRunId, "2026-10-01"), (leads.AlertRun, leads.AsOf));
        var target = Assert.Single(targets.Rows);
        Assert.StartsWith("NOT_REGISTERED +40; GDT_EMPLOYEES 120 +20", target.GetProperty("reasons").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.AlertRunId, target.GetProperty("alert_run_id").GetString());

        // A status change shows at once, on the stored list.
        (await http.PutAsJsonAsync("/api/leads/E1/status", new { status = "CONTACTED", by = "division.dara" })).EnsureSuccessStatusCode();
        var contacted = await Get(http, "/api/leads?status=contacted");
        Assert.Equal("CONTACTED", Assert.Single(contacted.Rows).GetProperty("status").GetString());

        // A date no stored run covers is computed from the register as it is now, and not recorded.
        var later = await Get(http, "/api/leads?asOf=2026-10-20");
        Assert.Empty(later.Rows);
        Assert.Equal((null, "2026-10-20"), (later.AlertRun, later.AsOf));

        // The next batch (new match run) recomputes: E1 has dropped off the leads and is scored as registered.
        h.Seed.MatchRun("m2", "2026-10-15T00:00:00Z");
        var second = await h.Batch.RunAsync(null, record: true, "test");
        var leadsAfter = await Get(http, "/api/leads");
        var targetsAfter = await Get(http, "/api/targets");

        Assert.Empty(leadsAfter.Rows);
        Assert.Equal(second.AlertRunId, leadsAfter.AlertRun);
        var registered = Assert.Single(targetsAfter.Rows);
        Assert.Equal("N1", registered.GetProperty("nssf_id").GetString());
        Assert.DoesNotContain("NOT_REGISTERED", registered.GetProperty("reasons").GetString(), StringComparison.Ordinal);
        using var conn = h.Database.Db.Open();
        Assert.Equal(2L, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM alert_runs"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_run_on_the_current_match_run_the_first_request_records_one_and_later_ones_reuse_it(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", declared: 5).Moc("R2", "E2", declared: 7);
        h.Seed.Enterprise("E2", "Siem Reap", "Krong Siem Reap", "17", "1710");
        h.Seed.MatchRun("m1", "2026-10-01T00:00:00Z");

        var all = await h.Leads.ReadAsync(new Leads.LeadQuery());
        var siemReap = await h.Targets.ReadAsync(new Targets.TargetQuery(Province: "siem reap"));
        var phnomPenh = await h.Leads.ListAsync(new Leads.LeadQuery(Province: "12", District: "chamkar mon"));

        Assert.NotNull(all.AlertRunId);
        Assert.Equal(("m1", "2026-10-01"), (all.MatchRunId, all.AsOf));
        Assert.Equal(2, all.Rows.Count);
        Assert.Equal(all.AlertRunId, siemReap.AlertRunId);
        Assert.Equal(("E2", 1), (Assert.Single(siemReap.Rows).EnterpriseId, siemReap.Rows[0].Rank));
        Assert.Equal("E1", Assert.Single(phnomPenh).EnterpriseId);
        using var conn = h.Database.Db.Open();
        var runs = conn.Query<(string RunId, string Trigger, long Snapshots)>("SELECT run_id, trigger, snapshots FROM alert_runs").ToList();
        Assert.Equal((all.AlertRunId!, "on-demand", 2L), Assert.Single(runs));
        Assert.Equal(2L, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM target_snapshots WHERE alert_run_id = @r", new { r = all.AlertRunId }));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_stored_before_duplicates_were_kept_answers_leads_and_a_new_run_answers_duplicates(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", declared: 4).Moc("R2", "E2").Nssf("N2", "E2").Nssf("N3", "E2", status: "CLOSED");
        h.Seed.MatchRun("m1", "2026-10-01T00:00:00Z");
        var old = await h.Batch.RunAsync(null, record: true, "test");
        h.Seed.Exec("UPDATE alert_runs SET snapshots = 1");
        h.Seed.Exec("DELETE FROM duplicate_snapshots");

        var leads = await h.Leads.ReadAsync(new Leads.LeadQuery());
        var duplicates = await h.Get<Duplicates.DuplicateService>().ReadAsync(new Duplicates.DuplicateQuery());

        Assert.Equal(old.AlertRunId, leads.AlertRunId);
        Assert.NotEqual(old.AlertRunId, duplicates.AlertRunId);
        Assert.Equal([("N2", "KEEP"), ("N3", "SUPERSEDED")], duplicates.Rows.Select(r => (r.NssfId, r.Action)));
    }
}
