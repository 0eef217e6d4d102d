using Integration.Access.Accounts;
using Integration.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Session;

/// <summary>Switches the interface language; a signed-in person's choice is kept with their account.</summary>
public sealed class LanguageModel(AccountStore accounts) : WebPage
{
    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl)
    {
        var language = Languages.Parse(lang);
        WebAuth.SetLanguageCookie(HttpContext, language);
        if (User.Identity?.IsAuthenticated == true && User.Identity.Name is { } name)
        {
            await accounts.SetLanguageAsync(name, language, HttpContext.RequestAborted);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
