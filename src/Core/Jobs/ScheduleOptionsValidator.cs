using Integration.Core.Settings;

namespace Integration.Core.Jobs;

/// <summary>Start-up check of the <c>Schedule</c> section: every job's cron expression parses, leases and retries are positive.</summary>
internal sealed class ScheduleOptionsValidator() : SettingsValidator<ScheduleOptions>(ScheduleOptions.Section)
{
    protected override void Check(ScheduleOptions options, SettingsProblems problems)
    {
        foreach (var (job, cron) in options.Jobs)
        {
            if (!CronSchedule.IsEnabled(cron))
            {
                continue;
            }

            try
            {
                CronSchedule.Parse(cron, $"{ScheduleOptions.Section}:Jobs:{job}");
            }
            catch (FormatException e)
            {
                problems.Failures.Add(e.Message);
            }
        }

        problems.AtLeast(nameof(options.LeaseSeconds), options.LeaseSeconds, 1);
        problems.AtLeast(nameof(options.MaxAttempts), options.MaxAttempts, 1);
        problems.AtLeast(nameof(options.RetryBaseSeconds), options.RetryBaseSeconds, 0);
        problems.NotBelow(nameof(options.RetryMaxSeconds), options.RetryMaxSeconds, nameof(options.RetryBaseSeconds), options.RetryBaseSeconds);
        problems.AtLeast(nameof(options.BusyRetrySeconds), options.BusyRetrySeconds, 0);
        problems.Defined(nameof(options.BatchPriority), options.BatchPriority);
    }
}
