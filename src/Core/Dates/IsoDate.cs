using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Integration.Core.Dates;

/// <summary>
/// Calendar dates as ISO 8601 text (<c>yyyy-MM-dd</c>): how every date is stored (TEXT in both databases, so the
/// same SQL compares them: text order is date order), written to files and exports, and read from users and
/// configuration. The one place that spells the pattern and its culture; months are <see cref="Month"/>.
/// </summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? date) => date is { } d ? Format(d) : null;

    /// <summary>The date of a <see cref="DateTimeOffset"/> in UTC.</summary>
    public static string Format(DateTimeOffset instant) => Format(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>Reads exactly <c>yyyy-MM-dd</c> (a real calendar date, no spaces, no time).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads exactly <c>yyyy-MM-dd</c>; a <see cref="FormatException"/> quoting the text otherwise.</summary>
    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date {Pattern}.");

    /// <summary>The date a stored text starts with: a date, or a timestamp <c>yyyy-MM-ddTHH:mm...</c>.</summary>
    public static bool TryParseStart([NotNullWhen(true)] string? text, out DateOnly date)
    {
        date = default;
        return text is { Length: >= 10 } && TryParse(text[..10], out date);
    }
}
