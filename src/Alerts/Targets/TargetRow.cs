using System.Globalization;
using System.Text.Json.Serialization;
using Integration.Alerts.Model;

namespace Integration.Alerts.Targets;

/// <summary>One scored factor of the risk score, e.g. <c>GDT_EMPLOYEES 120 +20</c>.</summary>
public sealed record Factor(string Code, string? Detail, int Points)
{
    public override string ToString() => Detail is null ? $"{Code} +{Points}" : $"{Code} {Detail} +{Points}";
}

/// <summary>One row of targets.csv (outputs.md, "Inspectors"), plus the runs it comes from.</summary>
public sealed record TargetRow : EnterpriseListing
{
    public static readonly string[] Columns =
    [
        "rank", "enterprise_id", "nssf_id", "moc_registration_no", "tin", "name_en", "name_km", "province", "district", "address", "phone",
        "risk_score", "reasons", "employees_gdt", "insured_workers_nssf", "unpaid_periods", "arrears_khr", "last_inspected_on", "run_id", "as_of",
    ];

    [JsonPropertyOrder(-20)]
    public int Rank { get; init; }

    [JsonPropertyOrder(-9)]
    public string? NssfId { get; init; }

    public int RiskScore { get; init; }

    /// <summary>Every factor with its points, e.g. <c>NOT_REGISTERED +40; GDT_EMPLOYEES 120 +20</c>.</summary>
    public string Reasons { get; init; } = "";

    public long? EmployeesGdt { get; init; }

    public long? InsuredWorkersNssf { get; init; }

    public int UnpaidPeriods { get; init; }

    public long ArrearsKhr { get; init; }

    public string? LastInspectedOn { get; init; }

    /// <summary>Tie-breakers after the score: more workers uninsured, then more arrears.</summary>
    [JsonIgnore]
    public long Workers { get; init; }

    /// <summary>The target row of a scored enterprise (rank set when the list is ranked).</summary>
    public static TargetRow Of(EnterpriseFacts facts, TargetScore s, IReadOnlyList<string> activeNssfIds) =>
        WithContact(new TargetRow(), facts) with
        {
            NssfId = activeNssfIds.Count > 0 ? string.Join('|', activeNssfIds) : facts.Enterprise?.NssfIds,
            MocRegistrationNo = facts.Enterprise?.MocRegistrationNos,
            Tin = facts.Enterprise?.Tins,
            RiskScore = s.Score,
            Reasons = string.Join("; ", s.Factors),
            EmployeesGdt = s.Employees.GdtWorkers > 0 ? s.Employees.GdtWorkers : null,
            InsuredWorkersNssf = s.InsuredWorkers,
            UnpaidPeriods = s.Contributions?.UnpaidPeriods ?? 0,
            ArrearsKhr = s.Contributions?.ArrearsKhr ?? 0,
            LastInspectedOn = facts.LastInspectedOn,
            Workers = Math.Max(s.Employees.Workers, s.InsuredWorkers ?? 0),
        };

    public IReadOnlyList<string?> Cells() =>
    [
        Num(Rank), EnterpriseId, NssfId, MocRegistrationNo, Tin, NameEn, NameKm, Province, District, Address, Phone,
        Num(RiskScore), Reasons, Num(EmployeesGdt), Num(InsuredWorkersNssf), Num(UnpaidPeriods), Num(ArrearsKhr), LastInspectedOn, RunId, AsOf,
    ];

    private static string? Num(long? v) => v?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Filters of the target list.</summary>
public sealed record TargetQuery(string? Province = null, string? District = null, int? Capacity = null);
