using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Integration.Core.Settings;
using Microsoft.Extensions.Options;

namespace Integration.Host.Api;

/// <summary>Authenticates a request by its API key; the principal carries the key's name and roles.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyTable keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers["X-Api-Key"].ToString();
        var authorization = Request.Headers.Authorization.ToString();
        if (presented.Length == 0 && authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization[(SchemeName.Length + 1)..].Trim();
        }

        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Looked up by hash: the table never holds a key, and no comparison runs over the key's characters.
        if (keys.Find(Hash(presented)) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(Integration.Access.AccessClaims.Channel, "api"),
                .. key.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToLowerInvariant())),
                .. key.ProvinceCode is { } p ? [new Claim(Integration.Access.AccessClaims.Province, p)] : Array.Empty<Claim>(),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        await Results.Problem(statusCode: 401, title: "API key required",
            detail: "Send the key you were given in the X-Api-Key header (or Authorization: ApiKey <key>).").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "Not allowed for this key",
            detail: $"The key of {Context.User.Identity?.Name} does not have the role this endpoint needs.").ExecuteAsync(Context);
    }
}

public static class ApiSecurityServiceCollectionExtensions
{
    /// <summary>API keys and one authorization policy per role; with no keys configured every policy lets anyone in.</summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ApiOptions, ApiOptionsValidator>(configuration.GetSection(ApiOptions.Section));
        services.AddSingleton<ApiKeyTable>();
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);

        // The policies follow the key table, the one place that knows whether any key is configured.
        services.AddAuthorization();
        services.AddOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>().Configure<ApiKeyTable>((o, keys) =>
        {
            foreach (var role in ApiRoles.All)
            {
                o.AddPolicy(role, p =>
                {
                    if (keys.Open)
                    {
                        p.RequireAssertion(_ => true);
                    }
                    else
                    {
                        p.RequireAuthenticatedUser().RequireRole(role, ApiRoles.Admin);
                    }
                });
            }
        });
        return services;
    }
}
