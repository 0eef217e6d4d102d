using Integration.Core.Dates;
using Integration.Core.Settings;

namespace Integration.Alerts;

/// <summary>
/// Start-up check of the <c>Alerts</c> section: the licence policy's months and days, the batch date and the target
/// weights. A wrong number here would BLOCK or rank firms by a rule nobody wrote, so the host refuses to start.
/// </summary>
internal sealed class AlertsOptionsValidator() : SettingsValidator<AlertsOptions>(AlertsOptions.Section)
{
    protected override void Check(AlertsOptions options, SettingsProblems problems)
    {
        var policy = options.LicencePolicy;
        const string P = nameof(AlertsOptions.LicencePolicy) + ":";

        // Days every month has, so "due by day D of month M+1" is a date in every month.
        problems.InRange(P + nameof(policy.DueDay), policy.DueDay, 1, 28);
        problems.AtLeast(P + nameof(policy.WindowMonths), policy.WindowMonths, 1);
        problems.AtLeast(P + nameof(policy.GdtHeadcountRecencyMonths), policy.GdtHeadcountRecencyMonths, 1);
        problems.InRange(P + nameof(policy.AllowedUnpaidMonths), policy.AllowedUnpaidMonths, 0, policy.WindowMonths);
        problems.AtLeast(P + nameof(policy.MinEmployeesForRegistration), policy.MinEmployeesForRegistration, 1);
        problems.AtLeast(P + nameof(policy.MaxUncertainGroups), policy.MaxUncertainGroups, 0);
        if (!string.IsNullOrWhiteSpace(options.BatchAsOf) && !IsoDate.TryParse(options.BatchAsOf, out _))
        {
            problems.Add(nameof(options.BatchAsOf), $"is '{options.BatchAsOf}'; it must be a date {IsoDate.Pattern} or empty.");
        }

        problems.NotEmpty(nameof(options.BatchUser), options.BatchUser);
        problems.AtLeast(nameof(options.BatchChunkSize), options.BatchChunkSize, 1);

        var targets = options.Targets;
        const string T = nameof(AlertsOptions.Targets) + ":";
        problems.AtLeast(T + nameof(targets.MinScore), targets.MinScore, 0);
        problems.NotBelow(T + nameof(targets.MaxScore), targets.MaxScore, T + nameof(targets.MinScore), targets.MinScore);
        problems.AtLeast(T + nameof(targets.DefaultCapacity), targets.DefaultCapacity, 0);
        problems.AtLeast(T + nameof(targets.ArrearsKhrPerPoint), targets.ArrearsKhrPerPoint, 1);
        foreach (var (sector, points) in targets.SectorPoints)
        {
            problems.AtLeast($"{T}{nameof(targets.SectorPoints)}:{sector}", points, 0);
        }
    }
}
