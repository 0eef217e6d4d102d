using System.Globalization;

namespace Integration.Core.Jobs;

/// <summary>
/// Timestamps as fixed-width UTC text, so that the same SQL compares them correctly on SQLite and PostgreSQL
/// (ordinal text order is time order).
/// </summary>
public static class Instants
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
