using Integration.Access.Audit;
using Integration.Alerts.Firms;
using Integration.Alerts.Leads;
using Integration.Ingest.Runs;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Leads;

/// <summary>
/// One lead: the firm's records in all registers (register, file, line), the evidence that it employs people,
/// its status with a note, and the history of statuses. Each view is a read of the firm's records (audited).
/// </summary>
public sealed class LeadModel(LeadPages leads, LeadService statuses, FirmService firms, IngestRunQueries files) : WebPage
{
    public string EnterpriseId { get; private set; } = "";

    public LeadRow? Lead { get; private set; }

    public FirmProfile? Firm { get; private set; }

    public IReadOnlyList<LeadStatusEntry> History { get; private set; } = [];

    public IReadOnlyDictionary<long, string> FilePaths { get; private set; } = new Dictionary<long, string>();

    public bool Saved { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool saved = false)
    {
        Saved = saved;
        return await LoadAsync(id) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? status, string? note)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (LeadStatuses.Normalise(status) is not { } s)
        {
            Error = string.Join(", ", LeadStatuses.All);
            return PageWithStatus(400);
        }

        var previous = Lead?.Status;
        var change = await statuses.SetStatusAsync(EnterpriseId, s, Caller.Name, note, HttpContext.RequestAborted);
        if (change is null)
        {
            return PageWithStatus(404);
        }

        await AuditAsync(AuditAction.LeadStatus, EnterpriseId, new { from = previous, to = change.Status, note = change.Note });
        return Redirect($"/leads/{Uri.EscapeDataString(EnterpriseId)}?saved=true");
    }

    /// <summary>Loads the lead and the firm; a result when the page cannot be shown (unknown, outside the scope).</summary>
    private async Task<IActionResult?> LoadAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        EnterpriseId = id;
        Firm = await firms.ReadAsync(id, ct: ct);
        if (Firm is null)
        {
            return PageWithStatus(404);
        }

        if (!Caller.Sees(Firm.Facts.Enterprise?.ProvinceCode))
        {
            Error = Ui.Texts.NotInScope;
            Firm = null;
            return PageWithStatus(403);
        }

        Lead = await leads.FindAsync(id, ct);
        History = await leads.HistoryAsync(id, ct);
        var f = Firm.Facts;
        FilePaths = await files.PathsAsync(f.Moc.Select(r => r.FileId).Concat(f.Gdt.Select(r => r.FileId)).Concat(f.Nssf.Select(r => r.FileId)), ct);
        await AuditAsync(AuditAction.FirmRead, id, new { page = "lead" });
        return null;
    }

    public string Path(long fileId) => FilePaths.GetValueOrDefault(fileId) ?? "#" + fileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
