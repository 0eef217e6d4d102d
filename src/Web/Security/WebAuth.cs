using System.Security.Claims;
using Integration.Access;
using Integration.Access.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Integration.Web.Security;

/// <summary>The web app's sign-in: a cookie issued for a local account (password or ministry identity provider).</summary>
internal static class WebAuth
{
    public const string Scheme = "Web";
    public const string OidcScheme = "Oidc";

    /// <summary>The default scheme: forwards to the API key scheme or the sign-in cookie by request.</summary>
    public const string SelectScheme = "Select";
    public const string LanguageCookie = ".integration.lang";

    /// <summary>Policy for any signed-in person.</summary>
    public const string SignedIn = "web:signed-in";

    /// <summary>The policy of a role's pages (admin passes every one).</summary>
    public static string Policy(Role role) => "web:" + role.Name();

    /// <summary>The principal of a signed-in account: name, roles, province scope, stamp.</summary>
    public static ClaimsPrincipal Principal(Account account, string authenticationType = Scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(AccessClaims.Stamp, account.Stamp),
            new(AccessClaims.Channel, "web"),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r.Name())));
        if (account.ProvinceCode is { } p)
        {
            claims.Add(new Claim(AccessClaims.Province, p));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Signs the account in and sets the person's language cookie from their saved choice.</summary>
    public static async Task SignInAsync(HttpContext http, Account account)
    {
        await http.SignInAsync(Scheme, Principal(account));
        SetLanguageCookie(http, account.Language);
    }

    public static void SetLanguageCookie(HttpContext http, Language language) =>
        http.Response.Cookies.Append(
            LanguageCookie,
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new Microsoft.AspNetCore.Localization.RequestCulture(WebCultures.For(language))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = http.Request.IsHttps });

    /// <summary>
    /// Every request re-reads the account (one keyed lookup): a disabled account, a new password, or changed
    /// roles or scope end the sign-ins issued before, at once.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(AccessClaims.Stamp)?.Value;
        var store = context.HttpContext.RequestServices.GetService(typeof(AccountStore)) as AccountStore;
        var account = name is null || store is null ? null : await store.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.Stamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}

/// <summary>The cultures of the two languages.</summary>
internal static class WebCultures
{
    public const string English = "en-GB";
    public const string Khmer = "km-KH";

    public static string For(Language language) => language == Language.Km ? Khmer : English;
}
