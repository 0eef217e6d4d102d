using Integration.Core.Jobs;

namespace Integration.Ingest.Pull;

/// <summary><c>pull-&lt;feed&gt;</c> for the scheduler and the Functions worker: a failed pull fails the run, with the alert line in its error.</summary>
internal sealed class PullJob(string feed, PullService service) : IPipelineJob
{
    public string Name => "pull-" + feed;

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken ct = default)
    {
        var result = await service.PullAsync(feed, context.Trigger, ct);
        if (result.Outcome == PullOutcome.Failed)
        {
            // Not transient for the job runner: the HTTP pipeline has retried already; the next occurrence tries again.
            throw new PullFailedException(result.Alert is null ? result.Summary : result.Summary + " | " + result.Alert);
        }

        return JobResult.Of(
            result.Summary,
            ("bytes", result.Bytes),
            ("pages", result.Pages),
            ("rows_loaded", result.Ingest?.RowsLoaded ?? 0),
            ("rows_quarantined", result.Ingest?.RowsQuarantined ?? 0));
    }
}
