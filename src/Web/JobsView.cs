namespace Integration.Web;

/// <summary>A scheduled job as the operators' page shows it: its schedule and its latest run.</summary>
public sealed record JobStatus(string Job, string? Cron, DateTimeOffset? NextOccurrence, string? LastOutcome, string? LastStartedAt, string? LastSummary, string? LastError);

/// <summary>The host's schedule and job-run record, seen from the web app (the host implements it: the
/// scheduler lives in the host, which depends on the web app, not the other way round).</summary>
public interface IJobsView
{
    Task<IReadOnlyList<JobStatus>> JobsAsync(CancellationToken ct = default);
}
