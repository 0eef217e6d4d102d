using NCrontab;

namespace Integration.Core.Jobs;

/// <summary>An NCRONTAB expression evaluated in UTC. Six fields include seconds (Azure timer format), five do not.</summary>
public sealed class CronSchedule
{
    /// <summary>How far back a catch-up looks: older misses are not worth replaying one by one.</summary>
    private static readonly TimeSpan CatchUpHorizon = TimeSpan.FromDays(40);

    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    public static bool IsEnabled(string? expression) =>
        !string.IsNullOrWhiteSpace(expression) && !expression.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);

    /// <param name="source">Where the expression came from, for the error message (e.g. the configuration key).</param>
    public static CronSchedule Parse(string expression, string source = "cron expression")
    {
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            throw new FormatException($"{source}: '{expression}' has {fields} fields; expected 6 (sec min hour day month weekday) or 5.");
        }

        try
        {
            var schedule = CrontabSchedule.Parse(trimmed, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
            return new CronSchedule(trimmed, schedule);
        }
        catch (CrontabException e)
        {
            throw new FormatException($"{source}: '{expression}' is not a valid cron expression: {e.Message}", e);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));

    /// <summary>The latest occurrence at or before <paramref name="atOrBefore"/> and strictly after <paramref name="after"/>, if any.</summary>
    public DateTimeOffset? Latest(DateTimeOffset after, DateTimeOffset atOrBefore)
    {
        var from = after < atOrBefore - CatchUpHorizon ? atOrBefore - CatchUpHorizon : after;
        var occurrences = _schedule.GetNextOccurrences(from.UtcDateTime, atOrBefore.UtcDateTime.AddTicks(1));
        DateTime? last = null;
        foreach (var o in occurrences)
        {
            last = o;
        }

        return last is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Utc)) : null;
    }

    /// <summary>The latest occurrence at or before <paramref name="atOrBefore"/> (within the catch-up horizon).</summary>
    public DateTimeOffset? Latest(DateTimeOffset atOrBefore) => Latest(atOrBefore - CatchUpHorizon, atOrBefore);

    public override string ToString() => Expression;
}
