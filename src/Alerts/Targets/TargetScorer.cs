using System.Globalization;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Dates;

namespace Integration.Alerts.Targets;

/// <summary>The points of one enterprise and the figures behind them.</summary>
public sealed record TargetScore(
    int Score,
    IReadOnlyList<Factor> Factors,
    EmployeesEvidence Employees,
    long? InsuredWorkers,
    ContributionStatus? Contributions);

/// <summary>
/// A transparent points-based risk score (0..MaxScore): each factor adds the points configured under
/// <c>Alerts:Targets</c>, and every row lists its factors with their points so an inspector sees why.
/// </summary>
public sealed class TargetScorer(TargetOptions weights, LicencePolicyOptions policy)
{
    /// <summary>The score of an enterprise that employs people (or is an NSSF employer) and still trades; null otherwise.</summary>
    public TargetScore? Score(EnterpriseFacts facts, DateOnly asOf)
    {
        var activeNssf = facts.Current(facts.Nssf).Where(n => LicencePolicy.IsActive(n.Status, policy.NssfActive)).ToList();
        var trading = activeNssf.Count > 0
            || facts.Current(facts.Moc).Any(m => LicencePolicy.IsActive(m.Status, policy.RegistryActive))
            || facts.Current(facts.Gdt).Any(g => LicencePolicy.IsActive(g.Status, policy.RegistryActive));
        var employees = EmployeesEvidence.Of(facts, asOf, policy);
        var liable = employees.Workers >= policy.MinEmployeesForRegistration;
        if (!trading || (!liable && activeNssf.Count == 0))
        {
            return null;
        }

        var factors = new List<Factor>();
        // The largest, not the sum: several active ids of one firm are mostly one workforce registered twice.
        long? insured = activeNssf.Count > 0 ? activeNssf.Max(n => n.InsuredWorkers ?? 0) : null;
        if (activeNssf.Count == 0)
        {
            Add(factors, "NOT_REGISTERED", null, weights.NotRegisteredPoints);
        }

        var gap = employees.GdtWorkers - (insured ?? 0);
        if (employees.GdtWorkers > 0 && gap >= weights.GdtGapMinWorkers)
        {
            // Scaled by the uninsured share of the GDT headcount: all uninsured earns the full points.
            var points = (int)Math.Ceiling(weights.GdtGapMaxPoints * (double)gap / employees.GdtWorkers);
            var detail = insured is null ? Invariant($"{employees.GdtWorkers}") : Invariant($"{employees.GdtWorkers} vs NSSF {insured}");
            Add(factors, "GDT_EMPLOYEES", detail, points);
        }

        ContributionStatus? contributions = null;
        if (activeNssf.Count > 0)
        {
            contributions = ContributionStatus.Of(facts, activeNssf, asOf, policy);
            if (contributions.UnpaidPeriods > 0)
            {
                Add(factors, "ARREARS_MONTHS", Invariant($"{contributions.UnpaidPeriods}"), Math.Min(weights.ArrearsMonthsMaxPoints, contributions.UnpaidPeriods * weights.ArrearsPointsPerMonth));
            }

            if (contributions.ArrearsKhr > 0 && weights.ArrearsKhrPerPoint > 0)
            {
                Add(factors, "ARREARS_KHR", Invariant($"{contributions.ArrearsKhr}"), (int)Math.Min(weights.ArrearsKhrMaxPoints, contributions.ArrearsKhr / weights.ArrearsKhrPerPoint));
            }
        }

        var isic = facts.Pick(r => r.IsicCode);
        if (isic is not null && SectorPoints(isic) is { } sector)
        {
            Add(factors, "SECTOR", isic, sector);
        }

        var workers = Math.Max(employees.Workers, insured ?? 0);
        if (weights.Size.Where(t => workers >= t.Min).MaxBy(t => t.Min) is { } size)
        {
            Add(factors, "SIZE", Invariant($"{workers}"), size.Points);
        }

        if (facts.LastInspectedOn is null || !IsoDate.TryParse(facts.LastInspectedOn, out var last))
        {
            Add(factors, "NEVER_INSPECTED", null, weights.NeverInspectedPoints);
        }
        else
        {
            var months = Month.Of(last).MonthsUntil(Month.Of(asOf));
            if (weights.Inspection.Where(t => months >= t.Min).MaxBy(t => t.Min) is { } tier)
            {
                Add(factors, "LAST_INSPECTED", Invariant($"{months}m"), tier.Points);
            }
        }

        var score = Math.Clamp(factors.Sum(f => f.Points), 0, weights.MaxScore);
        return new TargetScore(score, factors, employees, insured, contributions);
    }

    private int? SectorPoints(string isic)
    {
        var code = isic.Trim();
        return weights.SectorPoints
            .Where(kv => code.StartsWith(kv.Key, StringComparison.Ordinal))
            .OrderByDescending(kv => kv.Key.Length)
            .Select(kv => (int?)kv.Value)
            .FirstOrDefault();
    }

    private static void Add(List<Factor> factors, string code, string? detail, int points)
    {
        if (points > 0)
        {
            factors.Add(new Factor(code, detail, points));
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
