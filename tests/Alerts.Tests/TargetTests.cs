using Integration.Alerts.Targets;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests;

/// <summary>Inspector targets: the points of each factor, ranking, place filters and the capacity cut.</summary>
public sealed class TargetTests
{
    private static void SeedThree(AlertsTestHost h)
    {
        // E1: not registered, 120 on the GDT return, garment, never inspected.
        h.Seed.Moc("R1", "E1", isic: "1410").Gdt("T1", "E1", employees: 120, period: "2026-09");
        // E2: registered with 100 insured against 120 on GDT, two months unpaid (6,000,000 KHR), inspected 9 months ago.
        h.Seed.Moc("R2", "E2").Gdt("T2", "E2", employees: 120, period: "2026-09").Nssf("N2", "E2", insured: 100)
            .Paid("N2", "2025-01", "2026-07", due: 3_000_000).Contribution("N2", "2026-08", 3_000_000, 0).Contribution("N2", "2026-09", 3_000_000, 0)
            .Inspection("N2", "2026-01-10");
        // E3: registered and paid up, 10 insured, last inspected in 2023, in Siem Reap.
        h.Seed.Moc("R3", "E3").Nssf("N3", "E3", insured: 10).Paid("N3", "2025-01", "2026-09").Inspection("N3", "2023-01-01");
        h.Seed.Enterprise("E3", "Siem Reap", "Krong Siem Reap", "17", "1710");
        // E4: no employees and no NSSF: nothing to inspect.
        h.Seed.Moc("R4", "E4", declared: 0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_factor_scores_its_configured_points(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        SeedThree(h);

        var targets = await h.Targets.ListAsync(new TargetQuery());

        Assert.Equal(["E1", "E2", "E3"], targets.Select(t => t.EnterpriseId));
        Assert.Equal([1, 2, 3], targets.Select(t => t.Rank));
        Assert.Equal("NOT_REGISTERED +40; GDT_EMPLOYEES 120 +20; SECTOR 1410 +10; SIZE 120 +6; NEVER_INSPECTED +10", targets[0].Reasons);
        Assert.Equal(86, targets[0].RiskScore);
        Assert.Equal("GDT_EMPLOYEES 120 vs NSSF 100 +4; ARREARS_MONTHS 2 +6; ARREARS_KHR 6000000 +6; SIZE 120 +6", targets[1].Reasons);
        Assert.Equal(22, targets[1].RiskScore);
        Assert.Equal((120L, 100L, 2, 6_000_000L, "2026-01-10"), (targets[1].EmployeesGdt!.Value, targets[1].InsuredWorkersNssf!.Value, targets[1].UnpaidPeriods, targets[1].ArrearsKhr, targets[1].LastInspectedOn!));
        Assert.Equal("SIZE 10 +3; LAST_INSPECTED 45m +10", targets[2].Reasons);
        Assert.Equal(13, targets[2].RiskScore);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Capacity_cuts_and_place_filters_apply(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        SeedThree(h);

        Assert.Equal(["E1", "E2"], (await h.Targets.ListAsync(new TargetQuery(Capacity: 2))).Select(t => t.EnterpriseId));
        var siemReap = await h.Targets.ListAsync(new TargetQuery(Province: "Siem Reap"));
        Assert.Equal(("E3", 1), (Assert.Single(siemReap).EnterpriseId, siemReap[0].Rank));
        Assert.Equal(["E1", "E2"], (await h.Targets.ListAsync(new TargetQuery(Province: "12", District: "1201"))).Select(t => t.EnterpriseId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Weights_come_from_configuration_and_the_score_is_capped(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider, settings: new Dictionary<string, string?>
        {
            ["Alerts:Targets:NotRegisteredPoints"] = "90",
            ["Alerts:Targets:SectorPoints:14"] = "0",
        });
        SeedThree(h);

        var top = (await h.Targets.ListAsync(new TargetQuery(Capacity: 1)))[0];

        Assert.Equal(100, top.RiskScore);
        Assert.StartsWith("NOT_REGISTERED +90; GDT_EMPLOYEES 120 +20; SIZE 120 +6", top.Reasons, StringComparison.Ordinal);
    }
}
