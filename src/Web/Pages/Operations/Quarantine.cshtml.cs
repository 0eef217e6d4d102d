using Integration.Access.Audit;
using Integration.Ingest.Runs;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Operations;

/// <summary>
/// One file's quarantined rows: line, field, reason, the sentence, and the raw text as delivered. Raw rows are
/// not placed in a province yet, so only a national operations account sees them (and each view is audited).
/// </summary>
public sealed class QuarantineModel(IngestRunQueries ingest) : WebPage
{
    public const int PageSize = 100;

    public SourceFileRow? Source { get; private set; }

    public IReadOnlyList<QuarantinedRow> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public long After { get; set; }

    public async Task<IActionResult> OnGetAsync(long fileId)
    {
        if (!Caller.IsNational)
        {
            return PageWithStatus(403);
        }

        var ct = HttpContext.RequestAborted;
        Source = await ingest.FileAsync(fileId, ct);
        if (Source is null)
        {
            return PageWithStatus(404);
        }

        Rows = await ingest.QuarantineAsync(fileId, Reason, After, PageSize, ct);
        await AuditAsync(AuditAction.QuarantineRead, fileId.ToString(System.Globalization.CultureInfo.InvariantCulture), new { reason = Reason, after = After, rows = Rows.Count });
        return Page();
    }
}
