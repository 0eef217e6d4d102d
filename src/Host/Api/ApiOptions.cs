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

    /// <summary>Optional province scope (gazetteer code or name): the key then sees that province only, as a scoped account does.</summary>
    public string? Province { get; set; }

    /// <summary>The scope resolved to a gazetteer province code when the key table is built.</summary>
    internal string? ProvinceCode { get; set; }
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

    /// <summary>What one request may carry and how many heavy ones run at once (<c>Api:Limits:*</c>).</summary>
    public ApiLimits Limits { get; set; } = new();
}

/// <summary>
/// Bounds on requests: past one the answer is a 400/413/429 problem document naming the limit, never a 500 or a
/// stored 25 MB note.
/// </summary>
public sealed class ApiLimits
{
    /// <summary>Bytes of a request body (lead status, review decision, held-snapshot confirmation); past it 413.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Characters of a free-text note.</summary>
    public int MaxNoteChars { get; set; } = 2_000;

    /// <summary>Characters of a person's name (by, user, decided_by, X-User).</summary>
    public int MaxNameChars { get; set; } = 100;

    /// <summary>Characters of an identifier in a path or body (registration number, enterprise id, source key).</summary>
    public int MaxIdChars { get; set; } = 64;

    /// <summary>Characters of a filter (province, district, status, job).</summary>
    public int MaxFilterChars { get; set; } = 100;

    /// <summary>
    /// Lists asked for another date (<c>?asOf=</c>) may be recomputed from the whole register: at most this many at
    /// once, so licence checks stay fast and memory bounded ...
    /// </summary>
    public int Recomputations { get; set; } = 1;

    /// <summary>... and this many more wait for a turn; past that 429 with Retry-After.</summary>
    public int RecomputationQueue { get; set; } = 2;
}

/// <summary>
/// The configured keys by their SHA-256, built and checked once for the process: a half-configured key is a
/// start-up error, and a request costs one hash and one lookup.
/// </summary>
public sealed class ApiKeyTable
{
    private readonly Dictionary<string, ApiKey> _byHash = new(StringComparer.Ordinal);

    public ApiKeyTable(Microsoft.Extensions.Options.IOptions<ApiOptions> options, Integration.Core.Reference.Gazetteer gazetteer)
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

            k.ProvinceCode = Integration.Access.ProvinceScope.Require(k.Province, gazetteer, $"{where}:Province ({k.Name})");
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
