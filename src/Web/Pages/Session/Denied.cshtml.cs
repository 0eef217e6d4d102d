using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Session;

/// <summary>Where a signed-in person lands on a page of another role: said plainly, with status 403.</summary>
[AllowAnonymous]
public sealed class DeniedModel : WebPage
{
    public IActionResult OnGet() => PageWithStatus(403);
}
