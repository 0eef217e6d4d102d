using System.Text.Json;
using Dapper;
using Integration.Alerts.Checks;
using Integration.Alerts.Model;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests;

/// <summary>
/// Licence checks where a link is in the review band (rules.md step 5): REVIEW only when the decision rests on an
/// uncertain link, on SQLite and PostgreSQL.
/// </summary>
public sealed class ReviewBandCheckTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_review_band_link_that_changes_the_answer_is_REVIEW_UNCERTAIN_MATCH(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Gdt("T1", "E1", employees: 35, period: "2026-09", method: "review");                  // BLOCK with T1, ALLOW without
        h.Seed.Moc("R2", "E2", declared: 5, method: "review").Nssf("N2", "E2").Paid("N2", "2025-01", "2026-09");   // ALLOW with N2, BLOCK without
        h.Seed.Moc("R3", "E3").Nssf("N3", "E3", method: "review").Paid("N3", "2025-01", "2026-05");                // BLOCK ARREARS with N3, ALLOW without

        var d1 = (await h.Check("R1")).Decision;
        var d2 = (await h.Check("R2")).Decision;
        var d3 = (await h.Check("R3")).Decision;

        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|NOT_REGISTERED"), (d1.Decision, d1.ReasonCodes));
        Assert.Contains("would be BLOCK NOT_REGISTERED; without GDT T1 it would be ALLOW NO_EMPLOYEES_DECLARED", d1.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|CURRENT"), (d2.Decision, d2.ReasonCodes));
        Assert.Contains("MoC R2 (linked in the review band", d2.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|ARREARS"), (d3.Decision, d3.ReasonCodes));
        Assert.Equal(4, d3.UnpaidPeriods); // the figures of the enterprise as linked are still shown
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_review_band_link_the_answer_does_not_rest_on_leaves_it_decided(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Moc("R5", "E1", method: "review").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-09"); // another MoC record's link is not R's
        h.Seed.Moc("R2", "E2", declared: 0).Gdt("T2", "E2", employees: 0, period: "2026-09", method: "review");      // no record reports employees
        h.Seed.Moc("R3", "E3", declared: 6).Gdt("T3", "E3", employees: 9, period: "2026-09", method: "review");      // R's own record makes it liable, no NSSF anywhere
        h.Seed.Moc("R4", "E4").Nssf("N4", "E4", method: "review").Paid("N4", "2025-01", "2026-09");                   // ALLOW with N4 and without

        var d1 = (await h.Check("R1")).Decision;
        var d2 = (await h.Check("R2")).Decision;
        var d3 = (await h.Check("R3")).Decision;
        var d4 = (await h.Check("R4")).Decision;

        Assert.Equal(("ALLOW", "CURRENT"), (d1.Decision, d1.ReasonCodes));
        Assert.Equal(("ALLOW", "NO_EMPLOYEES_DECLARED"), (d2.Decision, d2.ReasonCodes));
        Assert.Contains("This holds whether or not the review-band link(s) are confirmed: GDT T2", d2.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (d3.Decision, d3.ReasonCodes));
        Assert.Contains("gdt:9 (2026-09)", d3.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("ALLOW", "CURRENT"), (d4.Decision, d4.ReasonCodes));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_redundant_review_pair_inside_certainly_joined_records_is_not_REVIEW(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        // R1 - T1 - N1 joined by automatic links; the weaker R1 - N1 pair marks N1's link "review" (its weakest pair).
        h.Seed.Moc("R1", "E1").Gdt("T1", "E1", employees: 12, period: "2026-09").Nssf("N1", "E1", method: "review").Paid("N1", "2025-01", "2026-05")
            .Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1").Pair(FeedNames.Gdt, "T1", FeedNames.Nssf, "N1").Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N1", "REVIEW", 0.8);
        // The same records where N2 is joined through review-band pairs only: the arrears are N2's, and N2 is uncertain
        // (without N2 the firm has no employees on record: ALLOW).
        h.Seed.Moc("R2", "E2").Gdt("T2", "E2", employees: 0, period: "2026-09").Nssf("N2", "E2", method: "review").Paid("N2", "2025-01", "2026-05")
            .Pair(FeedNames.Moc, "R2", FeedNames.Gdt, "T2").Pair(FeedNames.Gdt, "T2", FeedNames.Nssf, "N2", "REVIEW", 0.85).Pair(FeedNames.Moc, "R2", FeedNames.Nssf, "N2", "REVIEW", 0.8);
        // A clerk's accept is as certain as an automatic link.
        h.Seed.Moc("R3", "E3").Nssf("N3", "E3", method: "clerk").Paid("N3", "2025-01", "2026-05").Pair(FeedNames.Moc, "R3", FeedNames.Nssf, "N3", "CLERK_ACCEPT", 0.7);

        var d1 = await h.Checks.CheckAsync(new CheckRequest("R1", null, "tester", "test"));
        var d2 = (await h.Check("R2")).Decision;
        var d3 = (await h.Check("R3")).Decision;

        Assert.Equal(("BLOCK", "ARREARS"), (d1.Decision.Decision, d1.Decision.ReasonCodes));
        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|ARREARS"), (d2.Decision, d2.ReasonCodes));
        Assert.Contains("NSSF N2 (review band with GDT T2, p=0.85)", d2.ReasonText, StringComparison.Ordinal);
        Assert.Contains("NSSF N2 (review band with MoC R2, p=0.80)", d2.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("BLOCK", "ARREARS"), (d3.Decision, d3.ReasonCodes));

        // The evidence names the pairs with their bands, and which links certain pairs join to R.
        using var conn = h.Database.Db.Open();
        using var evidence = JsonDocument.Parse(conn.ExecuteScalar<string>("SELECT evidence FROM licence_checks WHERE check_id = @id", new { id = d1.CheckId })!);
        var pairs = evidence.RootElement.GetProperty("pairs").EnumerateArray().Select(p => (p.GetProperty("key_a").GetString(), p.GetProperty("key_b").GetString(), p.GetProperty("band").GetString())).ToList();
        Assert.Equal(3, pairs.Count);
        Assert.Contains(("R1", "N1", "REVIEW"), pairs);
        var n1 = evidence.RootElement.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("source_key").GetString() == "N1");
        Assert.Equal(("review", true), (n1.GetProperty("method").GetString(), n1.GetProperty("certainly_joined").GetBoolean()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_review_band_NSSF_candidate_in_another_enterprise_makes_NOT_REGISTERED_a_REVIEW(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", declared: 5);
        h.Seed.Nssf("N9", "E9").Paid("N9", "2025-01", "2026-09").Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N9", "REVIEW", 0.82);
        h.Seed.Moc("R2", "E2", declared: 5);
        h.Seed.Nssf("N8", "E8").Paid("N8", "2025-01", "2026-09").Pair(FeedNames.Moc, "R2", FeedNames.Nssf, "N8", "CLERK_REJECT", 0.82); // a clerk said no

        var d1 = await h.Checks.CheckAsync(new CheckRequest("R1", null, "tester", "test"));
        var d2 = (await h.Check("R2")).Decision;

        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|NOT_REGISTERED"), (d1.Decision.Decision, d1.Decision.ReasonCodes));
        Assert.Contains("NSSF N9 of enterprise E9 (review band with MoC R1, p=0.82)", d1.Decision.ReasonText, StringComparison.Ordinal);
        Assert.Contains("with NSSF N9 (now in enterprise E9) it would be ALLOW CURRENT", d1.Decision.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (d2.Decision, d2.ReasonCodes));

        using var conn = h.Database.Db.Open();
        using var evidence = JsonDocument.Parse(conn.ExecuteScalar<string>("SELECT evidence FROM licence_checks WHERE check_id = @id", new { id = d1.CheckId })!);
        var n9 = evidence.RootElement.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("source_key").GetString() == "N9");
        Assert.Equal("E9", n9.GetProperty("enterprise_id").GetString());
        Assert.Contains(evidence.RootElement.GetProperty("uncertain_links").EnumerateArray(), u => u.GetString()!.StartsWith("NSSF N9", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_known_by_its_name_alone_is_not_blocked_as_NOT_REGISTERED(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", declared: 119, province: null, district: null, street: null, phone: null);
        h.Seed.Moc("R2", "E2", declared: 119, province: null, district: null, street: null); // a phone the matcher could have used

        var d1 = await h.Checks.CheckAsync(new CheckRequest("R1", null, "tester", "test"));
        var d2 = (await h.Check("R2")).Decision;

        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH|NOT_REGISTERED"), (d1.Decision.Decision, d1.Decision.ReasonCodes));
        Assert.Contains("a clerk must search the NSSF register for the firm by name", d1.Decision.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (d2.Decision, d2.ReasonCodes));
        using var conn = h.Database.Db.Open();
        using var evidence = JsonDocument.Parse(conn.ExecuteScalar<string>("SELECT evidence FROM licence_checks WHERE check_id = @id", new { id = d1.CheckId })!);
        Assert.Equal("BLOCK NOT_REGISTERED", evidence.RootElement.GetProperty("decision_without_review").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_batch_weighs_pairs_and_candidates_as_a_single_check_does(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Gdt("T1", "E1", employees: 12, period: "2026-09").Nssf("N1", "E1", method: "review").Paid("N1", "2025-01", "2026-05")
            .Pair(FeedNames.Moc, "R1", FeedNames.Gdt, "T1").Pair(FeedNames.Gdt, "T1", FeedNames.Nssf, "N1").Pair(FeedNames.Moc, "R1", FeedNames.Nssf, "N1", "REVIEW", 0.8);
        h.Seed.Moc("R2", "E2").Gdt("T2", "E2", employees: 0, period: "2026-09").Nssf("N2", "E2", method: "review").Paid("N2", "2025-01", "2026-05")
            .Pair(FeedNames.Moc, "R2", FeedNames.Gdt, "T2").Pair(FeedNames.Gdt, "T2", FeedNames.Nssf, "N2", "REVIEW", 0.85);
        h.Seed.Moc("R3", "E3", declared: 5).Pair(FeedNames.Moc, "R3", FeedNames.Nssf, "N9", "REVIEW", 0.82);
        h.Seed.Nssf("N9", "E9").Gdt("T9", "E9", employees: 5, period: "2026-09").Paid("N9", "2025-01", "2026-09").Pair(FeedNames.Gdt, "T9", FeedNames.Nssf, "N9");
        h.Seed.Moc("R4", "E4").Gdt("T4", "E4", employees: 3, period: "2026-09").Pair(FeedNames.Moc, "R4", FeedNames.Gdt, "T4");
        h.Seed.MatchRun("m1", "2026-10-01T00:00:00Z");

        var batch = await h.Batch.RunAsync(new DateOnly(2026, 10, 20), record: false, "test");
        var single = new List<(string, string, string)>();
        foreach (var r in new[] { "R1", "R2", "R3", "R4" })
        {
            var d = (await h.Check(r)).Decision;
            single.Add((d.RegistrationNo, d.Decision, d.ReasonText));
        }

        Assert.Equal(single, batch.Checks.Select(d => (d.RegistrationNo, d.Decision, d.ReasonText)));
        Assert.Equal(["BLOCK", "REVIEW", "REVIEW", "BLOCK"], single.Select(d => d.Item2));
    }
}
