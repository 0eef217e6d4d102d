using System.Globalization;
using Integration.Core.Truth;

namespace Integration.Generator.Tests;

public class GroundTruthTests
{
    private static readonly string[] Registers = ["moc-licences", "gdt-taxpayers", "nssf-employers"];
    private static readonly string[] KeyColumn = ["registration_no", "tin", "nssf_id"];

    [Theory]
    [InlineData(GeneratorProfile.Default)]
    [InlineData(GeneratorProfile.Hard)]
    public void Ground_truth_loads_and_covers_every_valid_register_record_exactly_once(GeneratorProfile profile)
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 1500, Seed = 11, AsOf = GeneratedLanding.AsOf, BadRows = new BadRowRates { Rate = 0.02 } }.Apply(profile));

        var truth = GroundTruth.Load(landing.Dir);

        Assert.Equal(GeneratedLanding.AsOf, truth.AsOf);
        for (var i = 0; i < Registers.Length; i++)
        {
            var expected = landing.LoadedRows(Registers[i]).Select(r => r[KeyColumn[i]]).ToList();
            var listed = truth.Records.Where(r => r.Feed == Registers[i]).Select(r => r.SourceKey).ToList();
            Assert.Equal(expected.Count, expected.Distinct().Count());
            Assert.Equal(listed.Count, listed.Distinct().Count());
            Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        }

        // Corrupted rows are left out, and every record's firm is in firms.csv.
        var firmIds = truth.Firms.Select(f => f.TrueId).ToHashSet();
        Assert.All(truth.Records, r => Assert.Contains(r.TrueId, firmIds));
        Assert.Equal(firmIds.Count, truth.Records.Select(r => r.TrueId).Distinct().Count());
        Assert.Contains(landing.BadRows, b => Registers.Contains(b["feed"]) && b["kind"] != "DuplicateKey");
    }

    [Theory]
    [InlineData(GeneratorProfile.Default)]
    [InlineData(GeneratorProfile.Hard)]
    public void Expected_decisions_follow_the_default_policy_applied_to_the_files(GeneratorProfile profile)
    {
        // Recompute rules.md's default policy from the files alone (valid rows only, later contribution file wins)
        // and compare with what the generator wrote: guards the generator's bookkeeping end to end. Under the hard
        // profile a firm may hold several records of one register: only ACTIVE NSSF registrations count.
        var asOf = new DateOnly(2026, 10, 20);
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 2500, Seed = 21, AsOf = asOf, BadRows = new BadRowRates { Rate = 0.01 } }.Apply(profile));
        var truth = GroundTruth.Load(landing.Dir);
        var owner = truth.Records.ToDictionary(r => (r.Feed, r.SourceKey), r => r.TrueId);

        var asOfMonth = (asOf.Year * 12) + asOf.Month - 1;
        var evidence = new Dictionary<string, int>();
        var activeMocGdt = new HashSet<string>();
        var renewal = new HashSet<string>();
        var activeNssf = new Dictionary<string, (string Firm, int RegMonth)>();
        void Max(string firm, string value)
        {
            if (int.TryParse(value, CultureInfo.InvariantCulture, out var n))
            {
                evidence[firm] = Math.Max(evidence.GetValueOrDefault(firm), n);
            }
        }

        foreach (var r in landing.LoadedRows("moc-licences"))
        {
            var firm = owner[("moc-licences", r["registration_no"])];
            Max(firm, r["declared_employees"]);
            if (r["status"] == "ACTIVE") activeMocGdt.Add(firm);
            if (r["renewal_applied_on"].Length > 0) renewal.Add(firm);
        }

        foreach (var r in landing.LoadedRows("gdt-taxpayers"))
        {
            var firm = owner[("gdt-taxpayers", r["tin"])];
            if (r["status"] == "ACTIVE") activeMocGdt.Add(firm);
            if (r["employees_period"].Length == 7)
            {
                var p = Month(r["employees_period"]);
                if (p >= asOfMonth - 12 && p <= asOfMonth - 1) Max(firm, r["employees"]);
            }
        }

        foreach (var r in landing.LoadedRows("nssf-employers"))
        {
            var firm = owner[("nssf-employers", r["nssf_id"])];
            Max(firm, r["insured_workers"]);
            if (r["status"] == "ACTIVE") activeNssf[r["nssf_id"]] = (firm, Month(r["registered_on"][..7]));
        }

        var paid = new Dictionary<(string, int), bool>();
        foreach (var r in landing.LoadedRows("nssf-contributions"))
        {
            paid[(r["nssf_id"], Month(r["period"]))] = long.Parse(r["paid_khr"], CultureInfo.InvariantCulture) >= long.Parse(r["due_khr"], CultureInfo.InvariantCulture);
        }

        var latestDue = asOfMonth - (asOf.Day > 15 ? 1 : 2);
        var decisions = 0;
        foreach (var f in truth.Firms)
        {
            var employees = evidence.GetValueOrDefault(f.TrueId);
            var nssf = activeNssf.Where(kv => kv.Value.Firm == f.TrueId).Select(kv => (Id: kv.Key, kv.Value.RegMonth)).ToList();
            Assert.Equal(activeMocGdt.Contains(f.TrueId) && employees > 0 && nssf.Count == 0, f.ExpectedLead);
            if (!renewal.Contains(f.TrueId))
            {
                Assert.Equal("", f.ExpectedDecision);
                continue;
            }

            decisions++;
            string reason;
            if (nssf.Count == 0)
            {
                reason = employees > 0 ? "NOT_REGISTERED" : "NO_EMPLOYEES_DECLARED";
            }
            else
            {
                Assert.Single(nssf); // never two ACTIVE registrations: how to combine them is no question the truth asks
                var (id, regMonth) = nssf[0];
                var unpaid = 0;
                for (var m = Math.Max(latestDue - 11, regMonth); m <= latestDue; m++)
                {
                    unpaid += paid.TryGetValue((id, m), out var ok) && ok ? 0 : 1;
                }

                reason = unpaid > 0 ? "ARREARS" : "CURRENT";
            }

            Assert.Equal(reason, f.ExpectedReason);
            Assert.Equal(reason is "CURRENT" or "NO_EMPLOYEES_DECLARED" ? "ALLOW" : "BLOCK", f.ExpectedDecision);
        }

        Assert.True(decisions > 50, $"only {decisions} pending renewals");
        var reasons = truth.Firms.Where(f => f.ExpectedReason.Length > 0).Select(f => f.ExpectedReason).Distinct().ToList();
        Assert.Equal(4, reasons.Count);
    }

    [Fact]
    public void Compliance_patterns_appear_in_the_proportions_of_rules_md()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 20_000, Seed = 3, AsOf = GeneratedLanding.AsOf, BadRows = new BadRowRates { Rate = 0 } });
        var firms = GroundTruth.Load(landing.Dir).Firms;
        int Count(string label) => firms.Count(f => f.Compliance == label);

        var registeredOpen = Count("COMPLIANT") + Count("UNDER_DECLARED") + Count("ARREARS");
        Assert.InRange(Count("UNDER_DECLARED") / (double)registeredOpen, 0.10, 0.18);
        Assert.InRange(Count("ARREARS") / (double)registeredOpen, 0.06, 0.14);
        Assert.InRange((Count("CLOSED") + Count("CLOSED_STILL_REGISTERED")) / (double)firms.Count, 0.03, 0.07);
        Assert.True(Count("UNREGISTERED") > registeredOpen);
        Assert.True(Count("NO_EMPLOYEES") > firms.Count / 2);

        // Volumes per 500,000 firms: ~500k MoC, ~300k GDT, ~40k NSSF employers.
        double PerNational(string feed) => landing.Summary.RowsByFeed[feed] * 500_000.0 / firms.Count;
        Assert.InRange(PerNational("moc-licences"), 450_000, 550_000);
        Assert.InRange(PerNational("gdt-taxpayers"), 270_000, 330_000);
        Assert.InRange(PerNational("nssf-employers"), 34_000, 46_000);

        // Garment, textile and footwear dominate among employers of 100 or more.
        var big = landing.Rows("nssf-employers").Where(r => int.TryParse(r["insured_workers"], CultureInfo.InvariantCulture, out var n) && n >= 100).ToList();
        var apparel = big.Count(r => r["isic_code"] is "1410" or "1312" or "1520" or "1512");
        Assert.True(apparel > big.Count / 2, $"{apparel} of {big.Count} large employers in apparel");
    }

    private static int Month(string yyyyMM) => (int.Parse(yyyyMM[..4], CultureInfo.InvariantCulture) * 12) + int.Parse(yyyyMM[5..7], CultureInfo.InvariantCulture) - 1;
}
