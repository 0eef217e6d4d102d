using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Integration.TestSupport;

/// <summary>
/// A clock that moves only when the test says so: <see cref="FakeTimeProvider"/> (Microsoft.Extensions.TimeProvider.Testing)
/// keeps the time and fires timers in <see cref="FakeTimeProvider.Advance"/>, in due order, with the clock at their due
/// time. This adds the one thing it does not expose, which the scheduler tests need: the timers armed now, so a test
/// can wait (in real time) until the code under test has armed its delay before moving the clock past it.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<TrackedTimer, byte> _timers = new();

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Due times of the timers that are armed now (one-shot delays included), earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> PendingTimers =>
        _timers.Keys.Select(t => t.Due).OfType<DateTimeOffset>().Order().ToList();

    /// <summary>Waits (in real time, bounded) until at least one timer is armed that matches the condition.</summary>
    public async Task WaitForTimerAsync(Func<DateTimeOffset, bool>? dueMatches = null, TimeSpan? timeout = null)
    {
        // Generous: on a loaded 2-core machine a PostgreSQL round trip inside a job can take seconds.
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        while (!PendingTimers.Any(d => dueMatches?.Invoke(d) ?? true))
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException("No matching timer was armed on the manual clock. Pending: " + string.Join(", ", PendingTimers.Select(d => d.ToString("O"))));
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Arm(dueTime, period);
        _timers.TryAdd(tracked, 0);
        tracked.Inner = base.CreateTimer(s => { tracked.Fired(); callback(s); }, state, dueTime, period);
        return tracked;
    }

    /// <summary>The library's timer, with its next due time kept where <see cref="PendingTimers"/> can read it.</summary>
    private sealed class TrackedTimer(ManualTimeProvider owner) : ITimer
    {
        private readonly Lock _lock = new();
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? Due { get; private set; }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
                _period = period;
            }
        }

        public void Fired()
        {
            lock (_lock)
            {
                Due = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? owner.GetUtcNow() + _period : null;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner._timers.TryRemove(this, out _);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
