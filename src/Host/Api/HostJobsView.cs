using Integration.Core.Jobs;
using Integration.Host.Scheduling;
using Integration.Web;
using Microsoft.Extensions.Options;

namespace Integration.Host.Api;

/// <summary>The schedule and job-run record for the web app's operations page (the same view as GET /api/jobs).</summary>
internal sealed class HostJobsView(JobRunner runner, JobRunStore runs, IOptions<ScheduleOptions> options, TimeProvider clock) : IJobsView
{
    public async Task<IReadOnlyList<JobStatus>> JobsAsync(CancellationToken ct = default)
    {
        var schedules = options.Value.EnabledJobs().ToDictionary(j => j.Job, j => j.Schedule, StringComparer.OrdinalIgnoreCase);
        var recent = await runs.ListAsync(limit: 1000, ct: ct);
        var now = clock.GetUtcNow();
        return runner.JobNames.Order(StringComparer.Ordinal).Select(job =>
        {
            schedules.TryGetValue(job, out var cron);
            var last = recent.FirstOrDefault(r => string.Equals(r.Job, job, StringComparison.OrdinalIgnoreCase));
            return new JobStatus(job, cron?.Expression, cron?.Next(now), last?.Outcome, last?.StartedAt, last?.Summary, last?.Error);
        }).ToList();
    }
}
