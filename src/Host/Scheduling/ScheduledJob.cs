using Integration.Core.Jobs;

namespace Integration.Host.Scheduling;

/// <summary>
/// One job on one cron schedule in one host: knows the next occurrence due and turns each due occurrence
/// into exactly one <see cref="JobRunner.RunAsync"/> call, across restarts (catch-up) and alongside other
/// hosts (lease and claim). <see cref="StepAsync"/> is the whole decision, so tests drive it with a fake clock.
/// </summary>
public sealed class ScheduledJob(string job, CronSchedule schedule, JobRunner runner, JobRunStore runs, TimeProvider clock, ScheduleOptions options, ILogger log)
{
    private DateTimeOffset? _due;

    public string Job { get; } = job;

    public CronSchedule Schedule { get; } = schedule;

    /// <summary>The occurrence this host will run next (it may already be due).</summary>
    public DateTimeOffset NextOccurrence { get; private set; }

    /// <summary>When this host will next look at the job: the occurrence time, or later when another host was busy with it.</summary>
    public DateTimeOffset WakeAt => _due ?? NextOccurrence;

    /// <summary>
    /// Decides the first occurrence: the latest one missed since the job's last finished run (catch-up,
    /// due at once), otherwise the next one in the future.
    /// </summary>
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        NextOccurrence = Schedule.Next(now);
        _due = null;
        if (!options.CatchUp)
        {
            return;
        }

        var last = await runs.LastFinishedOccurrenceAsync(Job, ct);
        if (last is { } l && Schedule.Latest(l, now) is { } missed)
        {
            log.LogInformation("Job {Job}: occurrence {Missed:O} was missed since the last run ({Last:O}); running it now", Job, missed, l);
            NextOccurrence = missed;
        }
    }

    /// <summary>Runs the due occurrence, if one is due now; returns what happened, or null when nothing was due.</summary>
    public async Task<JobRunReport?> StepAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (WakeAt > now)
        {
            return null;
        }

        var occurrence = NextOccurrence;
        var report = await runner.RunAsync(Job, occurrence, "schedule", ct);
        if (report.Outcome == JobRunOutcome.Cancelled)
        {
            return report;
        }

        if (report.Outcome == JobRunOutcome.Busy && !await runs.IsTakenAsync(Job, occurrence, ct))
        {
            // Another host holds the lease but has not claimed this occurrence (it is running an earlier one,
            // or is about to claim this one): look again shortly rather than lose the occurrence.
            _due = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0.05, options.BusyRetrySeconds));
            return report;
        }

        Advance(occurrence);
        return report;
    }

    /// <summary>Moves past an occurrence. Occurrences missed while it ran collapse into the latest one (run once).</summary>
    private void Advance(DateTimeOffset done)
    {
        _due = null;
        var now = clock.GetUtcNow();
        var next = Schedule.Next(done);
        if (next <= now && Schedule.Latest(done, now) is { } latest)
        {
            next = latest;
        }

        NextOccurrence = next;
    }

    /// <summary>The loop for a running host: step, then sleep on the injected clock until the next wake-up.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await InitialiseAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var report = await StepAsync(ct);
                if (report?.Outcome == JobRunOutcome.Cancelled)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; the occurrence stays due and is tried again.
                log.LogError(e, "Job {Job}: scheduling step failed; retrying", Job);
                _due = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(1, options.BusyRetrySeconds));
            }

            var wait = WakeAt - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, clock, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
