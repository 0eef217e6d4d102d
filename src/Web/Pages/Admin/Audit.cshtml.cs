using Integration.Access.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Admin;

/// <summary>The admin's view of the audit log: filter by who, action, subject and dates; verify the hash chain.</summary>
public sealed class AuditModel(AuditReader reader) : WebPage
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        Verification = await reader.VerifyAsync(ct: HttpContext.RequestAborted);
        await AuditAsync(AuditAction.AuditRead, "verify", new { entries = Verification.Entries, intact = Verification.Intact });
        await LoadAsync();
        return Page();
    }

    public string Query(long? before) =>
        "?" + string.Join("&", new[] { ("actor", Actor), ("action", Action?.ToString()), ("subject", Subject), ("from", From), ("to", To), ("before", before?.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    private async Task LoadAsync() =>
        Entries = await reader.ListAsync(new AuditFilter(Actor, Action, Subject, From, To, Before, 100), HttpContext.RequestAborted);
}
