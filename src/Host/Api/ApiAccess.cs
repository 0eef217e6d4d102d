using System.Text.Json;
using Integration.Access;
using Integration.Access.Audit;
using Integration.Alerts.Checks;
using Integration.Core.Reference;
using Integration.Matching.Persistence;

namespace Integration.Host.Api;

/// <summary>
/// What an API call may see and what it leaves in the audit log: a key's province scope applies to every
/// list, check and firm read exactly as it does for a signed-in person; reads of firms, checks, decisions and
/// status changes are recorded.
/// </summary>
internal static class ApiAccess
{
    /// <summary>The caller: the key's name, roles and scope; on an open API (no keys) a national caller named as the request says.</summary>
    public static Caller Of(HttpContext http, string? claimed = null) =>
        ApiCaller.Authenticated(http) is not null
            ? Caller.From(http.User, "api")
            : Caller.Open("api") with { Name = ApiCaller.Name(http, claimed) ?? "anonymous" };

    /// <summary>The province a list is read for; null with <paramref name="problem"/> set when a scoped key asked for another province.</summary>
    public static bool TryProvince(HttpContext http, string? asked, out string? province, out IResult problem)
    {
        province = Of(http).Province(asked, http.RequestServices.GetRequiredService<Gazetteer>(), out var refused);
        problem = refused ? OutOfScope() : Results.Empty;
        return !refused;
    }

    /// <summary>True when the registration's firm lies in the caller's province (always for national callers).</summary>
    public static async Task<bool> SeesRegistrationAsync(HttpContext http, string registrationNo, CancellationToken ct)
    {
        var caller = Of(http);
        if (caller.IsNational)
        {
            return true;
        }

        var r = await http.RequestServices.GetRequiredService<CheckLogReader>().FindAsync(registrationNo, ct);
        return r is null
            || caller.Sees(r.EnterpriseProvinceCode)
            || (r.EnterpriseProvinceCode is null && ProvinceScope.Resolve(r.Province, http.RequestServices.GetRequiredService<Gazetteer>())?.Code == caller.ProvinceCode);
    }

    /// <summary>True when the enterprise lies in the caller's province (always for national callers; unknown ids pass to give their 404).</summary>
    public static async Task<bool> SeesEnterpriseAsync(HttpContext http, string enterpriseId, CancellationToken ct)
    {
        var caller = Of(http);
        return caller.IsNational
            || await http.RequestServices.GetRequiredService<EnterpriseQueries>().FindAsync(enterpriseId, ct) is not { } e
            || caller.Sees(e.Enterprise.ProvinceCode);
    }

    public static IResult OutOfScope() =>
        Results.Problem(statusCode: 403, title: "Outside the key's province", detail: "This key is limited to one province; the firm or list asked for lies outside it.");

    public static Task Audit(HttpContext http, AuditAction action, string? subject, object? detail, string? claimed = null) =>
        http.RequestServices.GetRequiredService<AuditLog>().AppendAsync(
            AuditEvent.By(Of(http, claimed), action, subject, detail is null ? null : JsonSerializer.Serialize(detail)));
}
