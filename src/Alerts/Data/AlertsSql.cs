namespace Integration.Alerts.Data;

/// <summary>The SELECTs of the feed and linkage tables, written once for SQLite and PostgreSQL.</summary>
internal static class AlertsSql
{
    private const string Source = "file_id, line, first_seen_on, last_seen_on, is_current, activity, isic_code, house_no, street, village, commune, district, province, address, phone, status, name_en, name_km";

    public const string Moc = "SELECT registration_no, renewal_applied_on, declared_employees, " + Source + " FROM moc_licences";

    public const string Gdt = "SELECT tin, employees, employees_period, " + Source + " FROM gdt_taxpayers";

    public const string Nssf = "SELECT nssf_id, registered_on, insured_workers, " + Source + " FROM nssf_employers";

    public const string Contributions = "SELECT nssf_id, period, due_khr, paid_khr, paid_on, file_id, line FROM nssf_contributions";

    public const string LastFullyPaid = "SELECT nssf_id, MAX(period) AS period FROM nssf_contributions WHERE COALESCE(paid_khr, 0) >= COALESCE(due_khr, 0)";

    /// <summary>The pairs of the latest match run (a clerk's reject among them: it joins nothing, and the policy skips it).
    /// Not run_id, which is the links' (one run replaces both): stored after the evidence JSON, reading it would walk
    /// every row's overflow pages.</summary>
    public const string Pairs = "SELECT p.feed_a, p.key_a, p.feed_b, p.key_b, p.probability, p.band FROM match_pairs p";

    public const string Links = "SELECT feed, source_key, enterprise_id, confidence, method, run_id FROM entity_links";

    public const string Enterprises = "SELECT enterprise_id, name_en, name_km, province, district, province_code, district_code, moc_registration_nos, tins, nssf_ids FROM enterprises";

    public const string Inspections = "SELECT nssf_id, registration_no, MAX(inspected_on) AS inspected_on FROM nssf_inspections";
}
