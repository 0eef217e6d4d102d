using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Integration.Host.Api;

/// <summary>
/// What each caller may do. One role per user group of the product, plus <see cref="Admin"/> for all of them.
/// </summary>
public static class ApiRoles
{
    /// <summary>MoC licensing officers: the licence check.</summary>
    public const string Licensing = "licensing";

    /// <summary>NSSF registration division: leads and their follow-up status.</summary>
    public const string Registration = "registration";

    /// <summary>NSSF inspectors: the risk-ranked target lists.</summary>
    public const string Inspection = "inspection";

    /// <summary>Clerks resolving uncertain matches: enterprises, the review queue, decisions.</summary>
    public const string Matching = "matching";

    /// <summary>Operators: the schedule and the job-run record.</summary>
    public const string Operations = "operations";

    public const string Admin = "admin";

    public static readonly string[] All = [Licensing, Registration, Inspection, Matching, Operations, Admin];
}

/// <summary>One caller's key: who it is (recorded with every check and decision it makes) and its roles.</summary>
public sealed class ApiKey
{
    public string Name { get; set; } = "";

    /// <summary>The key itself; set it from a secret store or an environment variable (Api__Keys__0__Key), never in a file.</summary>
    public string? Key { get; set; }

    /// <summary>Or the key's SHA-256 in hex, so that configuration files never hold the key.</summary>
    public string? KeySha256 { get; set; }

    public List<string> Roles { get; set; } = [];
}

/// <summary>
/// Section <c>Api</c>. With no keys the API is open (the demo and local use) and says so in the log at start;
/// with keys, every <c>/api</c> endpoint needs one (header <c>X-Api-Key</c> or <c>Authorization: ApiKey ...</c>)
/// whose roles allow it. <c>/health</c> and the OpenAPI document stay open.
/// </summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public List<ApiKey> Keys { get; set; } = [];

    public bool Open => Keys.Count == 0;

    /// <summary>Keys by their SHA-256, after checking each is complete: a half-configured key is a start-up error.</summary>
    public Dictionary<string, ApiKey> ByHash()
    {
        var byHash = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
        for (var i = 0; i < Keys.Count; i++)
        {
            var k = Keys[i];
            var where = $"Api:Keys:{i}";
            if (string.IsNullOrWhiteSpace(k.Name))
            {
                throw new InvalidOperationException($"{where}:Name is missing: a key must say whose it is.");
            }

            var hash = !string.IsNullOrEmpty(k.Key) ? ApiKeyAuthentication.Hash(k.Key)
                : k.KeySha256 is { Length: 64 } h && h.All(char.IsAsciiHexDigit) ? h.ToLowerInvariant()
                : throw new InvalidOperationException($"{where} ({k.Name}) needs Key or KeySha256 (64 hex digits).");
            if (k.Roles.Count == 0 || k.Roles.FirstOrDefault(r => !ApiRoles.All.Contains(r, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                throw new InvalidOperationException($"{where} ({k.Name}) needs roles from {string.Join(", ", ApiRoles.All)}"
                    + (k.Roles.Count == 0 ? "." : $"; '{k.Roles.First(r => !ApiRoles.All.Contains(r, StringComparer.OrdinalIgnoreCase))}' is not one."));
            }

            if (!byHash.TryAdd(hash, k))
            {
                throw new InvalidOperationException($"{where} ({k.Name}) has the same key as {byHash[hash].Name}.");
            }
        }

        return byHash;
    }
}

/// <summary>Authenticates a request by its API key; the principal carries the key's name and roles.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<ApiOptions> api)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private readonly Dictionary<string, ApiKey> _keys = api.Value.ByHash();

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
        if (!_keys.TryGetValue(Hash(presented), out var key))
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), .. key.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToLowerInvariant()))], SchemeName);
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
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        var open = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>()?.Open ?? true;
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(o =>
        {
            foreach (var role in ApiRoles.All)
            {
                o.AddPolicy(role, p =>
                {
                    if (open)
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
