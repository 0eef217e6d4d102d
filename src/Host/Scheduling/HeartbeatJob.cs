using Integration.Core.Jobs;

namespace Integration.Host.Scheduling;

/// <summary>Bound from <c>Schedule:Heartbeat</c>.</summary>
internal sealed class HeartbeatOptions
{
    /// <summary>How long the job keeps its lease, to rehearse overlap between hosts. 0 in production.</summary>
    public int HoldMilliseconds { get; set; }
}

/// <summary>
/// A job that does nothing but leave a job_runs row: schedule it (e.g. hourly) to see from the database
/// that the scheduler of some host is alive, and to rehearse a multi-host deployment without touching data.
/// </summary>
internal sealed class HeartbeatJob(TimeProvider clock, Microsoft.Extensions.Options.IOptions<HeartbeatOptions> options) : IPipelineJob
{
    public const string JobName = "heartbeat";

    public string Name => JobName;

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken ct = default)
    {
        if (options.Value.HoldMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.HoldMilliseconds), clock, ct);
        }

        return JobResult.Of($"alive ({context.Trigger}, host {context.RequestedBy})");
    }
}
