using System.Text.Json.Serialization;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;

namespace Integration.Alerts.Leads;

/// <summary>One row of leads.csv (outputs.md, "NSSF registration division"), plus the runs it comes from.</summary>
public sealed record LeadRow : EnterpriseListing
{
    public static readonly string[] Columns =
    [
        "enterprise_id", "moc_registration_no", "tin", "name_en", "name_km", "province", "district", "address", "phone",
        "activity", "employees_evidence", "first_seen_on", "is_new", "status", "run_id", "as_of",
    ];

    public string? Activity { get; init; }

    public string EmployeesEvidence { get; init; } = "";

    public string? FirstSeenOn { get; init; }

    public bool IsNew { get; init; }

    public string Status { get; init; } = LeadStatuses.New;

    /// <summary>Feed of the record whose headcount makes the firm liable (stored with the run).</summary>
    [JsonIgnore]
    public string? EvidenceFeed { get; init; }

    [JsonIgnore]
    public string? EvidenceKey { get; init; }

    /// <summary>The headcount of <see cref="EmployeesEvidence"/> as a number (filters and sorting; not a column).</summary>
    [JsonIgnore]
    public long? Workers { get; init; }

    /// <summary>ISIC Rev.4 class of the firm's records (sector filter; not a column).</summary>
    [JsonIgnore]
    public string? IsicCode { get; init; }

    /// <summary>The record whose headcount makes the firm liable (feed, key): the firm the lead is about.</summary>
    [JsonIgnore]
    public (string Feed, string Key)? EvidenceRecord => EvidenceFeed is null || EvidenceKey is null ? null : (EvidenceFeed, EvidenceKey);

    /// <summary>The lead of an enterprise whose <paramref name="evidence"/> makes it liable.</summary>
    public static LeadRow Of(EnterpriseFacts facts, EmployeesEvidence evidence) =>
        WithContact(new LeadRow(), facts) with
        {
            MocRegistrationNo = facts.Enterprise?.MocRegistrationNos ?? facts.Keys(FeedNames.Moc),
            Tin = facts.Enterprise?.Tins ?? facts.Keys(FeedNames.Gdt),
            Activity = facts.Pick(r => r.Activity),
            EmployeesEvidence = evidence.Source,
            FirstSeenOn = facts.FirstSeenOn(),
            EvidenceFeed = evidence.Feed is null || evidence.SourceKey is null ? null : evidence.Feed,
            EvidenceKey = evidence.Feed is null || evidence.SourceKey is null ? null : evidence.SourceKey,
            Workers = evidence.Workers,
            IsicCode = facts.Pick(r => r.IsicCode),
        };

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
