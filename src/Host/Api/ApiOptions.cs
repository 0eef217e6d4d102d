namespace Integration.Host.Api;

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
