namespace Integration.Core.Jobs;

/// <summary>
/// Bound from the <c>Schedule</c> section. Cron expressions are NCRONTAB in UTC, with seconds (six fields,
/// the format Azure Functions timer triggers use) or without (five fields), so one expression serves the
/// self-hosted scheduler and infra/*/function.json alike. An empty value or <c>off</c> disables a job.
/// </summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>Job name (as registered by a module's <c>IPipelineJob</c>) to cron expression.</summary>
    public Dictionary<string, string> Jobs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a host holds a job's lease without renewing it; it renews every third of this while the job runs.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Attempts per occurrence when a job throws <c>TransientJobException</c> (1 = no retry).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First retry delay; each further retry doubles it, up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public double RetryMaxSeconds { get; set; } = 1800;

    /// <summary>At start, run once the latest occurrence missed since the job's last recorded run.</summary>
    public bool CatchUp { get; set; } = true;

    /// <summary>When another host holds a job's lease, look again after this many seconds.</summary>
    public double BusyRetrySeconds { get; set; } = 5;

    /// <summary>
    /// CPU priority of a job run as a process of its own (the <c>ingest</c>, <c>match</c> and <c>export</c> commands, as
    /// cron or an operator starts them). <c>BelowNormal</c> on a host that also answers licence checks: a national match
    /// keeps every core busy for a minute, and an officer's check should not queue behind it; the job loses only the CPU
    /// the checks use. Normal by default, because on a shared machine a lowered job waits behind everything else. Not
    /// applied to jobs the <c>serve</c> scheduler runs in its own process: lowering it would lower the checks too.
    /// </summary>
    public System.Diagnostics.ProcessPriorityClass BatchPriority { get; set; } = System.Diagnostics.ProcessPriorityClass.Normal;

    /// <summary>Name recorded in job_runs and job_leases; defaults to machine name, process id and a random suffix.</summary>
    public string? HostName { get; set; }

    /// <summary>The enabled jobs and their parsed schedules.</summary>
    public IReadOnlyList<(string Job, CronSchedule Schedule)> EnabledJobs() =>
        Jobs.Where(j => CronSchedule.IsEnabled(j.Value))
            .OrderBy(j => j.Key, StringComparer.Ordinal)
            .Select(j => (j.Key, CronSchedule.Parse(j.Value, $"{Section}:Jobs:{j.Key}")))
            .ToList();
}
