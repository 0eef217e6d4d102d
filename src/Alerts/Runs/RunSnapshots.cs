using System.Data.Common;
using Integration.Alerts.Duplicates;
using Integration.Alerts.Leads;
using Integration.Alerts.Targets;
using Integration.Core.Database;

namespace Integration.Alerts.Runs;

/// <summary>
/// Stores the lead and target lists of an alerts run in full (lead_snapshots, target_snapshots), so the
/// API and CLI answer from them without recomputing; the lead snapshot is also what is_new of the next
/// run is computed against.
/// </summary>
internal static class RunSnapshots
{
    /// <summary>What a run recorded now stores (alert_runs.snapshots): 1 lead and target lists, 2 also the duplicate registrations.</summary>
    public const int Version = 2;

    private static readonly string[] LeadColumns =
    [
        "alert_run_id", "enterprise_id", "list_no", "moc_registration_no", "tin", "name_en", "name_km", "province",
        "district", "province_code", "district_code", "address", "phone", "activity", "employees_evidence",
        "first_seen_on", "is_new", "evidence_feed", "evidence_key", "workers", "isic_code",
    ];

    private static readonly string[] TargetColumns =
    [
        "alert_run_id", "enterprise_id", "list_no", "nssf_id", "moc_registration_no", "tin", "name_en", "name_km",
        "province", "district", "province_code", "district_code", "address", "phone", "risk_score", "reasons",
        "employees_gdt", "insured_workers_nssf", "unpaid_periods", "arrears_khr", "last_inspected_on", "workers",
    ];

    private static readonly string[] DuplicateColumns =
    [
        "alert_run_id", "enterprise_id", "nssf_id", "list_no", "action", "keep_nssf_id", "status", "registered_on",
        "insured_workers", "paid_through", "months_declared", "link_method", "link_confidence", "certainly_joined",
        "match_probability", "match_evidence", "name_en", "name_km", "province", "district", "province_code",
        "district_code", "address", "phone", "moc_registration_no", "tin", "reason",
    ];

    /// <summary>The run's lead list, in list order.</summary>
    public static long SaveLeads(DbConnection conn, DbTransaction tx, string alertRunId, IEnumerable<LeadRow> rows) =>
        BulkInsert.Write(conn, tx, "lead_snapshots", LeadColumns, rows.Select((r, i) => Values(alertRunId, i + 1L, r)));

    /// <summary>The run's full target list (no capacity cut), in rank order.</summary>
    public static long SaveTargets(DbConnection conn, DbTransaction tx, string alertRunId, IEnumerable<TargetRow> ranked) =>
        BulkInsert.Write(conn, tx, "target_snapshots", TargetColumns, ranked.Select((r, i) => Values(alertRunId, i + 1L, r)));

    /// <summary>The run's duplicate registrations, in list order.</summary>
    public static long SaveDuplicates(DbConnection conn, DbTransaction tx, string alertRunId, IEnumerable<DuplicateRow> rows) =>
        BulkInsert.Write(conn, tx, "duplicate_snapshots", DuplicateColumns, rows.Select((r, i) => Values(alertRunId, i + 1L, r)));

    private static object?[] Values(string run, long no, DuplicateRow r) =>
    [
        run, r.EnterpriseId, r.NssfId, no, r.Action, r.KeepNssfId, r.Status, r.RegisteredOn, r.InsuredWorkers, r.PaidThrough, (long)r.MonthsDeclared,
        r.LinkMethod, r.LinkConfidence, r.CertainlyJoined ? 1 : 0, r.MatchProbability, r.MatchEvidence, r.NameEn, r.NameKm, r.Province, r.District, r.ProvinceCode, r.DistrictCode,
        r.Address, r.Phone, r.MocRegistrationNo, r.Tin, r.Reason,
    ];

    private static object?[] Values(string run, long no, LeadRow r) =>
    [
        run, r.EnterpriseId, no, r.MocRegistrationNo, r.Tin, r.NameEn, r.NameKm, r.Province, r.District, r.ProvinceCode, r.DistrictCode,
        r.Address, r.Phone, r.Activity, r.EmployeesEvidence, r.FirstSeenOn, r.IsNew ? 1 : 0, r.EvidenceFeed, r.EvidenceKey,
        r.Workers, r.IsicCode,
    ];

    private static object?[] Values(string run, long no, TargetRow r) =>
    [
        run, r.EnterpriseId, no, r.NssfId, r.MocRegistrationNo, r.Tin, r.NameEn, r.NameKm, r.Province, r.District, r.ProvinceCode, r.DistrictCode,
        r.Address, r.Phone, (long)r.RiskScore, r.Reasons, r.EmployeesGdt, r.InsuredWorkersNssf, (long)r.UnpaidPeriods, r.ArrearsKhr,
        r.LastInspectedOn, r.Workers,
    ];
}
