using Integration.Access.Audit;
using Integration.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Session;

public sealed class SignOutModel : WebPage
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await AuditAsync(AuditAction.SignOut, Caller.Name);
        }

        await HttpContext.SignOutAsync(WebAuth.Scheme);
        return LocalRedirect("/signin");
    }
}
