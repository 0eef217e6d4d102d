using Integration.Alerts.Leads;
using Integration.Alerts.Model;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests;

/// <summary>Leads: who must register and has not, is_new against the previous run, statuses kept across runs.</summary>
public sealed class LeadTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Leads_are_liable_firms_without_an_active_NSSF_employer(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Gdt("T1", "E1", employees: 35, period: "2026-09", firstSeen: "2025-03-01");
        h.Seed.Moc("R2", "E2", declared: 5).Nssf("N2", "E2");                        // registered
        h.Seed.Moc("R3", "E3", declared: 0);                                         // no employees
        h.Seed.Moc("R4", "E4", status: "STRUCK_OFF", declared: 8);                   // not trading
        h.Seed.Moc("R5", "E5", declared: 8, firstSeen: "2026-04-01").Nssf("N5", "E5", status: "CLOSED", insured: 0); // NSSF closed
        h.Seed.Moc("R6", "E6").Gdt("T6", "E6", employees: 12, period: "2025-01");    // stale headcount only

        var leads = await h.Leads.ListAsync(new LeadQuery());

        Assert.Equal(["E5", "E1"], leads.Select(l => l.EnterpriseId)); // newest first
        var e1 = leads.Single(l => l.EnterpriseId == "E1");
        Assert.Equal("gdt:35 (2026-09)", e1.EmployeesEvidence);
        Assert.Equal("2025-03-01", e1.FirstSeenOn);
        Assert.Equal("NEW", e1.Status);
        Assert.True(e1.IsNew);
        Assert.Equal("012 345 678", e1.Phone);
        Assert.Equal("Street 271, Chamkar Mon, Phnom Penh", e1.Address);
        Assert.Equal("moc:8", leads.Single(l => l.EnterpriseId == "E5").EmployeesEvidence);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_firm_with_an_active_NSSF_employer_in_the_review_band_is_no_lead_until_a_clerk_rejects_it(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", declared: 5).Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N9", "REVIEW", 0.85);
        h.Seed.Moc("R2", "E2", declared: 5).Pair(FeedNames.Moc, "R2", FeedNames.Nssf, "N9", "CLERK_REJECT", 0.85);
        h.Seed.Moc("R3", "E3", declared: 5).Pair(FeedNames.Moc, "R3", FeedNames.Nssf, "N8", "REVIEW", 0.85); // a CLOSED one registers nothing
        h.Seed.Nssf("N9", "E9").Moc("R9", "E9").Nssf("N8", "E8", status: "CLOSED", insured: 0).Moc("R8", "E8");

        var leads = await h.Leads.ListAsync(new LeadQuery());

        Assert.Equal(["E2", "E3"], leads.Select(l => l.EnterpriseId).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Status_is_kept_across_runs_is_new_follows_the_previous_run_and_registered_firms_drop_off(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Gdt("T1", "E1", employees: 35, period: "2026-09", firstSeen: "2026-01-01");
        h.Seed.Moc("R3", "E3", declared: 5, firstSeen: "2026-02-01");
        h.Seed.MatchRun("m1", "2026-10-01T00:00:00Z");
        var first = await h.Batch.RunAsync(null, record: true, "test");
        Assert.True(first.Recorded);
        Assert.All(first.Leads, l => Assert.True(l.IsNew));
        await h.Leads.SetStatusAsync("E1", "contacted", "division.dara", "called on Monday");

        // Next run: E3 registered with NSSF, E4 appeared.
        h.Seed.Nssf("N3", "E3");
        h.Seed.Moc("R4", "E4", declared: 3, firstSeen: "2026-10-01");
        h.Seed.MatchRun("m2", "2026-10-15T00:00:00Z");
        h.Clock.Now = h.Clock.Now.AddDays(1);
        var second = await h.Batch.RunAsync(null, record: true, "test");

        Assert.Equal(["E4", "E1"], second.Leads.Select(l => l.EnterpriseId));
        Assert.Equal((false, "CONTACTED"), (second.Leads[1].IsNew, second.Leads[1].Status));
        Assert.Equal((true, "NEW"), (second.Leads[0].IsNew, second.Leads[0].Status));
        var onlyNew = await h.Leads.ListAsync(new LeadQuery(OnlyNew: true));
        Assert.Equal(["E4"], onlyNew.Select(l => l.EnterpriseId));

        // Re-running on the same match run and date records nothing new and keeps is_new.
        var again = await h.Batch.RunAsync(null, record: true, "test");
        Assert.False(again.Recorded);
        Assert.Equal(second.Leads.Select(l => (l.EnterpriseId, l.IsNew)), again.Leads.Select(l => (l.EnterpriseId, l.IsNew)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Setting_a_status_validates_the_status_and_the_enterprise(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", declared: 5);

        await Assert.ThrowsAsync<ArgumentException>(() => h.Leads.SetStatusAsync("E1", "MAYBE", "x", null));
        Assert.Null(await h.Leads.SetStatusAsync("E404", "CONTACTED", "x", null));
        var set = await h.Leads.SetStatusAsync("E1", "NOT_LIABLE", "division.dara", "family business, no staff");
        Assert.Equal("NOT_LIABLE", set!.Status);
        var leads = await h.Leads.ListAsync(new LeadQuery(Status: "NOT_LIABLE"));
        Assert.Equal("E1", Assert.Single(leads).EnterpriseId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Leads_filter_by_province_and_district_code_or_name(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", declared: 5).Moc("R2", "E2", declared: 5);
        h.Seed.Enterprise("E2", "Siem Reap", "Krong Siem Reap", "17", "1710");

        Assert.Equal(["E2"], (await h.Leads.ListAsync(new LeadQuery(Province: "17"))).Select(l => l.EnterpriseId));
        Assert.Equal(["E2"], (await h.Leads.ListAsync(new LeadQuery(Province: "siem reap", District: "1710"))).Select(l => l.EnterpriseId));
        Assert.Equal(["E1"], (await h.Leads.ListAsync(new LeadQuery(District: "Chamkar Mon"))).Select(l => l.EnterpriseId));
        Assert.Empty(await h.Leads.ListAsync(new LeadQuery(Province: "12", District: "1710")));
    }
}
