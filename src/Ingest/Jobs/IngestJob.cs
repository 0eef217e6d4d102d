using Integration.Core.Jobs;
using Integration.Ingest.Runs;

namespace Integration.Ingest.Jobs;

/// <summary><c>ingest</c> (every feed) or <c>ingest-&lt;feed&gt;</c>: one ingest run for the scheduler, the Functions handler and the demo.</summary>
internal sealed class IngestJob(string name, IReadOnlyList<string>? feeds, IngestService service) : IPipelineJob
{
    public string Name => name;

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken ct = default)
    {
        var result = await service.RunAsync(new IngestRequest(context.Trigger, feeds), null, ct);
        return JobResult.Of(
            $"{result.Outcome}: {result.FilesLoaded} files loaded, {result.FilesRejected} rejected, {result.FilesHeld} held for confirmation, {result.FilesSkipped} skipped; {result.RowsLoaded} rows loaded, {result.RowsQuarantined} quarantined (run {result.RunId})"
                + (result.ReportError is { } problem ? "; " + problem : ""),
            ("files_seen", result.FilesSeen),
            ("files_loaded", result.FilesLoaded),
            ("files_rejected", result.FilesRejected),
            ("files_held", result.FilesHeld),
            ("files_skipped", result.FilesSkipped),
            ("rows_read", result.RowsRead),
            ("rows_loaded", result.RowsLoaded),
            ("rows_quarantined", result.RowsQuarantined));
    }
}
