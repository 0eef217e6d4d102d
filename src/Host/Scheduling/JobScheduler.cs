using Integration.Core.Jobs;
using Microsoft.Extensions.Options;

namespace Integration.Host.Scheduling;

/// <summary>
/// The self-hosted schedule inside <c>serve</c>: one <see cref="ScheduledJob"/> loop per configured job,
/// running side by side, so a long ingest does not hold back an unrelated job's timing.
/// </summary>
public sealed class JobScheduler(
    JobRunner runner,
    JobRunStore runs,
    TimeProvider clock,
    IOptions<ScheduleOptions> options,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _log = loggers.CreateLogger<JobScheduler>();
    private IReadOnlyList<ScheduledJob> _jobs = [];

    /// <summary>Builds the per-job schedules, failing on an unknown job name or a bad cron expression.</summary>
    public IReadOnlyList<ScheduledJob> CreateJobs()
    {
        var o = options.Value;
        var list = new List<ScheduledJob>();
        foreach (var (job, schedule) in o.EnabledJobs())
        {
            if (!runner.Knows(job))
            {
                throw new InvalidOperationException(
                    $"{ScheduleOptions.Section}:Jobs:{job} names no registered job. Known jobs: {string.Join(", ", runner.JobNames.Order(StringComparer.Ordinal))}. Set it to 'off' to disable it.");
            }

            list.Add(new ScheduledJob(job, schedule, runner, runs, clock, o, loggers.CreateLogger($"{typeof(ScheduledJob).FullName}.{job}")));
        }

        return list;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _jobs = CreateJobs();
        foreach (var job in _jobs)
        {
            _log.LogInformation("Scheduled {Job} on '{Cron}' (UTC)", job.Job, job.Schedule);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_jobs.Select(j => Task.Run(() => j.RunAsync(stoppingToken), CancellationToken.None)));
}
