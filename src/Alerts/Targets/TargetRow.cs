using System.Text.Json.Serialization;

namespace Integration.Alerts.Targets;

/// <summary>One scored factor of the risk score, e.g. <c>GDT_EMPLOYEES 120 +20</c>.</summary>
public sealed record Factor(string Code, string? Detail, int Points)
{
    public override string ToString() => Detail is null ? $"{Code} +{Points}" : $"{Code} {Detail} +{Points}";
}

/// <summary>One row of targets.csv (outputs.md, "Inspectors"), plus the run it comes from.</summary>
public sealed record TargetRow(
    int Rank,
    string EnterpriseId,
    string? NssfId,
    string? MocRegistrationNo,
    string? Tin,
    string? NameEn,
    string? NameKm,
    string? Province,
    string? District,
    string? Address,
    string? Phone,
    int RiskScore,
    string Reasons,
    long? EmployeesGdt,
    long? InsuredWorkersNssf,
    int UnpaidPeriods,
    long ArrearsKhr,
    string? LastInspectedOn,
    string RunId,
    string AsOf)
{
    public static readonly string[] Columns =
    [
        "rank", "enterprise_id", "nssf_id", "moc_registration_no", "tin", "name_en", "name_km", "province", "district", "address", "phone",
        "risk_score", "reasons", "employees_gdt", "insured_workers_nssf", "unpaid_periods", "arrears_khr", "last_inspected_on", "run_id", "as_of",
    ];

    [JsonIgnore]
    public string? ProvinceCode { get; init; }

    [JsonIgnore]
    public string? DistrictCode { get; init; }

    /// <summary>Tie-breakers after the score: more workers uninsured, then more arrears.</summary>
    [JsonIgnore]
    public long Workers { get; init; }

    public IReadOnlyList<string?> Cells() =>
    [
        Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), EnterpriseId, NssfId, MocRegistrationNo, Tin, NameEn, NameKm, Province, District, Address, Phone,
        RiskScore.ToString(System.Globalization.CultureInfo.InvariantCulture), Reasons, Num(EmployeesGdt), Num(InsuredWorkersNssf),
        UnpaidPeriods.ToString(System.Globalization.CultureInfo.InvariantCulture), ArrearsKhr.ToString(System.Globalization.CultureInfo.InvariantCulture), LastInspectedOn, RunId, AsOf,
    ];

    private static string? Num(long? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Filters of the target list.</summary>
public sealed record TargetQuery(string? Province = null, string? District = null, int? Capacity = null);
