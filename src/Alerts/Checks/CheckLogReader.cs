using Dapper;
using Integration.Core.Database;

namespace Integration.Alerts.Checks;

/// <summary>A check as the log holds it (no evidence), for an officer's list of recent checks.</summary>
public sealed record LoggedCheck(long CheckId, string CheckedAt, string RegistrationNo, string AsOf, string Decision, string Reasons, string? EnterpriseId, string? RunId);

/// <summary>A MoC registration found by number or name, for the check page's suggestions.</summary>
public sealed record RegistrationMatch(string RegistrationNo, string? NameEn, string? NameKm, string? Province, string? Status);

/// <summary>A MoC registration with the enterprise it is linked to and that enterprise's province (gazetteer code).</summary>
public sealed record RegistrationInfo(string RegistrationNo, string? NameEn, string? NameKm, string? Province, string? Status, string? EnterpriseId, string? EnterpriseProvinceCode);

/// <summary>Reads the check log and the MoC register for the licensing officer's pages.</summary>
public sealed class CheckLogReader(Db db)
{
    /// <summary>The latest checks asked by <paramref name="requestedBy"/>, newest first.</summary>
    public async Task<IReadOnlyList<LoggedCheck>> RecentAsync(string requestedBy, int limit = 20, CancellationToken ct = default)
    {
        await using var conn = await db.OpenLogAsync(ct);
        return (await conn.QueryAsync<LoggedCheck>(new CommandDefinition(
            """
            SELECT check_id, checked_at, registration_no, as_of, decision, reasons, enterprise_id, run_id
            FROM licence_checks WHERE requested_by = @requestedBy ORDER BY check_id DESC LIMIT @limit
            """,
            new { requestedBy, limit = (long)Math.Clamp(limit, 1, 200) }, cancellationToken: ct))).AsList();
    }

    /// <summary>The MoC registration with this exact number (current or not), with its enterprise's province; null when unknown.</summary>
    public async Task<RegistrationInfo?> FindAsync(string registrationNo, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var no = registrationNo.Trim();
        if (FeedRowReader.FindMoc(conn, no) is not { } m)
        {
            return null;
        }

        var enterpriseId = LinkageReader.EnterpriseOf(conn, FeedNames.Moc, no);
        var province = enterpriseId is null ? null : LinkageReader.Enterprise(conn, enterpriseId)?.ProvinceCode;
        return new RegistrationInfo(m.RegistrationNo, m.NameEn, m.NameKm, m.Province, m.Status, enterpriseId, province);
    }

    /// <summary>
    /// Current MoC registrations whose number starts with <paramref name="text"/>, or whose name (Latin or Khmer)
    /// contains it; with <paramref name="provinceCode"/>, only those whose enterprise lies in that province.
    /// </summary>
    public async Task<IReadOnlyList<RegistrationMatch>> SearchAsync(string text, string? provinceCode, int limit = 10, CancellationToken ct = default)
    {
        var t = text.Trim();
        if (t.Length < 2)
        {
            return [];
        }

        await using var conn = await db.OpenAsync(ct);
        return (await LinkageReader.SearchMocAsync(conn, Escape(t.ToUpperInvariant()), Escape(t), provinceCode, Math.Clamp(limit, 1, 50), ct))
            .Select(m => new RegistrationMatch(m.RegistrationNo, m.NameEn, m.NameKm, m.Province, m.Status))
            .ToList();
    }

    // LIKE's wildcards typed into the box are dropped rather than escaped (the two databases escape differently):
    // a search for '50%' looks for '50'.
    private static string Escape(string s) => s.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
}
