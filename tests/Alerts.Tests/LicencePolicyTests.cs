using Integration.Alerts.Model;
using Integration.Alerts.Policy;

namespace Integration.Alerts.Tests;

/// <summary>
/// The policy as a pure function, on facts built in memory: which links an answer rests on (rules.md step 5),
/// several records of one register (duplicates, re-registrations), and registrations no longer in the register.
/// </summary>
public sealed class LicencePolicyTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 20); // latest due month 2026-09, window 2025-10..2026-09
    private static readonly LicencePolicy Policy = new(new LicencePolicyOptions());

    private static LicenceDecision Decide(Facts f, string reg = "R1") => Policy.Decide(f.MocRecord(reg), f.Built, AsOf);

    [Fact]
    public void Records_joined_to_R_by_a_path_of_certain_pairs_are_certain_whatever_other_pairs_say()
    {
        var f = new Facts().Moc("R1").Gdt("T1", 5, "2026-09").Nssf("N1", method: "review")
            .Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1").Pair(FeedNames.Gdt, "T1", FeedNames.Nssf, "N1", "CLERK_ACCEPT", 0.6).Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N1", "REVIEW", 0.8);

        var linkage = LinkageCertainty.Of(f.Built, new RecordKey(FeedNames.Moc, "R1"), ["review"]);

        Assert.Equal(3, linkage.Certain.Count);
        Assert.Empty(linkage.Groups);
        Assert.Equal(3, linkage.Pairs.Count);
    }

    [Fact]
    public void Records_reached_only_through_the_review_band_form_groups_with_the_links_that_reach_them()
    {
        var f = new Facts().Moc("R1").Gdt("T1", 5, "2026-09").Nssf("N1", method: "review").Gdt("T2", null, null, method: "review")
            .Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1").Pair(FeedNames.Gdt, "T1", FeedNames.Nssf, "N1", "REVIEW", 0.85).Pair(FeedNames.Gdt, "T2", FeedNames.Nssf, "N1")
            .Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N9", "REVIEW", 0.81)
            .Outside("E9", o => o.Nssf("N9"));

        var linkage = LinkageCertainty.Of(f.Built, new RecordKey(FeedNames.Moc, "R1"), ["review"]);

        Assert.Equal([new RecordKey(FeedNames.Moc, "R1"), new RecordKey(FeedNames.Gdt, "T1")], linkage.Certain.OrderBy(k => k.Feed, StringComparer.Ordinal).Reverse());
        Assert.Equal(2, linkage.Groups.Count);
        var inside = linkage.Groups[0];
        Assert.Equal(2, inside.Records.Count); // N1 and T2, joined to each other by a certain pair
        Assert.Equal("NSSF N1 (review band with GDT T1, p=0.85)", Assert.Single(inside.Links).ToString());
        var outside = linkage.Groups[1];
        Assert.Equal(("E9", "NSSF N9 of enterprise E9 (review band with MoC R1, p=0.81)"), (outside.OutsideEnterpriseId, Assert.Single(outside.Links).ToString()));
    }

    [Fact]
    public void Without_stored_pairs_each_record_stands_by_its_own_link()
    {
        var certainR = new Facts().Moc("R1").Gdt("T1", 5, "2026-09").Nssf("N1", method: "review");
        var reviewR = new Facts().Moc("R1", method: "review").Gdt("T1", 5, "2026-09").Nssf("N1");

        var a = LinkageCertainty.Of(certainR.Built, new RecordKey(FeedNames.Moc, "R1"), ["review"]);
        var b = LinkageCertainty.Of(reviewR.Built, new RecordKey(FeedNames.Moc, "R1"), ["review"]);

        Assert.Equal(2, a.Certain.Count);
        Assert.Equal("NSSF N1 (linked in the review band, 0.70)", Assert.Single(Assert.Single(a.Groups).Links).ToString());
        Assert.Equal([new RecordKey(FeedNames.Moc, "R1")], b.Certain);
        var group = Assert.Single(b.Groups);
        Assert.Equal(2, group.Records.Count);
        Assert.Equal("MoC R1 (linked in the review band, 0.70)", Assert.Single(group.Links).ToString());
    }

    [Fact]
    public void A_clerks_reject_joins_nothing_and_is_no_candidate()
    {
        var f = new Facts().Moc("R1", declared: 4).Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N9", "CLERK_REJECT", 0.9).Outside("E9", o => o.Nssf("N9").Paid("N9", "2025-01", "2026-09"));

        var d = Decide(f);

        Assert.Empty(LinkageCertainty.Of(f.Built, new RecordKey(FeedNames.Moc, "R1"), ["review"]).Groups);
        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (d.Decision, d.ReasonCodes));
    }

    [Fact]
    public void NOT_REGISTERED_from_Rs_own_record_stands_when_no_uncertain_NSSF_candidate_exists()
    {
        var f = new Facts().Moc("R1", declared: 3).Gdt("T1", 20, "2026-08", method: "review").Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1", "REVIEW", 0.9);

        var d = Decide(f);

        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (d.Decision, d.ReasonCodes));
        Assert.Contains("gdt:20 (2026-08)", d.ReasonText, StringComparison.Ordinal); // as linked, the largest evidence
        Assert.Contains("whether or not the review-band link(s) are confirmed", d.ReasonText, StringComparison.Ordinal);
        Assert.Null(d.Evidence.DecisionWithoutReview);
    }

    [Fact]
    public void NOT_REGISTERED_on_records_that_carry_only_a_name_is_REVIEW_but_stands_once_a_joined_record_has_an_address_or_phone()
    {
        var alone = new Facts().Moc("R1", declared: 119, address: null);
        var withPhone = new Facts().Moc("R1", declared: 119, address: null).Gdt("T1", 120, "2026-08", phone: "012 345 678").Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1");
        var onlyUncertainPhone = new Facts().Moc("R1", declared: 119, address: null).Gdt("T1", 120, "2026-08", method: "review", phone: "012 345 678")
            .Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1", "REVIEW", 0.9);
        var quiet = new LicencePolicy(new LicencePolicyOptions { ReviewNotRegisteredOnNameOnly = false });

        var d = Decide(alone);

        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|NOT_REGISTERED"), (d.Decision, d.ReasonCodes));
        Assert.Contains("carries an address or a phone, only a name", d.ReasonText, StringComparison.Ordinal);
        Assert.Equal("BLOCK NOT_REGISTERED", d.Evidence.DecisionWithoutReview);
        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (Decide(withPhone).Decision, Decide(withPhone).ReasonCodes));
        Assert.Equal("REVIEW", Decide(onlyUncertainPhone).Decision); // a phone on a review-band record is not R's
        Assert.Equal("BLOCK", quiet.Decide(alone.MocRecord("R1"), alone.Built, AsOf).Decision);
        Assert.Equal(("ALLOW", "NO_EMPLOYEES_DECLARED"), (Decide(new Facts().Moc("R1", declared: 0, address: null)).Decision, Decide(new Facts().Moc("R1", declared: 0, address: null)).ReasonCodes));
    }

    [Fact]
    public void An_uncertain_active_NSSF_candidate_makes_NOT_REGISTERED_a_REVIEW_inside_or_outside_the_enterprise()
    {
        var inside = new Facts().Moc("R1", declared: 3).Nssf("N1", method: "review").Paid("N1", "2025-01", "2026-09").Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N1", "REVIEW", 0.9);
        var outside = new Facts().Moc("R1", declared: 3).Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N9", "REVIEW", 0.9).Outside("E9", o => o.Nssf("N9").Paid("N9", "2025-01", "2026-09"));

        var d1 = Decide(inside);
        var d2 = Decide(outside);

        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|CURRENT"), (d1.Decision, d1.ReasonCodes));
        Assert.Equal("ALLOW CURRENT", d1.Evidence.DecisionWithoutReview);
        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|NOT_REGISTERED"), (d2.Decision, d2.ReasonCodes));
        Assert.Equal(["NSSF N9 of enterprise E9 (review band with MoC R1, p=0.90)"], d2.Evidence.UncertainLinks);
        Assert.Contains(d2.Evidence.Records, r => r is { SourceKey: "N9", EnterpriseId: "E9", CertainlyJoined: false });
    }

    [Fact]
    public void An_uncertain_candidate_that_would_not_change_the_decision_is_no_reason_for_REVIEW()
    {
        // A CLOSED NSSF employer without insured workers, or a GDT record without employees, changes neither answer.
        var f = new Facts().Moc("R1", declared: 0).Nssf("N1", status: "CLOSED", insured: 0, method: "review").Gdt("T1", 0, "2026-09", method: "review")
            .Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N1", "REVIEW", 0.8).Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1", "REVIEW", 0.8);

        var d = Decide(f);

        Assert.Equal(("ALLOW", "NO_EMPLOYEES_DECLARED"), (d.Decision, d.ReasonCodes));
    }

    [Fact]
    public void Only_the_groups_that_change_the_decision_are_named()
    {
        var f = new Facts().Moc("R1").Gdt("T1", 0, "2026-09", method: "review").Gdt("T2", 12, "2026-09", method: "review")
            .Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1", "REVIEW", 0.8).Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T2", "REVIEW", 0.75);

        var d = Decide(f);

        Assert.Equal("REVIEW", d.Decision);
        Assert.Equal(["GDT T2 (review band with MoC R1, p=0.75)"], d.Evidence.UncertainLinks);
        Assert.Contains("without GDT T2 it would be ALLOW NO_EMPLOYEES_DECLARED", d.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void More_uncertain_groups_than_configured_is_REVIEW_outright()
    {
        var policy = new LicencePolicy(new LicencePolicyOptions { MaxUncertainGroups = 1 });
        var f = new Facts().Moc("R1", declared: 0).Gdt("T1", 0, "2026-09", method: "review").Gdt("T2", 0, "2026-09", method: "review");

        var d = policy.Decide(f.MocRecord("R1"), f.Built, AsOf);

        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|NO_EMPLOYEES_DECLARED"), (d.Decision, d.ReasonCodes));
        Assert.Contains("too many to weigh", d.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_registration_with_a_closed_duplicate_is_registered_and_judged_on_the_active_one()
    {
        var f = new Facts().Moc("R1", declared: 8).Nssf("N1", status: "CLOSED", insured: 0, registeredOn: "2015-03-01").Nssf("N2", registeredOn: "2026-04-10")
            .Paid("N1", "2025-01", "2026-03").Paid("N2", "2026-04", "2026-09");

        var d = Decide(f);

        Assert.Equal(("ALLOW", "CURRENT"), (d.Decision, d.ReasonCodes));
        Assert.Equal("N2", d.NssfId);
        Assert.Contains("window 2026-04..2026-09", d.ReasonText, StringComparison.Ordinal); // from the active registration
    }

    [Fact]
    public void Contributions_of_every_NSSF_id_of_the_firm_count()
    {
        // Registered twice: pays under N1, N2 is a dormant duplicate with no declarations.
        var dormant = new Facts().Moc("R1").Nssf("N1").Nssf("N2", insured: 0, registeredOn: "2024-06-01").Paid("N1", "2025-01", "2026-09");
        // Moved its declarations to N2 mid-window.
        var moved = new Facts().Moc("R1").Nssf("N1").Nssf("N2", registeredOn: "2026-03-01").Paid("N1", "2025-01", "2026-02").Paid("N2", "2026-03", "2026-09");
        // A declaration paid short under either id is unpaid, and a month declared under neither.
        var shortPaid = new Facts().Moc("R1").Nssf("N1").Nssf("N2", status: "CLOSED").Paid("N1", "2025-01", "2026-08").Contribution("N2", "2026-02", 50_000, 10_000);

        var a = Decide(dormant);
        var b = Decide(moved);
        var c = Decide(shortPaid);

        Assert.Equal(("ALLOW", "CURRENT", "N1|N2"), (a.Decision, a.ReasonCodes, a.NssfId));
        Assert.Equal(("ALLOW", "CURRENT"), (b.Decision, b.ReasonCodes));
        Assert.Equal(("BLOCK", "ARREARS", 2, 40_000L), (c.Decision, c.ReasonCodes, c.UnpaidPeriods, c.ArrearsKhr));
        Assert.Equal(["N2:2026-02", "N1:2026-09"], c.Evidence.UnpaidMonths);
        Assert.Equal("N1", c.NssfId);
    }

    [Fact]
    public void Employees_evidence_is_the_largest_over_the_current_records_of_every_register()
    {
        var f = new Facts().Moc("R1", declared: 3).Moc("R2", declared: 6).Gdt("T1", 20, "2026-09").Gdt("T2", 40, "2025-06").Nssf("N1", status: "CLOSED", insured: 9);

        var d = Decide(f);

        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (d.Decision, d.ReasonCodes));
        Assert.Contains("gdt:20 (2026-09)", d.ReasonText, StringComparison.Ordinal); // T2's return is stale
        Assert.Contains("N1 CLOSED", d.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registration_removed_from_the_register_is_answered_as_such_not_as_not_linked()
    {
        var f = new Facts().Moc("R1", declared: 5, current: 0, lastSeen: "2026-07-01");

        var linked = Decide(f);
        var unlinked = Policy.Decide(f.MocRecord("R1"), null, AsOf);

        foreach (var d in new[] { linked, unlinked })
        {
            Assert.Equal(("REVIEW", "NOT_IN_CURRENT_REGISTER"), (d.Decision, d.ReasonCodes));
            Assert.Contains("not in the current MoC register: it was last in the extract of 2026-07-01 (status ACTIVE then)", d.ReasonText, StringComparison.Ordinal);
            Assert.Null(d.EnterpriseId);
            Assert.Equal(("2026-07-01", false), (d.Evidence.Records[0].LastSeenOn, d.Evidence.Records[0].Current));
        }
    }
}
