using Integration.Core.Dates;
using Integration.Generator.Model;
using Integration.Generator.Truth;

namespace Integration.Generator.Tests;

public class PolicyOracleTests
{
    private static readonly DateOnly Registered = new(2020, 1, 10);

    [Theory]
    [InlineData("2026-10-15", "2026-08")]
    [InlineData("2026-10-16", "2026-09")]
    [InlineData("2026-01-01", "2025-11")]
    [InlineData("2026-01-31", "2025-12")]
    public void Latest_due_month_is_one_month_back_after_the_15th_else_two(string checkDate, string expected)
    {
        Assert.Equal(expected, Month.FromIndex(PolicyOracle.LatestDueMonth(DateOnly.Parse(checkDate, System.Globalization.CultureInfo.InvariantCulture))).ToString());
    }

    private static FirmEvidence Registered12MonthsPaid(DateOnly d)
    {
        var e = new FirmEvidence();
        e.AddMoc("ACTIVE", 10, renewalPending: true);
        e.AddNssf("N1", "ACTIVE", 10, Registered);
        var last = PolicyOracle.LatestDueMonth(d);
        for (var m = last - 11; m <= last; m++)
        {
            e.SetContribution("N1", m, 1000, 1000);
        }

        return e;
    }

    [Fact]
    public void Twelve_paid_months_allow_and_one_unpaid_month_blocks_until_a_correction_arrives()
    {
        var d = new DateOnly(2026, 10, 1);
        var e = Registered12MonthsPaid(d);
        Assert.Equal(new ExpectedOutcome(false, "ALLOW", "CURRENT"), PolicyOracle.Evaluate(e, d));

        var month = PolicyOracle.LatestDueMonth(d) - 3;
        e.SetContribution("N1", month, 1000, 999);
        Assert.Equal(new ExpectedOutcome(false, "BLOCK", "ARREARS"), PolicyOracle.Evaluate(e, d));

        e.SetContribution("N1", month, 1000, 1000); // late payment, corrected in a later file
        Assert.Equal("CURRENT", PolicyOracle.Evaluate(e, d).Reason);
    }

    [Fact]
    public void Months_before_NSSF_registration_are_not_counted()
    {
        var d = new DateOnly(2026, 10, 20);
        var e = new FirmEvidence();
        e.AddMoc("ACTIVE", null, renewalPending: true);
        e.AddNssf("N1", "ACTIVE", 4, new DateOnly(2026, 8, 5));
        e.SetContribution("N1", Month.Of(new DateOnly(2026, 8, 1)).Index, 500, 500);
        e.SetContribution("N1", Month.Of(new DateOnly(2026, 9, 1)).Index, 500, 500);

        Assert.Equal("CURRENT", PolicyOracle.Evaluate(e, d).Reason);
    }

    [Fact]
    public void Without_an_active_NSSF_employer_the_headcount_decides()
    {
        var d = new DateOnly(2026, 10, 1);
        var asOfMonth = Month.Of(d).Index;

        var gdtOnly = new FirmEvidence();
        gdtOnly.AddMoc("ACTIVE", null, renewalPending: true);
        gdtOnly.AddGdt("ACTIVE", 35, asOfMonth - 2, asOfMonth);
        Assert.Equal(new ExpectedOutcome(true, "BLOCK", "NOT_REGISTERED"), PolicyOracle.Evaluate(gdtOnly, d));

        var stale = new FirmEvidence();
        stale.AddMoc("ACTIVE", 0, renewalPending: true);
        stale.AddGdt("ACTIVE", 35, asOfMonth - 14, asOfMonth); // return older than 12 months: not evidence
        stale.AddNssf("N1", "CLOSED", 0, Registered);
        Assert.Equal(new ExpectedOutcome(false, "ALLOW", "NO_EMPLOYEES_DECLARED"), PolicyOracle.Evaluate(stale, d));

        var noRenewal = new FirmEvidence();
        noRenewal.AddGdt("DORMANT", 5, asOfMonth - 1, asOfMonth);
        Assert.Equal(new ExpectedOutcome(false, "", ""), PolicyOracle.Evaluate(noRenewal, d));
    }

    [Fact]
    public void A_closed_duplicate_registration_neither_registers_the_firm_nor_pays_for_it()
    {
        // Re-registration: N-OLD was closed, N-NEW is the ACTIVE one. The firm is registered; only N-NEW's payments count.
        var d = new DateOnly(2026, 10, 1);
        var last = PolicyOracle.LatestDueMonth(d);
        var e = new FirmEvidence();
        e.AddMoc("ACTIVE", 12, renewalPending: true);
        e.AddNssf("N-OLD", "CLOSED", 0, new DateOnly(2015, 3, 1));
        e.AddNssf("N-NEW", "ACTIVE", 12, Registered);
        for (var m = last - 11; m <= last; m++)
        {
            e.SetContribution("N-NEW", m, 1000, 1000);
            e.SetContribution("N-OLD", m, 1000, 0); // rows of the closed registration are no arrears of the firm
        }

        Assert.Equal(new ExpectedOutcome(false, "ALLOW", "CURRENT"), PolicyOracle.Evaluate(e, d));

        e.SetContribution("N-NEW", last, 1000, 0);
        e.SetContribution("N-OLD", last, 1000, 1000); // nor do its payments pay the firm's month
        Assert.Equal("ARREARS", PolicyOracle.Evaluate(e, d).Reason);

        // Only the closed registration: not registered.
        var lapsed = new FirmEvidence();
        lapsed.AddMoc("ACTIVE", 12, renewalPending: true);
        lapsed.AddNssf("N-OLD", "CLOSED", 0, new DateOnly(2015, 3, 1));
        Assert.Equal(new ExpectedOutcome(true, "BLOCK", "NOT_REGISTERED"), PolicyOracle.Evaluate(lapsed, d));
    }
}
