namespace Integration.Host.Scheduling;

/// <summary>Exponential backoff between attempts: base, 2 x base, 4 x base, ... capped.</summary>
public static class Backoff
{
    /// <param name="failedAttempt">The attempt that just failed, from 1.</param>
    public static TimeSpan After(int failedAttempt, TimeSpan baseDelay, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, max.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
