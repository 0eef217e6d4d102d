using Integration.Core.Dates;
using Integration.Generator.Model;

namespace Integration.Generator.Truth;

/// <summary>
/// What a perfect pipeline knows about one enterprise: only its records that ingest will load (corrupted rows
/// and quarantined duplicates never reach it), gathered while the firm's rows are written.
/// </summary>
/// <remarks>
/// A firm may hold several NSSF registrations (hard profile: a CLOSED one and the ACTIVE re-registration). Only the
/// ACTIVE ones count: the window starts at the earliest ACTIVE registration's month, and a month is paid when an
/// ACTIVE registration paid it in full. The generator gives a firm at most one ACTIVE registration, so the answer
/// never depends on how two would be combined.
/// </remarks>
internal sealed class FirmEvidence
{
    private readonly Dictionary<(string NssfId, int Period), (long Due, long Paid)> _contributions = [];
    private readonly List<string> _activeNssf = [];

    public bool AnyRecord { get; private set; }

    public bool ActiveMocOrGdt { get; private set; }

    public bool PendingRenewal { get; private set; }

    public bool ActiveNssf { get; private set; }

    public int NssfRegisteredMonth { get; private set; }

    /// <summary>Largest headcount any counted source shows.</summary>
    public int Employees { get; private set; }

    public void AddMoc(string status, int? declared, bool renewalPending)
    {
        AnyRecord = true;
        ActiveMocOrGdt |= status == "ACTIVE";
        PendingRenewal |= renewalPending;
        Employees = Math.Max(Employees, declared ?? 0);
    }

    /// <param name="period">Month index of the salary-tax return; counted only inside the evidence window.</param>
    public void AddGdt(string status, int? employees, int? period, int asOfMonth)
    {
        AnyRecord = true;
        ActiveMocOrGdt |= status == "ACTIVE";
        if (employees is { } e && period is { } p && p >= asOfMonth - 12 && p <= asOfMonth - 1)
        {
            Employees = Math.Max(Employees, e);
        }
    }

    public void AddNssf(string nssfId, string status, int insured, DateOnly registeredOn)
    {
        AnyRecord = true;
        Employees = Math.Max(Employees, insured);
        if (status == "ACTIVE")
        {
            NssfRegisteredMonth = ActiveNssf ? Math.Min(NssfRegisteredMonth, Month.Of(registeredOn).Index) : Month.Of(registeredOn).Index;
            ActiveNssf = true;
            _activeNssf.Add(nssfId);
        }
    }

    /// <summary>A loaded contribution row; a later one for the same registration and period (a correction) replaces it.</summary>
    public void SetContribution(string nssfId, int period, long due, long paid) => _contributions[(nssfId, period)] = (due, paid);

    public int UnpaidMonths(int firstDue, int lastDue)
    {
        var unpaid = 0;
        for (var p = Math.Max(firstDue, NssfRegisteredMonth); p <= lastDue; p++)
        {
            var paid = false;
            foreach (var id in _activeNssf)
            {
                paid |= _contributions.TryGetValue((id, p), out var c) && c.Paid >= c.Due;
            }

            unpaid += paid ? 0 : 1;
        }

        return unpaid;
    }
}

/// <summary>The expected answer for one enterprise under the default policy of rules.md.</summary>
internal sealed record ExpectedOutcome(bool Lead, string Decision, string Reason);

/// <summary>
/// The default licence-check policy of shared/spec/rules.md, applied to what the registers show at check date D:
/// latest due month is the month before D when D is after the 15th, else two months before; the window is the
/// 12 due months ending there (from the NSSF registration month at the earliest); a month is unpaid when it has
/// no contribution row or paid &lt; due; no unpaid month is allowed.
/// </summary>
internal static class PolicyOracle
{
    public static int LatestDueMonth(DateOnly checkDate) => Month.Of(checkDate).Index - (checkDate.Day > 15 ? 1 : 2);

    public static ExpectedOutcome Evaluate(FirmEvidence e, DateOnly checkDate, int windowMonths = 12, int allowedUnpaid = 0)
    {
        var lead = e.ActiveMocOrGdt && e.Employees > 0 && !e.ActiveNssf;
        if (!e.PendingRenewal)
        {
            return new ExpectedOutcome(lead, "", "");
        }

        if (!e.ActiveNssf)
        {
            return e.Employees > 0
                ? new ExpectedOutcome(lead, "BLOCK", "NOT_REGISTERED")
                : new ExpectedOutcome(lead, "ALLOW", "NO_EMPLOYEES_DECLARED");
        }

        var last = LatestDueMonth(checkDate);
        var unpaid = e.UnpaidMonths(last - windowMonths + 1, last);
        return unpaid > allowedUnpaid
            ? new ExpectedOutcome(lead, "BLOCK", "ARREARS")
            : new ExpectedOutcome(lead, "ALLOW", "CURRENT");
    }
}
