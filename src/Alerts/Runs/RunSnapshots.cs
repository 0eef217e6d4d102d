using System.Data;
using System.Data.Common;
using Integration.Alerts.Duplicates;
using Integration.Alerts.Leads;
using Integration.Alerts.Targets;

namespace Integration.Alerts.Runs;

/// <summary>
/// Stores the lead and target lists of an alerts run in full (lead_snapshots, target_snapshots), so the
/// API and CLI answer from them without recomputing; the lead snapshot is also what is_new of the next
/// run is computed against.
/// </summary>
public static class RunSnapshots
{
    /// <summary>What a run recorded now stores (alert_runs.snapshots): 1 lead and target lists, 2 also the duplicate registrations.</summary>
    public const int Version = 2;

    private static readonly InsertColumn[] LeadColumns =
    [
        new("alert_run_id", DbType.String), new("enterprise_id", DbType.String), new("list_no", DbType.Int64),
        new("moc_registration_no", DbType.String), new("tin", DbType.String), new("name_en", DbType.String), new("name_km", DbType.String),
        new("province", DbType.String), new("district", DbType.String), new("province_code", DbType.String), new("district_code", DbType.String),
        new("address", DbType.String), new("phone", DbType.String), new("activity", DbType.String), new("employees_evidence", DbType.String),
        new("first_seen_on", DbType.String), new("is_new", DbType.Int32), new("evidence_feed", DbType.String), new("evidence_key", DbType.String),
        new("workers", DbType.Int64), new("isic_code", DbType.String),
    ];

    private static readonly InsertColumn[] TargetColumns =
    [
        new("alert_run_id", DbType.String), new("enterprise_id", DbType.String), new("list_no", DbType.Int64), new("nssf_id", DbType.String),
        new("moc_registration_no", DbType.String), new("tin", DbType.String), new("name_en", DbType.String), new("name_km", DbType.String),
        new("province", DbType.String), new("district", DbType.String), new("province_code", DbType.String), new("district_code", DbType.String),
        new("address", DbType.String), new("phone", DbType.String), new("risk_score", DbType.Int64), new("reasons", DbType.String),
        new("employees_gdt", DbType.Int64), new("insured_workers_nssf", DbType.Int64), new("unpaid_periods", DbType.Int64), new("arrears_khr", DbType.Int64),
        new("last_inspected_on", DbType.String), new("workers", DbType.Int64),
    ];

    private static readonly InsertColumn[] DuplicateColumns =
    [
        new("alert_run_id", DbType.String), new("enterprise_id", DbType.String), new("nssf_id", DbType.String), new("list_no", DbType.Int64),
        new("action", DbType.String), new("keep_nssf_id", DbType.String), new("status", DbType.String), new("registered_on", DbType.String),
        new("insured_workers", DbType.Int64), new("paid_through", DbType.String), new("months_declared", DbType.Int64), new("link_method", DbType.String),
        new("link_confidence", DbType.Double), new("certainly_joined", DbType.Int32), new("match_probability", DbType.Double),
        new("match_evidence", DbType.String), new("name_en", DbType.String), new("name_km", DbType.String),
        new("province", DbType.String), new("district", DbType.String), new("province_code", DbType.String), new("district_code", DbType.String),
        new("address", DbType.String), new("phone", DbType.String), new("moc_registration_no", DbType.String), new("tin", DbType.String),
        new("reason", DbType.String),
    ];

    /// <summary>The run's lead list, in list order.</summary>
    public static long SaveLeads(DbConnection conn, DbTransaction tx, string alertRunId, IEnumerable<LeadRow> rows) =>
        BatchInsert.Run(conn, tx, "lead_snapshots", LeadColumns, rows.Select((r, i) => (Row: r, No: (long)i + 1)), x => Values(alertRunId, x.No, x.Row));

    /// <summary>The run's full target list (no capacity cut), in rank order.</summary>
    public static long SaveTargets(DbConnection conn, DbTransaction tx, string alertRunId, IEnumerable<TargetRow> ranked) =>
        BatchInsert.Run(conn, tx, "target_snapshots", TargetColumns, ranked.Select((r, i) => (Row: r, No: (long)i + 1)), x => Values(alertRunId, x.No, x.Row));

    /// <summary>The run's duplicate registrations, in list order.</summary>
    public static long SaveDuplicates(DbConnection conn, DbTransaction tx, string alertRunId, IEnumerable<DuplicateRow> rows) =>
        BatchInsert.Run(conn, tx, "duplicate_snapshots", DuplicateColumns, rows.Select((r, i) => (Row: r, No: (long)i + 1)), x => Values(alertRunId, x.No, x.Row));

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
