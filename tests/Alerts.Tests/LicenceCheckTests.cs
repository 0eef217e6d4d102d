using System.Text.Json;
using Dapper;
using Integration.Alerts.Checks;
using Integration.Alerts.Model;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests;

/// <summary>The licence-check policy of rules.md, case by case, on SQLite and PostgreSQL.</summary>
public sealed class LicenceCheckTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Paid_every_due_month_is_ALLOW_CURRENT(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-09");

        var d = (await h.Check("R1")).Decision;

        Assert.Equal("ALLOW", d.Decision);
        Assert.Equal("CURRENT", d.ReasonCodes);
        Assert.Equal("2026-09", d.PaidThrough);
        Assert.Equal(0, d.UnpaidPeriods);
        Assert.Equal(0, d.ArrearsKhr);
        Assert.Equal("E1", d.EnterpriseId);
        Assert.Equal("N1", d.NssfId);
        Assert.Equal(new DateOnly(2026, 10, 20), d.AsOf); // default as-of: today from the injected clock
        Assert.Equal("m1", d.RunId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_NSSF_and_no_employees_is_ALLOW_NO_EMPLOYEES_DECLARED(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", declared: 0).Gdt("T1", "E1", employees: 0, period: "2026-09");

        var d = (await h.Check("R1")).Decision;

        Assert.Equal("ALLOW", d.Decision);
        Assert.Equal("NO_EMPLOYEES_DECLARED", d.ReasonCodes);
        Assert.Null(d.PaidThrough);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Employees_without_an_active_NSSF_employer_is_BLOCK_NOT_REGISTERED(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Gdt("T1", "E1", employees: 35, period: "2026-09");
        // A suspended NSSF employer counts as not registered.
        h.Seed.Moc("R2", "E2", declared: 4).Nssf("N2", "E2", status: "SUSPENDED").Paid("N2", "2025-01", "2026-09");

        var d1 = (await h.Check("R1")).Decision;
        var d2 = (await h.Check("R2")).Decision;

        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (d1.Decision, d1.ReasonCodes));
        Assert.Contains("gdt:35 (2026-09)", d1.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (d2.Decision, d2.ReasonCodes));
        Assert.Contains("SUSPENDED", d2.ReasonText, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Partial_payment_and_missing_month_are_BLOCK_ARREARS(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-09")
            .Contribution("N1", "2026-05", due: 100_000, paid: 60_000) // paid short by 40,000
            .Exec("DELETE FROM nssf_contributions WHERE nssf_id = 'N1' AND period = '2026-07'"); // no declaration at all

        var d = (await h.Check("R1")).Decision;

        Assert.Equal(("BLOCK", "ARREARS"), (d.Decision, d.ReasonCodes));
        Assert.Equal(2, d.UnpaidPeriods);
        Assert.Equal(40_000, d.ArrearsKhr);
        Assert.Equal("2026-09", d.PaidThrough);
        Assert.Contains("2026-05, 2026-07", d.ReasonText, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Allowed_unpaid_months_come_from_configuration(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider, settings: new Dictionary<string, string?> { ["Alerts:LicencePolicy:AllowedUnpaidMonths"] = "1" });
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-09").Contribution("N1", "2026-05", 100_000, 0);

        var d = (await h.Check("R1")).Decision;

        Assert.Equal(("ALLOW", "CURRENT"), (d.Decision, d.ReasonCodes));
        Assert.Equal(1, d.UnpaidPeriods);
        Assert.Equal(100_000, d.ArrearsKhr);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_latest_due_month_moves_after_the_due_day(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        // September's contributions are due by 15 October and have not been declared.
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-08");

        var on15 = (await h.Check("R1", "2026-10-15")).Decision;
        var on16 = (await h.Check("R1", "2026-10-16")).Decision;

        Assert.Equal(("ALLOW", "CURRENT"), (on15.Decision, on15.ReasonCodes));
        Assert.Equal(("BLOCK", "ARREARS"), (on16.Decision, on16.ReasonCodes));
        Assert.Equal(1, on16.UnpaidPeriods);
        Assert.Equal("2026-08", on16.PaidThrough);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_due_day_is_configuration(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider, settings: new Dictionary<string, string?> { ["Alerts:LicencePolicy:DueDay"] = "20" });
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-08");

        Assert.Equal("ALLOW", (await h.Check("R1", "2026-10-16")).Decision.Decision);
        Assert.Equal("BLOCK", (await h.Check("R1", "2026-10-21")).Decision.Decision);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_window_starts_at_the_NSSF_registration_month(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1", registeredOn: "2026-06-10").Paid("N1", "2026-06", "2026-09");
        h.Seed.Moc("R2", "E2").Nssf("N2", "E2", registeredOn: "2026-05-02").Paid("N2", "2026-06", "2026-09");

        var d1 = (await h.Check("R1")).Decision;
        var d2 = (await h.Check("R2")).Decision;

        Assert.Equal(("ALLOW", "CURRENT"), (d1.Decision, d1.ReasonCodes));
        Assert.Contains("2026-06..2026-09", d1.ReasonText, StringComparison.Ordinal);
        Assert.Equal(("BLOCK", "ARREARS"), (d2.Decision, d2.ReasonCodes)); // May is in its window and was never declared
        Assert.Equal(1, d2.UnpaidPeriods);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_GDT_headcount_is_ignored(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Gdt("T1", "E1", employees: 20, period: "2025-06");
        h.Seed.Moc("R2", "E2").Gdt("T2", "E2", employees: 20, period: "2025-10"); // exactly 12 months before October 2026

        var stale = (await h.Check("R1")).Decision;
        var recent = (await h.Check("R2")).Decision;

        Assert.Equal(("ALLOW", "NO_EMPLOYEES_DECLARED"), (stale.Decision, stale.ReasonCodes));
        Assert.Equal(("BLOCK", "NOT_REGISTERED"), (recent.Decision, recent.ReasonCodes));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_number_is_an_error_and_is_logged(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1");

        var ex = await Assert.ThrowsAsync<UnknownRegistrationException>(() => h.Check("NOPE"));

        Assert.Contains("NOPE", ex.Message, StringComparison.Ordinal);
        using var conn = h.Database.Db.Open();
        Assert.Equal("NOT_FOUND", conn.ExecuteScalar<string>("SELECT decision FROM licence_checks WHERE registration_no = 'NOPE'"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_record_not_yet_linked_is_REVIEW(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Exec("DELETE FROM entity_links");

        var d = (await h.Check("R1")).Decision;

        Assert.Equal(("REVIEW", "UNCERTAIN_MATCH"), (d.Decision, d.ReasonCodes));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_removed_from_the_register_says_so_with_its_last_seen_date(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        // Matching links only current records: the removed one has no link (or a stale one until the next match run).
        h.Seed.Moc("R1", "E1", declared: 5, current: 0).Exec("DELETE FROM entity_links WHERE source_key = 'R1'");
        h.Seed.Moc("R2", "E2", declared: 5, current: 0);

        var d1 = (await h.Check("R1")).Decision;
        var d2 = (await h.Check("R2")).Decision;

        foreach (var d in new[] { d1, d2 })
        {
            Assert.Equal(("REVIEW", "NOT_IN_CURRENT_REGISTER"), (d.Decision, d.ReasonCodes));
            Assert.Contains("is not in the current MoC register: it was last in the extract of 2026-10-01", d.ReasonText, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_check_is_logged_with_who_when_and_the_evidence(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-09").Contribution("N1", "2026-03", 100_000, 10_000);

        var logged = await h.Checks.CheckAsync(new CheckRequest("R1", null, "officer.sokha", "http"));

        using var conn = h.Database.Db.Open();
        var row = conn.QuerySingle<(string RequestedBy, string Channel, string CheckedAt, string Decision, string Reasons, long ArrearsKhr, string RunId, string Evidence)>(
            "SELECT requested_by, channel, checked_at, decision, reasons, arrears_khr, run_id, evidence FROM licence_checks WHERE check_id = @id", new { id = logged.CheckId });
        Assert.Equal(("officer.sokha", "http", "BLOCK", "ARREARS", 90_000L, "m1"), (row.RequestedBy, row.Channel, row.Decision, row.Reasons, row.ArrearsKhr, row.RunId));
        Assert.StartsWith("2026-10-20T09:00:00", row.CheckedAt, StringComparison.Ordinal);
        using var evidence = JsonDocument.Parse(row.Evidence);
        var records = evidence.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.Contains(records, r => r.GetProperty("feed").GetString() == "moc-licences" && r.GetProperty("file_id").GetInt64() == 1 && r.GetProperty("line").GetInt64() > 0);
        Assert.Contains(records, r => r.GetProperty("feed").GetString() == "nssf-employers" && r.GetProperty("source_key").GetString() == "N1");
        Assert.Contains(evidence.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("run_id").GetString() == "m1");
        Assert.Contains(evidence.RootElement.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("period").GetString() == "2026-03" && c.GetProperty("file_id").GetInt64() == 4);
        Assert.Equal(15, evidence.RootElement.GetProperty("policy").GetProperty("due_day").GetInt32());
    }
}
