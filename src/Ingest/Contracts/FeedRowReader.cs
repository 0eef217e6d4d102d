using System.Data.Common;
using Dapper;
using Integration.Core.Database;
using Integration.Ingest.Feeds;

namespace Integration.Ingest.Contracts;

/// <summary>
/// Ingest's published reader of the feed rows (<see cref="SourceRow"/> and its kinds): the only way another module reads the
/// feed tables. Each SELECT is built from <see cref="FeedCatalog"/> (table and columns), and a column the catalog
/// does not declare fails when the class is first used, not in a consumer's query. Every row is read, current or
/// not (<see cref="SourceRow.IsCurrent"/> says which): the alerts show a removed record as removed.
/// </summary>
public static class FeedRowReader
{
    // Columns the loader adds to every feed table (src/Ingest/Migrations/0001_feeds.sql), beside the catalog's.
    private static readonly string[] Tracking = ["file_id", "line", "first_seen_on", "last_seen_on", "is_current"];

    private static readonly string[] Described =
        ["activity", "isic_code", "house_no", "street", "village", "commune", "district", "province", "address", "phone", "status", "name_en", "name_km"];

    private static readonly string MocSql = Select(FeedCatalog.Moc, ["registration_no", "renewal_applied_on", "declared_employees", .. Tracking, .. Described]);

    private static readonly string GdtSql = Select(FeedCatalog.Gdt, ["tin", "employees", "employees_period", .. Tracking, .. Described]);

    private static readonly string NssfSql = Select(FeedCatalog.NssfEmployer, ["nssf_id", "registered_on", "insured_workers", .. Tracking, .. Described]);

    private static readonly string ContributionSql = Select(FeedCatalog.NssfContribution, ["nssf_id", "period", "due_khr", "paid_khr", "paid_on", "file_id", "line"]);

    private static readonly string LastFullyPaidSql = Select(FeedCatalog.NssfContribution, ["nssf_id", "MAX(period) AS period"])
        + " WHERE COALESCE(paid_khr, 0) >= COALESCE(due_khr, 0)";

    private static readonly string InspectionSql = Select(FeedCatalog.NssfInspection, ["nssf_id", "registration_no", "MAX(inspected_on) AS inspected_on"]);

    /// <summary>The MoC row with this registration number (current or not), or null.</summary>
    public static MocRecord? FindMoc(DbConnection conn, string registrationNo) =>
        conn.QueryFirstOrDefault<MocRecord>(MocSql + " WHERE registration_no = @r", new { r = registrationNo });

    /// <summary>Current MoC rows with a renewal applied for (the batch checks them all), unbuffered.</summary>
    public static IEnumerable<MocRecord> PendingRenewals(DbConnection conn) =>
        conn.Query<MocRecord>(MocSql + " WHERE " + PendingCondition, buffered: false);

    /// <summary>What <see cref="PendingRenewals"/> selects, said of one row already read.</summary>
    public static bool IsPendingRenewal(MocRecord m) => !string.IsNullOrEmpty(m.RenewalAppliedOn) && m.IsCurrent == 1;

    private const string PendingCondition = "renewal_applied_on IS NOT NULL AND renewal_applied_on <> '' AND is_current = 1";

    /// <summary>The MoC rows of <paramref name="keys"/> in the order the table is stored in (the order a full scan of the table gives them; one statement).</summary>
    public static List<MocRecord> MocInStorageOrder(DbConnection conn, IEnumerable<string> keys) => InStorageOrder<MocRecord>(conn, MocSql, "registration_no", keys);

    /// <summary>The GDT rows of <paramref name="keys"/>, in storage order (as a full scan gives them).</summary>
    public static List<GdtRecord> GdtInStorageOrder(DbConnection conn, IEnumerable<string> keys) => InStorageOrder<GdtRecord>(conn, GdtSql, "tin", keys);

    /// <summary>The NSSF employer rows of <paramref name="keys"/>, in storage order (as a full scan gives them).</summary>
    public static List<NssfEmployerRecord> NssfInStorageOrder(DbConnection conn, IEnumerable<string> keys) => InStorageOrder<NssfEmployerRecord>(conn, NssfSql, "nssf_id", keys);

    /// <summary>Contribution rows of <paramref name="nssfIds"/> from <paramref name="fromPeriod"/> on, in storage order (as a full scan gives them).</summary>
    public static List<ContributionRow> ContributionsInStorageOrder(DbConnection conn, string fromPeriod, IEnumerable<string> nssfIds)
    {
        var args = new DynamicParameters(new { from = fromPeriod });
        var where = KeySet.In(conn, args, "keys", "nssf_id", nssfIds);
        return conn.Query<ContributionRow>(ContributionSql + " WHERE " + where + " AND period >= @from ORDER BY " + KeySet.StorageOrder(conn), args).AsList();
    }

    /// <summary>The latest fully paid month of each of <paramref name="nssfIds"/> (one statement).</summary>
    public static List<(string NssfId, string Period)> LastFullyPaidOf(DbConnection conn, IEnumerable<string> nssfIds)
    {
        var args = new DynamicParameters();
        var where = KeySet.In(conn, args, "keys", "nssf_id", nssfIds);
        return conn.Query<(string, string)>(LastFullyPaidSql + " AND " + where + " GROUP BY nssf_id", args).AsList();
    }

    /// <summary>The latest inspection of each (NSSF id, registration number) pair visited that names one of these NSSF ids or registrations.</summary>
    public static List<InspectionRow> LatestInspectionsOf(DbConnection conn, IEnumerable<string> nssfIds, IEnumerable<string> registrationNos)
    {
        var args = new DynamicParameters();
        var where = KeySet.In(conn, args, "nssf", "nssf_id", nssfIds) + " OR " + KeySet.In(conn, args, "moc", "registration_no", registrationNos);
        return conn.Query<InspectionRow>(InspectionSql + " WHERE " + where + " GROUP BY nssf_id, registration_no", args).AsList();
    }

    private static List<T> InStorageOrder<T>(DbConnection conn, string sql, string keyColumn, IEnumerable<string> keys)
    {
        var args = new DynamicParameters();
        var where = KeySet.In(conn, args, "keys", keyColumn, keys);
        return conn.Query<T>(sql + " WHERE " + where + " ORDER BY " + KeySet.StorageOrder(conn), args).AsList();
    }

    /// <summary>SELECT <paramref name="columns"/> FROM the feed's table, each plain column checked against the catalog.</summary>
    private static string Select(FeedDefinition feed, string[] columns)
    {
        foreach (var c in columns)
        {
            var name = c.Contains(' ', StringComparison.Ordinal) ? c[(c.IndexOf('(', StringComparison.Ordinal) + 1)..c.IndexOf(')', StringComparison.Ordinal)] : c;
            if (!Tracking.Contains(name, StringComparer.Ordinal))
            {
                CheckDeclared(feed, name, nameof(FeedRowReader));
            }
        }

        return "SELECT " + string.Join(", ", columns) + " FROM " + feed.Table;
    }

    /// <summary>Fails when <paramref name="reader"/> would read a column of the feed's table that FeedCatalog does not declare.</summary>
    internal static void CheckDeclared(FeedDefinition feed, string column, string reader)
    {
        if (feed.IndexOf(column) < 0)
        {
            throw new InvalidOperationException($"{reader} reads {feed.Table}.{column}, which FeedCatalog does not declare for {feed.Name}.");
        }
    }
}
