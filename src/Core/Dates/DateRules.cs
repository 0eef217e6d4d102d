using System.Globalization;

namespace Integration.Core.Dates;

/// <summary>
/// Bound from the <c>Dates</c> configuration section: which calendar dates are plausible in a register or a
/// request. One rule for the whole product, so a date refused at ingest is refused by the API too.
/// </summary>
public sealed class DateRules
{
    public const string Section = "Dates";

    /// <summary>Years from 2400 to 2799 are read as Buddhist-era years (CE 1856 to 2256): no Gregorian date in a register is that late.</summary>
    public const int FirstBuddhistEraYear = 2400;

    public const int LastBuddhistEraYear = 2799;

    /// <summary>No register date, and no date asked for, is earlier than 1 January of this year.</summary>
    public int EarliestYear { get; set; } = 1900;

    /// <summary>How far after the reference date (a file's as-of, today for a request) a date may be: licence expiry dates lie ahead.</summary>
    public int MaxYearsAhead { get; set; } = 20;

    /// <summary>
    /// Years 2400 to 2799 are Buddhist-era years (Cambodia writes 2569 for 2025/26). Empty (the default):
    /// such dates are refused, with a reason saying so, because the offset is 543 in Thai use and 544 in Khmer
    /// use for most of the year. Set 543 or 544 when a source is known to write one of them: its dates are then converted.
    /// </summary>
    public int? BuddhistEraOffset { get; set; }

    public DateOnly Earliest => new(Math.Clamp(EarliestYear, 1, 9999), 1, 1);

    /// <summary>The latest plausible date for <paramref name="reference"/>.</summary>
    public DateOnly Latest(DateOnly reference) => reference.AddYears(Math.Clamp(MaxYearsAhead, 0, 9999 - reference.Year));

    /// <summary>Reads a date against these rules: converted from the Buddhist era when configured, else refused with why.</summary>
    public DateCheck Check(DateOnly date, DateOnly reference)
    {
        if (date.Year is >= FirstBuddhistEraYear and <= LastBuddhistEraYear)
        {
            if (BuddhistEraOffset is not { } offset)
            {
                return DateCheck.Refuse(DateProblem.BuddhistEra, Invariant(
                    $"looks like a Buddhist-era date ({date.Year} BE is {date.Year - 544}/{date.Year - 543} CE); send Gregorian dates, or set {Section}:BuddhistEraOffset (543 or 544) for this source"));
            }

            var year = date.Year - offset;
            if (year < 1 || date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year))
            {
                return DateCheck.Refuse(DateProblem.Implausible, Invariant($"is not a date once converted from the Buddhist era (offset {offset})"));
            }

            date = new DateOnly(year, date.Month, date.Day);
        }

        var latest = Latest(reference);
        return date < Earliest || date > latest
            ? DateCheck.Refuse(DateProblem.Implausible, Invariant(
                $"is outside the plausible range {IsoDate.Format(Earliest)}..{IsoDate.Format(latest)} ({Section}:EarliestYear, {Section}:MaxYearsAhead)"))
            : DateCheck.Accept(date);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

public enum DateProblem
{
    None,

    /// <summary>A Buddhist-era year where a Gregorian one is expected, and no offset configured.</summary>
    BuddhistEra,

    /// <summary>Outside the plausible range (year 0001, 9999 and the like).</summary>
    Implausible,
}

/// <summary>A date as the rules read it: the (possibly converted) date, or why it is refused.</summary>
public readonly record struct DateCheck(DateOnly Date, DateProblem Problem, string? Why)
{
    public bool Ok => Problem == DateProblem.None;

    public static DateCheck Accept(DateOnly date) => new(date, DateProblem.None, null);

    public static DateCheck Refuse(DateProblem problem, string why) => new(default, problem, why);
}
