using Dapper;
using Integration.Core.Database;

namespace Integration.Matching.Tests;

/// <summary>Registry rows written straight into the ingest tables, as ingest would leave them.</summary>
public sealed record Firm(
    string? NameEn,
    string? NameKm = null,
    string? Province = "Phnom Penh",
    string? District = "Chamkar Mon",
    string? Phone = null,
    string? Isic = null,
    string? Street = null);

public static class FeedRows
{
    private const string Trace = "1, 2, 'h', '2026-09-01', '2026-10-01'";

    public static void Moc(Db db, string registrationNo, Firm f, string? tin = null, int current = 1) =>
        Exec(db, $"""
            INSERT INTO moc_licences (registration_no, name_en, name_km, tin, province, district, street, phone, isic_code, status,
                                      file_id, line, row_hash, first_seen_on, last_seen_on, is_current)
            VALUES (@key, @NameEn, @NameKm, @tin, @Province, @District, @Street, @Phone, @Isic, 'ACTIVE', {Trace}, @current)
            """, registrationNo, f, tin, null, current);

    public static void Gdt(Db db, string tin, Firm f, string? mocNo = null, int current = 1) =>
        Exec(db, $"""
            INSERT INTO gdt_taxpayers (tin, name_en, name_km, moc_registration_no, province, district, street, phone, isic_code, status,
                                       file_id, line, row_hash, first_seen_on, last_seen_on, is_current)
            VALUES (@key, @NameEn, @NameKm, @mocNo, @Province, @District, @Street, @Phone, @Isic, 'ACTIVE', {Trace}, @current)
            """, tin, f, null, mocNo, current);

    public static void Nssf(Db db, string nssfId, Firm f, string? tin = null, string? mocNo = null, int current = 1, string status = "ACTIVE") =>
        Exec(db, $"""
            INSERT INTO nssf_employers (nssf_id, name_en, name_km, tin, moc_registration_no, province, district, street, phone, isic_code, status,
                                        file_id, line, row_hash, first_seen_on, last_seen_on, is_current)
            VALUES (@key, @NameEn, @NameKm, @tin, @mocNo, @Province, @District, @Street, @Phone, @Isic, '{status}', {Trace}, @current)
            """, nssfId, f, tin, mocNo, current);

    public static void SetCurrent(Db db, string table, string keyColumn, string key, int current)
    {
        using var conn = db.Open();
        conn.Execute($"UPDATE {table} SET is_current = @current WHERE {keyColumn} = @key", new { current, key });
    }

    public static void Rename(Db db, string table, string keyColumn, string key, string nameEn)
    {
        using var conn = db.Open();
        // A new row hash, as ingest records a changed row: an incremental run standardises the record again.
        conn.Execute($"UPDATE {table} SET name_en = @nameEn, row_hash = row_hash || 'r' WHERE {keyColumn} = @key", new { nameEn, key });
    }

    private static void Exec(Db db, string sql, string key, Firm f, string? tin, string? mocNo, int current)
    {
        using var conn = db.Open();
        conn.Execute(sql, new { key, f.NameEn, f.NameKm, tin, mocNo, f.Province, f.District, f.Street, f.Phone, f.Isic, current });
    }

    /// <summary>
    /// A background of ordinary firms known to all three registries with the usual noise (legal forms,
    /// case, romanisation, missing cross-references), so that the model has something to learn from.
    /// </summary>
    public static void Background(Db db, int count)
    {
        string[] given = ["Sokha", "Dara", "Vannak", "Sophea", "Rithy", "Chenda", "Bopha", "Piseth", "Kosal", "Narin", "Sovann", "Malis", "Veasna", "Theary", "Kimsan", "Ratha", "Serey", "Mony", "Sambath", "Chantha"];
        string[] family = ["Chan", "Sok", "Heng", "Lim", "Meas", "Keo", "Ouk", "Pich", "Yim", "Seng", "Nhem", "Touch", "Prak", "Ly", "Tep", "Chea"];
        string[] trade = ["Trading", "Garment", "Construction", "Import Export", "Restaurant", "Pharmacy", "Transport", "Printing"];
        string[] districts = ["Chamkar Mon", "Doun Penh", "Tuol Kouk", "Sen Sok", "Mean Chey", "Chbar Ampov"];
        for (var i = 0; i < count; i++)
        {
            var name = $"{given[i % given.Length]} {family[(i / given.Length) % family.Length]} {trade[i % trade.Length]}";
            var district = districts[i % districts.Length];
            var phone = $"0{12 + (i % 5)} {100 + i:000} {500 + (i * 7 % 400):000}";
            var tin = $"K00{i % 9}-9{i:00000000}";
            var reg = $"MOC-{10000 + i}";
            Moc(db, reg, new Firm($"{name} Co., Ltd.", District: district, Phone: phone, Isic: "4690"), tin: i % 3 == 0 ? tin : null);
            Gdt(db, tin, new Firm(name.ToUpperInvariant() + " CO.,LTD", District: "Khan " + district, Phone: phone.Replace(" ", "-", StringComparison.Ordinal), Isic: "4690"), mocNo: i % 2 == 0 ? reg : null);
            Nssf(db, $"N{50000 + i}", new Firm(name + " Company Limited", District: district, Phone: "+855" + phone[1..], Isic: "4690"), tin: i % 4 == 0 ? tin : null);
        }
    }
}
