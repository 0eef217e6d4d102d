namespace Integration.Matching.Contracts;

/// <summary>
/// Matching's published row sets for another module's SQL that must join the linkage in the database (the lead
/// list's merged statuses, the coverage report's per-province sums: a <see cref="LinkageReader"/> call per row would
/// turn one indexed join into a query per record). Each is a sub-select to use as <c>JOIN (…) alias</c>; the table
/// names stay here. The databases fold such a sub-select into the outer query, so its indexes serve as before.
/// </summary>
public static class LinkageSql
{
    /// <summary>Each linked record's enterprise in the current run: feed, source_key, enterprise_id.</summary>
    public const string RecordEnterprises = "SELECT feed, source_key, enterprise_id FROM entity_links";

    /// <summary>Every enterprise id ever issued, with where it lives and, once merged away, the id it lives on as
    /// (retired_into; null for a live enterprise): enterprise_id, province_code, province, retired_into.</summary>
    public const string Enterprises = "SELECT enterprise_id, province_code, province, retired_into FROM enterprises";
}
