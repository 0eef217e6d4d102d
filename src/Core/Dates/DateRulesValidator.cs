using Integration.Core.Settings;

namespace Integration.Core.Dates;

/// <summary>
/// Start-up check of the <c>Dates</c> section. The Buddhist-era offset is 543 (Thai use) or 544 (Khmer use for
/// most of the year); any other number would shift every converted date to a wrong year without a refusal.
/// </summary>
internal sealed class DateRulesValidator() : SettingsValidator<DateRules>(DateRules.Section)
{
    protected override void Check(DateRules options, SettingsProblems problems)
    {
        problems.InRange(nameof(options.EarliestYear), options.EarliestYear, 1, 9999);
        problems.InRange(nameof(options.MaxYearsAhead), options.MaxYearsAhead, 0, 1000);
        if (options.BuddhistEraOffset is { } offset and not (543 or 544))
        {
            problems.Add(nameof(options.BuddhistEraOffset), $"is {offset}; it must be 543, 544 or empty.");
        }
    }
}
