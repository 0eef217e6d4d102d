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
        return await conn.QueryFirstOrDefaultAsync<RegistrationInfo>(new CommandDefinition(
            """
            SELECT m.registration_no, m.name_en, m.name_km, m.province, m.status, l.enterprise_id, e.province_code AS enterprise_province_code
            FROM moc_licences m
            LEFT JOIN entity_links l ON l.feed = 'moc-licences' AND l.source_key = m.registration_no
            LEFT JOIN enterprises e ON e.enterprise_id = l.enterprise_id
            WHERE m.registration_no = @registrationNo
            """,
            new { registrationNo = registrationNo.Trim() }, cancellationToken: ct));
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

        var sql = """
            SELECT m.registration_no, m.name_en, m.name_km, m.province, m.status FROM moc_licences m
            WHERE m.is_current = 1 AND (UPPER(m.registration_no) LIKE @prefix OR UPPER(m.name_en) LIKE @contains OR m.name_km LIKE @khmer)
            """;
        if (provinceCode is not null)
        {
            sql += """
                 AND EXISTS (SELECT 1 FROM entity_links l JOIN enterprises e ON e.enterprise_id = l.enterprise_id
                            WHERE l.feed = 'moc-licences' AND l.source_key = m.registration_no AND e.province_code = @provinceCode)
                """;
        }

        var like = Escape(t.ToUpperInvariant());
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<RegistrationMatch>(new CommandDefinition(
            sql + " ORDER BY m.registration_no LIMIT @limit",
            new { prefix = like + "%", contains = "%" + like + "%", khmer = "%" + Escape(t) + "%", provinceCode, limit = (long)Math.Clamp(limit, 1, 50) },
            cancellationToken: ct))).AsList();
    }

    // LIKE's wildcards typed into the box are dropped rather than escaped (the two databases escape differently):
    // a search for '50%' looks for '50'.
    private static string Escape(string s) => s.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
}
