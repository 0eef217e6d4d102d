using System.Security.Claims;
using Integration.Core.Reference;

namespace Integration.Access;

/// <summary>The claims a signed-in person or an API key carries beyond name and roles.</summary>
public static class AccessClaims
{
    /// <summary>Gazetteer province code (PP) the caller is limited to; absent for national access.</summary>
    public const string Province = "integration:province";

    /// <summary>The account's stamp when the sign-in was issued; a changed account ends older sign-ins.</summary>
    public const string Stamp = "integration:stamp";

    /// <summary>How the caller came in: web, api, cli (recorded in the audit log).</summary>
    public const string Channel = "integration:channel";
}

/// <summary>
/// Who is asking, as every page, export and API call sees it: name, roles and the province scope that
/// limits what they see. <see cref="Open"/> is the caller of an API without keys (demo and local use).
/// </summary>
public sealed record Caller(string Name, IReadOnlySet<Role> Roles, string? ProvinceCode, string Channel)
{
    public static Caller Open(string channel) => new("anonymous", new HashSet<Role>(Access.Roles.All), null, channel);

    public bool IsNational => ProvinceCode is null;

    /// <summary>Admin has every role.</summary>
    public bool Has(Role role) => Roles.Contains(role) || Roles.Contains(Role.Admin);

    /// <summary>True when a record of this province (gazetteer code, may be null) is within the caller's scope.</summary>
    public bool Sees(string? provinceCode) =>
        ProvinceCode is null || string.Equals(ProvinceCode, provinceCode?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The province a list is filtered to: the caller's scope whatever was asked, else what was asked.
    /// <paramref name="refused"/> is set when a scoped caller asked for another province.
    /// </summary>
    public string? Province(string? asked, Gazetteer gazetteer, out bool refused)
    {
        refused = false;
        if (ProvinceCode is null)
        {
            return string.IsNullOrWhiteSpace(asked) ? null : asked.Trim();
        }

        if (!string.IsNullOrWhiteSpace(asked) && ProvinceScope.Resolve(asked, gazetteer)?.Code != ProvinceCode)
        {
            refused = true;
        }

        return ProvinceCode;
    }

    public static Caller From(ClaimsPrincipal user, string channel)
    {
        var roles = new HashSet<Role>();
        foreach (var c in user.FindAll(ClaimTypes.Role))
        {
            if (Access.Roles.TryParse(c.Value, out var r))
            {
                roles.Add(r);
            }
        }

        var province = user.FindFirst(AccessClaims.Province)?.Value;
        return new Caller(user.Identity?.Name ?? "anonymous", roles, string.IsNullOrWhiteSpace(province) ? null : province, user.FindFirst(AccessClaims.Channel)?.Value ?? channel);
    }
}

/// <summary>Province scopes are gazetteer province codes; configuration and admins may give a code or a name.</summary>
public static class ProvinceScope
{
    /// <summary>The province a code (03), a Latin name (Kampong Cham) or a Khmer name names; null when none does.</summary>
    public static GazetteerUnit? Resolve(string? text, Gazetteer gazetteer)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return gazetteer.Provinces.FirstOrDefault(p =>
            string.Equals(p.Code, t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.NameLatin, t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.NameKm, t, StringComparison.Ordinal));
    }

    /// <summary>The code for a configured scope; throws naming the value when it names no province.</summary>
    public static string? Require(string? text, Gazetteer gazetteer, string where) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Resolve(text, gazetteer)?.Code ?? throw new InvalidOperationException($"{where}: '{text}' is not a province code or name of the gazetteer.");
}
