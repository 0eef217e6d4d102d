using Integration.Alerts.Model;
using Integration.Core.Dates;

namespace Integration.Alerts.Policy;

/// <summary>One unpaid month of the firm: no declaration under any of its NSSF ids, or one paid less than due.</summary>
/// <param name="NssfId">The id whose row was paid short; for a month with no declaration, the active ids (<c>|</c>-separated).</param>
public sealed record UnpaidMonth(string NssfId, Month Period, ContributionRow? Row)
{
    public long Outstanding => Row?.Outstanding ?? 0;
}

/// <summary>Payment record of the enterprise over the look-back window, across all its NSSF ids.</summary>
/// <param name="LatestDue">Latest month whose contributions were due on the check date.</param>
/// <param name="WindowFrom">First month of the full window.</param>
/// <param name="Start">First month counted: the window's, or the earliest registration month of the active employers when later.</param>
public sealed record ContributionStatus(
    Month LatestDue,
    Month WindowFrom,
    Month Start,
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

    /// <summary>
    /// rules.md step 4 for a firm whose active employers are <paramref name="active"/>: a month of the window is
    /// unpaid when none of the firm's NSSF ids has a contribution row for it, or a row has paid &lt; due.
    /// Rows of every NSSF id of the firm count, active or not: a firm registered twice that pays under one id
    /// has paid (a duplicate registration is not arrears). The window starts no earlier than the earliest
    /// registration month of the active employers: months before the firm's current registration are not
    /// asked of it here (a closed registration's debts are its own collection case).
    /// </summary>
    public static ContributionStatus Of(EnterpriseFacts facts, IReadOnlyList<NssfEmployerRecord> active, DateOnly asOf, LicencePolicyOptions policy)
    {
        var latestDue = LatestDueMonth(asOf, policy);
        var from = WindowStart(asOf, policy);
        var start = active.Count == 0
            ? from
            : active.Select(a => Month.TryParse(a.RegisteredOn, out var registered) && registered > from ? registered : from).Min();

        var ids = active.Select(a => a.NssfId).Concat(facts.Nssf.Select(n => n.NssfId)).Distinct(StringComparer.Ordinal).ToList();
        var byMonth = ids
            .SelectMany(id => facts.Contributions.GetValueOrDefault(id) ?? [])
            .Where(r => Month.TryParse(r.Period, out var m) && m >= start && m <= latestDue)
            .ToLookup(r => r.Period, StringComparer.Ordinal);
        var activeIds = string.Join('|', active.Select(a => a.NssfId).Distinct(StringComparer.Ordinal));
        var unpaid = new List<UnpaidMonth>();
        var used = new List<ContributionRow>();
        for (var m = start; m <= latestDue; m = m.AddMonths(1))
        {
            var rows = byMonth[m.ToString()].OrderBy(r => r.NssfId, StringComparer.Ordinal).ToList();
            used.AddRange(rows);
            if (rows.Count == 0)
            {
                unpaid.Add(new UnpaidMonth(activeIds, m, null));
            }

            unpaid.AddRange(rows.Where(r => !r.FullyPaid).Select(r => new UnpaidMonth(r.NssfId, m, r)));
        }

        var paidThrough = ids
            .Select(id => facts.LastFullyPaid.GetValueOrDefault(id))
            .OfType<string>()
            .Max(StringComparer.Ordinal);
        return new ContributionStatus(latestDue, from, start, unpaid, used, paidThrough);
    }
}
