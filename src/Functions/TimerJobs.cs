using System.Globalization;
using Integration.Core.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Functions;

/// <summary>
/// What a timer function does: run its job for the occurrence the timer stands for, through the same
/// <see cref="JobRunner"/> as the self-hosted scheduler, so a Functions app and `serve` hosts on one database
/// share leases and run each occurrence once. A failed run throws, so the invocation is marked failed too.
/// </summary>
public sealed class TimerJobs(JobRunner runner, IOptions<ScheduleOptions> options, TimeProvider clock, ILogger<TimerJobs> log)
{
    /// <summary>A timer may fire a moment before its occurrence; within this slack it still counts as that occurrence.</summary>
    private static readonly TimeSpan EarlyFireSlack = TimeSpan.FromSeconds(2);

    public async Task<JobRunReport> RunAsync(string job, CancellationToken ct)
    {
        var scheduledFor = Occurrence(job, clock.GetUtcNow());
        var report = await RunWaitingForLeaseAsync(job, scheduledFor, ct);
        log.LogInformation("{Line}", Describe(report));
        return report.Outcome == JobRunOutcome.Failed
            ? throw new JobFailedException(Describe(report))
            : report;
    }

    /// <summary>
    /// The occurrence a firing stands for: the latest time the job's cron names at or just after the firing, so a
    /// self-hosted host and the Functions app agree on it. Without a configured cron the firing second itself.
    /// </summary>
    public DateTimeOffset Occurrence(string job, DateTimeOffset firedAt)
    {
        if (options.Value.Jobs.TryGetValue(job, out var cron) && CronSchedule.IsEnabled(cron)
            && CronSchedule.Parse(cron, $"{ScheduleOptions.Section}:Jobs:{job}").Latest(firedAt + EarlyFireSlack) is { } occurrence)
        {
            return occurrence;
        }

        return new DateTimeOffset(firedAt.UtcTicks - (firedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Another host holding the job's lease may be running an earlier occurrence: wait for it (up to the lease length).</summary>
    private async Task<JobRunReport> RunWaitingForLeaseAsync(string job, DateTimeOffset scheduledFor, CancellationToken ct)
    {
        var o = options.Value;
        var giveUpAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(1, o.LeaseSeconds));
        while (true)
        {
            var report = await runner.RunAsync(job, scheduledFor, "azure-functions", ct);
            if (report.Outcome != JobRunOutcome.Busy || clock.GetUtcNow() >= giveUpAt)
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.05, o.BusyRetrySeconds)), clock, ct);
        }
    }

    private static string Describe(JobRunReport r)
    {
        var at = r.Job + " " + r.ScheduledFor.ToString("O", CultureInfo.InvariantCulture);
        return r.Outcome switch
        {
            JobRunOutcome.Succeeded => $"{at}: succeeded on attempt {r.Attempts}: {r.Summary}",
            JobRunOutcome.Failed => $"{at}: failed after {r.Attempts} attempt(s): {r.Error}",
            JobRunOutcome.AlreadyRun => $"{at}: already run by another host; nothing to do",
            JobRunOutcome.Busy => $"{at}: another host kept the lease; not run",
            _ => $"{at}: {r.Outcome}",
        };
    }
}

/// <summary>The job ran and failed (its run record says why); thrown so that Azure marks the invocation failed.</summary>
public sealed class JobFailedException(string message) : Exception(message);
