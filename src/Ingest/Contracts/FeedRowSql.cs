using Integration.Ingest.Feeds;

namespace Integration.Ingest.Contracts;

/// <summary>
/// Ingest's published row sets for another module's aggregate SQL (the coverage report sums headcounts per
/// enterprise and province in one query, which a row-by-row reader would turn into a scan per page): each is a
/// sub-select to use as <c>FROM (…) alias</c>, with the record's key as <c>source_key</c>; the table and column
/// names stay here, checked against <see cref="FeedCatalog"/> when the class is first used. The databases fold
/// such a sub-select into the outer query, so the outer query's indexes and plan are what they were on the table.
/// </summary>
public static class FeedRowSql
{
    /// <summary>Current GDT taxpayers: <c>source_key</c> (TIN), employees, employees_period, isic_code, status.</summary>
    public static readonly string CurrentTaxpayers =
        Current(FeedCatalog.Gdt, "tin", ["employees", "employees_period", "isic_code", "status"]);

    /// <summary>Current NSSF employers: <c>source_key</c> (NSSF id), insured_workers, status.</summary>
    public static readonly string CurrentEmployers =
        Current(FeedCatalog.NssfEmployer, "nssf_id", ["insured_workers", "status"]);

    /// <summary>Every monthly contribution row: <c>source_key</c> (the employer's NSSF id), period, insured_workers.</summary>
    public static readonly string Contributions =
        Select(FeedCatalog.NssfContribution, "nssf_id", ["period", "insured_workers"]);

    private static string Current(FeedDefinition feed, string key, string[] columns) =>
        Select(feed, key, columns) + " WHERE is_current = 1";

    private static string Select(FeedDefinition feed, string key, string[] columns)
    {
        foreach (var c in columns.Prepend(key))
        {
            FeedRowReader.CheckDeclared(feed, c, nameof(FeedRowSql));
        }

        return $"SELECT {key} AS source_key, {string.Join(", ", columns)} FROM {feed.Table}";
    }
}
