using Integration.Access.Accounts;
using Integration.Access.Audit;
using Integration.Web.Security;
using Integration.Web.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Session;

/// <summary>Sign-in with a local account's password (or, when configured, the ministry's identity provider).</summary>
[AllowAnonymous]
public sealed class SignInModel(AccountStore accounts, AuditLog audit, OidcSettings oidc) : WebPage
{
    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool OidcEnabled => oidc.Enabled;

    public void OnGet(string? returnUrl, string? failed)
    {
        ReturnUrl = Local(returnUrl);
        if (failed == "oidc")
        {
            Error = Texts.WrongNameOrPassword;
        }
    }

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        UserName = username?.Trim();
        var result = await accounts.VerifyAsync(username ?? "", password ?? "", HttpContext.RequestAborted);
        if (result is { Outcome: SignInOutcome.Succeeded, Account: { } account })
        {
            await WebAuth.SignInAsync(HttpContext, account);
            await audit.AppendAsync(new AuditEvent(account.UserName, "web", AuditAction.SignIn, account.UserName, account.ProvinceCode));
            return LocalRedirect(ReturnUrl);
        }

        await audit.AppendAsync(new AuditEvent(AccountStore.Normalise(username ?? "?"), "web", AuditAction.SignInFailed, AccountStore.Normalise(username ?? "?"), null,
            System.Text.Json.JsonSerializer.Serialize(new { outcome = result.Outcome.ToString() })));
        Error = result.Outcome switch
        {
            SignInOutcome.LockedOut => Texts.LockedOut,
            SignInOutcome.Disabled => Texts.AccountDisabled,
            _ => Texts.WrongNameOrPassword,
        };
        return PageWithStatus(401);
    }

    public IActionResult OnPostOidc(string? returnUrl) =>
        oidc.Enabled ? Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) }, WebAuth.OidcScheme) : NotFound();

    private string Local(string? url) => Url.IsLocalUrl(url) ? url! : "/";
}
