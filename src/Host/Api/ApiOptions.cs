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
}

/// <summary>
/// The configured keys by their SHA-256, built and checked once for the process: a half-configured key is a
/// start-up error, and a request costs one hash and one lookup.
/// </summary>
public sealed class ApiKeyTable
{
    private readonly Dictionary<string, ApiKey> _byHash = new(StringComparer.Ordinal);

    public ApiKeyTable(Microsoft.Extensions.Options.IOptions<ApiOptions> options)
    {
        var keys = options.Value.Keys;
        Open = keys.Count == 0;
        for (var i = 0; i < keys.Count; i++)
        {
            var k = keys[i];
            var where = $"Api:Keys:{i}";
            if (string.IsNullOrWhiteSpace(k.Name))
            {
                throw new InvalidOperationException($"{where}:Name is missing: a key must say whose it is.");
            }

            var hash = !string.IsNullOrEmpty(k.Key) ? ApiKeyAuthentication.Hash(k.Key)
                : k.KeySha256 is { Length: 64 } h && h.All(char.IsAsciiHexDigit) ? h.ToLowerInvariant()
                : throw new InvalidOperationException($"{where} ({k.Name}) needs Key or KeySha256 (64 hex digits).");
            var unknown = k.Roles.FirstOrDefault(r => !ApiRoles.All.Contains(r, StringComparer.OrdinalIgnoreCase));
            if (k.Roles.Count == 0 || unknown is not null)
            {
                throw new InvalidOperationException($"{where} ({k.Name}) needs roles from {string.Join(", ", ApiRoles.All)}"
                    + (unknown is null ? "." : $"; '{unknown}' is not one."));
            }

            if (!_byHash.TryAdd(hash, k))
            {
                throw new InvalidOperationException($"{where} ({k.Name}) has the same key as {_byHash[hash].Name}.");
            }
        }
    }

    /// <summary>True when no key is configured: every caller may use every endpoint.</summary>
    public bool Open { get; }

    /// <summary>The key with this SHA-256 (hex, lower case), if one is configured.</summary>
    public ApiKey? Find(string hash) => _byHash.GetValueOrDefault(hash);
}
