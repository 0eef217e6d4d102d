using Integration.Access;
using Integration.Access.Accounts;
using Integration.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Integration.Web;

/// <summary>
/// Composition of the web app: Razor Pages with one authorization policy per role folder, the sign-in cookie
/// (and the optional ministry identity provider), Khmer and English, and the static files served from the
/// assembly. The host calls <see cref="AddWeb"/>, then <see cref="UseWeb"/> before authentication and
/// <see cref="MapWeb"/> beside the API's endpoints.
/// </summary>
public static class WebServices
{
    private const string StaticPath = "/static";

    /// <param name="machineScheme">The API's own authentication scheme (API keys): it answers for /api and for requests that
    /// carry a key; every other request is the web app's and is authenticated by its sign-in cookie, so that pages
    /// without a role (language, sign-out) see the same person as the pages with one.</param>
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, string machineScheme)
    {
        var oidc = configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        services.AddSingleton(oidc);
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Check", WebAuth.Policy(Role.Licensing));
                o.Conventions.AuthorizeFolder("/Leads", WebAuth.Policy(Role.Registration));
                o.Conventions.AuthorizeFolder("/Coverage", WebAuth.Policy(Role.Registration));
                o.Conventions.AuthorizeFolder("/Targets", WebAuth.Policy(Role.Inspection));
                o.Conventions.AuthorizeFolder("/Review", WebAuth.Policy(Role.Matching));
                o.Conventions.AuthorizeFolder("/Operations", WebAuth.Policy(Role.Operations));
                o.Conventions.AuthorizeFolder("/Admin", WebAuth.Policy(Role.Admin));
                o.Conventions.AuthorizePage("/Index", WebAuth.SignedIn);
            })
            .ConfigureApplicationPartManager(parts =>
            {
                // The host's SDK may already list this assembly; a second copy would register every page twice.
                var assembly = typeof(WebServices).Assembly;
                if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            });
        services.AddAntiforgery(o => o.Cookie.Name = ".integration.af");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            string[] cultures = [WebCultures.English, WebCultures.Khmer];
            o.SetDefaultCulture(WebCultures.English).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = WebAuth.LanguageCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        var auth = services.AddAuthentication().AddCookie(WebAuth.Scheme, o =>
        {
            o.Cookie.Name = ".integration.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(9);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = WebAuth.ValidateAsync;
        });
        auth.AddPolicyScheme(WebAuth.SelectScheme, "API key for /api, else the sign-in cookie", o =>
            o.ForwardDefaultSelector = http => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || http.Request.Headers.ContainsKey("X-Api-Key") ? machineScheme : WebAuth.Scheme);
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o => o.DefaultScheme = WebAuth.SelectScheme);
        if (oidc.Enabled)
        {
            auth.AddOpenIdConnect(WebAuth.OidcScheme, o =>
            {
                o.SignInScheme = WebAuth.Scheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.CallbackPath = oidc.CallbackPath;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");

                o.Events.OnTokenValidated = async ctx =>
                {
                    // The provider says who; the local account of that name says what they may do.
                    var name = ctx.Principal?.FindFirst(oidc.UserNameClaim)?.Value;
                    var store = ctx.HttpContext.RequestServices.GetRequiredService<AccountStore>();
                    var account = name is null ? null : await store.FindAsync(name);
                    if (account is null || account.Disabled)
                    {
                        ctx.Fail($"No enabled local account for '{name}'.");
                        return;
                    }

                    ctx.Principal = WebAuth.Principal(account, OpenIdConnectDefaults.AuthenticationScheme);
                    WebAuth.SetLanguageCookie(ctx.HttpContext, account.Language);
                };
                o.Events.OnRemoteFailure = ctx =>
                {
                    ctx.Response.Redirect("/signin?failed=oidc");
                    ctx.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorization(o =>
        {
            o.AddPolicy(WebAuth.SignedIn, p => p.AddAuthenticationSchemes(WebAuth.Scheme).RequireAuthenticatedUser());
            foreach (var role in Roles.All)
            {
                o.AddPolicy(WebAuth.Policy(role), p => p.AddAuthenticationSchemes(WebAuth.Scheme).RequireAuthenticatedUser().RequireRole(role.Name(), Role.Admin.Name()));
            }
        });
        return services;
    }

    /// <summary>Static files (CSS, script, the Khmer font), the request's language, and the pages' security headers.</summary>
    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = StaticPath,
            FileProvider = new EmbeddedFileProvider(typeof(WebServices).Assembly, "Integration.Web.wwwroot"),
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !http.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
            {
                var h = http.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "same-origin";
                h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'";
            }

            await next(http);
        });
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
