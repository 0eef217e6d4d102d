namespace Integration.TestSupport;

/// <summary>
/// The date and time the test says (UTC), with real timers. Not <c>FakeTimeProvider</c>: its timers fire only when the
/// test advances it, and the code under these harnesses waits on real delays through the same TimeProvider (the
/// pull's HTTP retries via Microsoft.Extensions.Http.Resilience, the host's scheduler), which would then never end.
/// Tests that drive timers use <see cref="ManualTimeProvider"/>.
/// </summary>
public sealed class FixedWallClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
