using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Alerts.Duplicates;
using Integration.Alerts.Leads;
using Integration.Alerts.Model;
using Integration.Alerts.Targets;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests;

/// <summary>
/// Enterprises holding several records of one register (duplicate NSSF registrations, two TINs, branches):
/// decisions use the active ones, leads and targets list the firm once, and the NSSF division gets the
/// duplicate registrations to clean up.
/// </summary>
public sealed class DuplicateRegistrationTests
{
    /// <summary>E1: N1 paying, N2 an active duplicate never declared, N3 closed, N4 joined only in the review band.
    /// E2: N5 paying, N6 an active duplicate still declaring. E3: one registration.</summary>
    private static void SeedDuplicates(Seed seed)
    {
        seed.Moc("R1", "E1", declared: 12).Nssf("N1", "E1").Nssf("N2", "E1", insured: 0, registeredOn: "2024-05-01", method: "fuzzy")
            .Nssf("N3", "E1", status: "CLOSED", insured: 0, registeredOn: "2012-01-01").Nssf("N4", "E1", method: "review")
            .Paid("N1", "2025-01", "2026-09").Paid("N3", "2013-01", "2014-12")
            .Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N1").Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N2").Pair(FeedNames.Nssf, "N1", FeedNames.Nssf, "N3", "CLERK_ACCEPT", 0.9)
            .Pair(FeedNames.Nssf, "N1", FeedNames.Nssf, "N4", "REVIEW", 0.8);
        seed.Moc("R2", "E2").Nssf("N5", "E2").Nssf("N6", "E2").Paid("N5", "2025-01", "2026-09").Paid("N6", "2025-01", "2026-03")
            .RegistrationDuplicate("E2", FeedNames.Nssf, "N5", "N6", 0.9991, "id", "p=0.9991: name exact +11.0; phone +6.2 (total 14.1)");
        seed.Moc("R3", "E3").Nssf("N7", "E3").Paid("N7", "2025-01", "2026-09");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Duplicate_registrations_are_listed_with_the_one_to_keep_and_what_to_do_with_each_other(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        SeedDuplicates(h.Seed);

        var answer = await h.Get<DuplicateService>().ReadAsync(new DuplicateQuery());
        var merge = await h.Get<DuplicateService>().ReadAsync(new DuplicateQuery(Action: "merge"));

        Assert.Equal(
            [("E1", "N1", "KEEP"), ("E1", "N2", "CLOSE"), ("E1", "N3", "SUPERSEDED"), ("E1", "N4", "CONFIRM_MATCH"), ("E2", "N5", "KEEP"), ("E2", "N6", "MERGE")],
            answer.Rows.Select(r => (r.EnterpriseId, r.NssfId, r.Action)));
        Assert.NotNull(answer.AlertRunId); // stored with the run the list was first asked of
        Assert.All(answer.Rows.Where(r => r.EnterpriseId == "E1"), r => Assert.Equal("N1", r.KeepNssfId));
        var n4 = answer.Rows.Single(r => r.NssfId == "N4");
        Assert.Equal((false, "review"), (n4.CertainlyJoined, n4.LinkMethod));
        var n6 = answer.Rows.Single(r => r.NssfId == "N6");
        Assert.Equal((6, "2026-03", true), (n6.MonthsDeclared, n6.PaidThrough, n6.CertainlyJoined));
        Assert.Contains("move its contributions to N5", n6.Reason, StringComparison.Ordinal);
        Assert.Equal("Employer N6", n6.NameEn); // the NSSF record's own name, as the division's file has it
        Assert.Equal((0.9991, "p=0.9991: name exact +11.0; phone +6.2 (total 14.1)"), (n6.MatchProbability, n6.MatchEvidence)); // matching's pair evidence
        Assert.Null(answer.Rows.Single(r => r.NssfId == "N5").MatchEvidence);
        Assert.Equal([("E2", "N5"), ("E2", "N6")], merge.Rows.Select(r => (r.EnterpriseId, r.NssfId)));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Get<DuplicateService>().ReadAsync(new DuplicateQuery(Action: "DELETE")));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_firm_registered_twice_is_registered_once_in_every_answer(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        SeedDuplicates(h.Seed);
        // E4: two MoC records and two TINs, no NSSF registration: one lead, with the largest headcount.
        h.Seed.Moc("R8", "E4", declared: 3).Moc("R9", "E4", declared: 7).Gdt("T8", "E4", employees: 15, period: "2026-08").Gdt("T9", "E4", employees: 4, period: "2026-09");

        var check = (await h.Check("R1")).Decision;
        var leads = await h.Leads.ListAsync(new LeadQuery());
        var targets = await h.Targets.ListAsync(new TargetQuery());

        Assert.Equal(("ALLOW", "CURRENT"), (check.Decision, check.ReasonCodes));
        Assert.Equal("N1|N2|N4", check.NssfId);
        var lead = Assert.Single(leads);
        Assert.Equal(("E4", "R8|R9", "T8|T9", "gdt:15 (2026-08)"), (lead.EnterpriseId, lead.MocRegistrationNo, lead.Tin, lead.EmployeesEvidence));
        Assert.Single(targets, t => t.EnterpriseId == "E1");
        Assert.Equal(10, targets.Single(t => t.EnterpriseId == "E1").InsuredWorkersNssf); // the largest, not the sum over duplicates
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Duplicates_are_served_over_http_and_exported_by_the_job(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        SeedDuplicates(h.Seed);
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        var all = await http.GetAsync(new Uri("/api/duplicates?province=12", UriKind.Relative));
        var page = await http.GetFromJsonAsync<JsonElement>("/api/duplicates?action=CLOSE&limit=1");
        var bad = await http.GetAsync(new Uri("/api/duplicates?action=DELETE", UriKind.Relative));
        var outcome = await h.Batch.RunAsync(null, record: false, "test");
        using var folder = new TempFolder("duplicates");
        Jobs.AlertsBatch.Export(folder.Path, outcome);

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("6", all.Headers.GetValues("X-Total-Count").Single());
        var rows = await all.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("E1", "N1", "KEEP", "N1"), (rows[0].GetProperty("enterprise_id").GetString(), rows[0].GetProperty("nssf_id").GetString(), rows[0].GetProperty("action").GetString(), rows[0].GetProperty("keep_nssf_id").GetString()));
        Assert.Equal(("N1", "KEEP"), (Assert.Single(page.EnumerateArray()).GetProperty("nssf_id").GetString(), page[0].GetProperty("action").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var csv = File.ReadAllLines(folder.Combine("duplicates.csv"));
        Assert.StartsWith("enterprise_id,nssf_id,action,keep_nssf_id,", csv[0], StringComparison.Ordinal);
        Assert.Equal(7, csv.Length);
    }
}
