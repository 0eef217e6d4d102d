using Integration.Alerts.Model;

namespace Integration.Alerts.Policy;

/// <summary>One unpaid month of one employer: no declaration at all, or paid less than due.</summary>
public sealed record UnpaidMonth(string NssfId, Month Period, ContributionRow? Row)
{
    public long Outstanding => Row?.Outstanding ?? 0;
}

/// <summary>Payment record of the enterprise's active NSSF employers over the look-back window.</summary>
/// <param name="LatestDue">Latest month whose contributions were due on the check date.</param>
/// <param name="WindowFrom">First month of the full window (an employer registered later starts later).</param>
public sealed record ContributionStatus(
    Month LatestDue,
    Month WindowFrom,
    IReadOnlyList<UnpaidMonth> Unpaid,
    IReadOnlyList<ContributionRow> RowsUsed,
    string? PaidThrough)
{
    /// <summary>Distinct months with something unpaid.</summary>
    public int UnpaidPeriods => Unpaid.Select(u => u.Period).Distinct().Count();

    /// <summary>Sum of due minus paid over the unpaid months that have a declaration.</summary>
    public long ArrearsKhr => Unpaid.Sum(u => u.Outstanding);

    /// <summary>rules.md step 1: the latest due month is the month before D when D is after the due day, otherwise two months before.</summary>
    public static Month LatestDueMonth(DateOnly asOf, LicencePolicyOptions policy) =>
        Month.Of(asOf).AddMonths(asOf.Day > policy.DueDay ? -1 : -2);

    public static Month WindowStart(DateOnly asOf, LicencePolicyOptions policy) =>
        LatestDueMonth(asOf, policy).AddMonths(-(Math.Max(1, policy.WindowMonths) - 1));

    /// <summary>rules.md step 4 for the given employers: a month of the window is unpaid when it has no
    /// contribution row or paid &lt; due. The window starts no earlier than the employer's registration month.</summary>
    public static ContributionStatus Of(EnterpriseFacts facts, IReadOnlyList<NssfEmployerRecord> employers, DateOnly asOf, LicencePolicyOptions policy)
    {
        var latestDue = LatestDueMonth(asOf, policy);
        var from = WindowStart(asOf, policy);
        var unpaid = new List<UnpaidMonth>();
        var used = new List<ContributionRow>();
        string? paidThrough = null;
        foreach (var employer in employers)
        {
            var start = from;
            if (Month.TryParse(employer.RegisteredOn, out var registered) && registered > start)
            {
                start = registered;
            }

            var rows = (facts.Contributions.GetValueOrDefault(employer.NssfId) ?? [])
                .Where(r => Month.TryParse(r.Period, out _))
                .ToDictionary(r => r.Period, StringComparer.Ordinal);
            for (var m = start; m <= latestDue; m = m.AddMonths(1))
            {
                var row = rows.GetValueOrDefault(m.ToString());
                if (row is not null)
                {
                    used.Add(row);
                }

                if (row is null || !row.FullyPaid)
                {
                    unpaid.Add(new UnpaidMonth(employer.NssfId, m, row));
                }
            }

            if (facts.LastFullyPaid.GetValueOrDefault(employer.NssfId) is { } p && (paidThrough is null || string.CompareOrdinal(p, paidThrough) > 0))
            {
                paidThrough = p;
            }
        }

        return new ContributionStatus(latestDue, from, unpaid, used, paidThrough);
    }
}
