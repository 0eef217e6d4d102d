using System.Globalization;

namespace Integration.Alerts.Tests;

/// <summary>A clock that says what the test wants (UTC), so "today" is testable.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedClock On(string date) =>
        new(DateTimeOffset.Parse(date + "T09:00:00Z", CultureInfo.InvariantCulture));

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
