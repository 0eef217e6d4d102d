using System.Text.Json.Serialization;

namespace Integration.Alerts.Leads;

/// <summary>One row of leads.csv (outputs.md, "NSSF registration division"), plus the run it comes from.</summary>
public sealed record LeadRow(
    string EnterpriseId,
    string? MocRegistrationNo,
    string? Tin,
    string? NameEn,
    string? NameKm,
    string? Province,
    string? District,
    string? Address,
    string? Phone,
    string? Activity,
    string EmployeesEvidence,
    string? FirstSeenOn,
    bool IsNew,
    string Status,
    string RunId,
    string AsOf)
{
    /// <summary>Gazetteer codes, for filtering only (not a column).</summary>
    [JsonIgnore]
    public string? ProvinceCode { get; init; }

    [JsonIgnore]
    public string? DistrictCode { get; init; }

    /// <summary>The record whose headcount makes the firm liable (feed, key): the firm the lead is about.</summary>
    [JsonIgnore]
    public (string Feed, string Key)? EvidenceRecord { get; init; }

    public static readonly string[] Columns =
    [
        "enterprise_id", "moc_registration_no", "tin", "name_en", "name_km", "province", "district", "address", "phone",
        "activity", "employees_evidence", "first_seen_on", "is_new", "status", "run_id", "as_of",
    ];

    public IReadOnlyList<string?> Cells() =>
    [
        EnterpriseId, MocRegistrationNo, Tin, NameEn, NameKm, Province, District, Address, Phone,
        Activity, EmployeesEvidence, FirstSeenOn, IsNew ? "true" : "false", Status, RunId, AsOf,
    ];
}

/// <summary>The statuses the division sets on a lead.</summary>
public static class LeadStatuses
{
    public const string New = "NEW";

    public static readonly string[] All = [New, "CONTACTED", "REGISTERED", "NOT_LIABLE", "DUPLICATE"];

    public static string? Normalise(string? status) =>
        All.FirstOrDefault(s => string.Equals(s, status?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Filters of the lead list (HTTP query / CLI options).</summary>
public sealed record LeadQuery(string? Province = null, string? District = null, bool OnlyNew = false, string? Status = null);

/// <summary>A status set by the division.</summary>
public sealed record LeadStatusChange(string EnterpriseId, string Status, string SetBy, string SetAt, string? Note);
