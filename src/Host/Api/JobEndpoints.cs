using Integration.Core.Jobs;
using Integration.Host.Scheduling;
using Microsoft.Extensions.Options;

namespace Integration.Host.Api;

/// <summary>Read-only view of the schedule and the job-run record, for operators.</summary>
public static class JobEndpoints
{
    public sealed record JobInfo(string Job, string? Cron, DateTimeOffset? NextOccurrence, JobRunRecord? LastRun);

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs").WithTags("Operations").RequireAuthorization(ApiRoles.Operations);
        group.MapGet("/", async (JobRunner runner, JobRunStore runs, IOptions<ScheduleOptions> options, TimeProvider clock, CancellationToken ct) =>
            {
                var schedules = options.Value.EnabledJobs().ToDictionary(j => j.Job, j => j.Schedule, StringComparer.OrdinalIgnoreCase);
                var recent = await runs.ListAsync(limit: 1000, ct: ct);
                var now = clock.GetUtcNow();
                return runner.JobNames.Order(StringComparer.Ordinal).Select(job =>
                {
                    schedules.TryGetValue(job, out var cron);
                    return new JobInfo(job, cron?.Expression, cron?.Next(now), recent.FirstOrDefault(r => string.Equals(r.Job, job, StringComparison.OrdinalIgnoreCase)));
                }).ToList();
            })
            .WithName("ListJobs")
            .WithSummary("Registered jobs, their schedule (UTC) and their latest run.");

        group.MapGet("/runs", async (JobRunStore runs, string? job, int? limit, IOptions<ApiOptions> api, CancellationToken ct) =>
                ApiInput.First(ApiInput.Text("job", job, api.Value.Limits.MaxFilterChars), ApiInput.Range("limit", limit, 1, 1000))
                ?? Results.Ok(await runs.ListAsync(job, limit ?? 100, ct)))
            .WithName("ListJobRuns")
            .WithSummary("Recorded job runs, newest occurrence first.");
        return app;
    }
}
