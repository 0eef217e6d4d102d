using System.Text.Json;
using Integration.Access;
using Integration.Access.Audit;
using Integration.Core.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Web.Pages;

/// <summary>
/// What every page shares: who is asking (name, roles, province scope), the gazetteer for place names in
/// either language, and the audit log that records each read of a firm's records and each change.
/// </summary>
public abstract class WebPage : PageModel
{
    private Caller? _caller;

    public Caller Caller => _caller ??= Caller.From(User, "web");

    public Gazetteer Gazetteer => HttpContext.RequestServices.GetRequiredService<Gazetteer>();

    /// <summary>The province name of the caller's scope, or null for national access.</summary>
    public string? ScopeName => Caller.ProvinceCode is { } p ? Ui.Labels.Province(Gazetteer, p) : null;

    /// <summary>Records an action in the audit log and waits until it is committed.</summary>
    protected Task AuditAsync(AuditAction action, string? subject = null, object? detail = null) =>
        HttpContext.RequestServices.GetRequiredService<AuditLog>().AppendAsync(
            AuditEvent.By(Caller, action, subject, detail is null ? null : JsonSerializer.Serialize(detail)));

    /// <summary>The page itself with a status code (404, 403) rather than an empty error response.</summary>
    protected IActionResult PageWithStatus(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
