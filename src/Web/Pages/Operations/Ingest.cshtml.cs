using Integration.Ingest.Runs;

namespace Integration.Web.Pages.Operations;

/// <summary>One ingest run's data-quality report: every file with its counts, and the quarantine reasons per file.</summary>
public sealed class IngestModel(IngestRunQueries ingest) : WebPage
{
    public IngestRunRow? Run { get; private set; }

    public IReadOnlyList<SourceFileRow> Files { get; private set; } = [];

    public ILookup<long, QuarantineCount> Reasons { get; private set; } = Array.Empty<QuarantineCount>().ToLookup(q => q.FileId);

    public async Task OnGetAsync(string runId)
    {
        var ct = HttpContext.RequestAborted;
        Run = await ingest.RunAsync(runId, ct);
        if (Run is null)
        {
            Response.StatusCode = 404;
            return;
        }

        Files = await ingest.FilesAsync(runId, ct);
        Reasons = (await ingest.QuarantineCountsAsync(runId, ct)).ToLookup(q => q.FileId);
    }
}
