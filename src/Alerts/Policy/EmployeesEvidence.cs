using System.Globalization;
using Integration.Alerts.Model;
using Integration.Core.Dates;

namespace Integration.Alerts.Policy;

/// <summary>The headcount that makes a firm liable to register, and the record it comes from.</summary>
/// <param name="Workers">Largest headcount found (0 when none).</param>
/// <param name="Source">e.g. <c>gdt:35 (2026-09)</c>, <c>moc:12</c>, <c>nssf:8</c>; empty when none.</param>
/// <param name="Feed">Feed of the record the figure comes from.</param>
/// <param name="SourceKey">Key of that record.</param>
/// <param name="GdtWorkers">Largest recent GDT headcount (0 when none or stale), for the targets.</param>
public sealed record EmployeesEvidence(long Workers, string Source, string? Feed, string? SourceKey, long GdtWorkers, string? GdtPeriod)
{
    /// <summary>
    /// rules.md: the largest of GDT <c>employees</c> (only when its return month is one of the
    /// <c>GdtHeadcountRecencyMonths</c> months before the month of the check date), MoC <c>declared_employees</c> and NSSF <c>insured_workers</c>, over the
    /// enterprise's current records.
    /// </summary>
    public static EmployeesEvidence Of(EnterpriseFacts facts, DateOnly asOf, LicencePolicyOptions policy)
    {
        var best = new EmployeesEvidence(0, "", null, null, 0, null);
        var gdtBest = (Workers: 0L, Period: (string?)null);
        var newest = Month.Of(asOf).AddMonths(-1);
        var oldest = Month.Of(asOf).AddMonths(-policy.GdtHeadcountRecencyMonths);

        // A GDT figure wins ties: it is a monthly return, the freshest evidence of the three.
        foreach (var g in facts.Current(facts.Gdt))
        {
            if (g.Employees is not > 0 || !Month.TryParse(g.EmployeesPeriod, out var period) || period < oldest || period > newest)
            {
                continue;
            }

            if (g.Employees.Value > gdtBest.Workers)
            {
                gdtBest = (g.Employees.Value, period.ToString());
            }

            if (g.Employees.Value > best.Workers)
            {
                best = best with { Workers = g.Employees.Value, Source = Invariant($"gdt:{g.Employees.Value} ({period})"), Feed = FeedNames.Gdt, SourceKey = g.Tin };
            }
        }

        foreach (var m in facts.Current(facts.Moc))
        {
            if (m.DeclaredEmployees is > 0 && m.DeclaredEmployees.Value > best.Workers)
            {
                best = best with { Workers = m.DeclaredEmployees.Value, Source = Invariant($"moc:{m.DeclaredEmployees.Value}"), Feed = FeedNames.Moc, SourceKey = m.RegistrationNo };
            }
        }

        foreach (var n in facts.Current(facts.Nssf))
        {
            if (n.InsuredWorkers is > 0 && n.InsuredWorkers.Value > best.Workers)
            {
                best = best with { Workers = n.InsuredWorkers.Value, Source = Invariant($"nssf:{n.InsuredWorkers.Value}"), Feed = FeedNames.Nssf, SourceKey = n.NssfId };
            }
        }

        return best with { GdtWorkers = gdtBest.Workers, GdtPeriod = gdtBest.Period };
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
