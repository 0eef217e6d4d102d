using System.Globalization;
using System.Text.Json.Serialization;
using Integration.Alerts.Model;

namespace Integration.Alerts.Duplicates;

/// <summary>What the NSSF registration division should do with one registration of an employer registered more than once.</summary>
public enum DuplicateAction
{
    /// <summary>The registration to keep: active, paying most recently.</summary>
    Keep,

    /// <summary>An active duplicate with declarations in the window: move its contribution history to the kept id, then close it.</summary>
    Merge,

    /// <summary>An active duplicate with no declaration in the window: close it.</summary>
    Close,

    /// <summary>Already closed or suspended: record that the kept registration superseded it.</summary>
    Superseded,

    /// <summary>Joined to the kept registration only through a review-band link: confirm it is the same employer first.</summary>
    ConfirmMatch,
}

/// <summary>The stored text of <see cref="DuplicateAction"/>, in one place.</summary>
public static class DuplicateActions
{
    public static string Text(this DuplicateAction action) => action switch
    {
        DuplicateAction.Keep => "KEEP",
        DuplicateAction.Merge => "MERGE",
        DuplicateAction.Close => "CLOSE",
        DuplicateAction.Superseded => "SUPERSEDED",
        _ => "CONFIRM_MATCH",
    };

    public static readonly string[] All = Enum.GetValues<DuplicateAction>().Select(a => a.Text()).ToArray();

    public static string? Normalise(string? action) =>
        All.FirstOrDefault(a => string.Equals(a, action?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One row of duplicates.csv: one NSSF registration of an enterprise that holds several, with the registration
/// to keep and what to do with this one. The name, address and phone are the NSSF record's own (as the division's
/// file has them); province and district are the enterprise's, for the place filters.
/// </summary>
public sealed record DuplicateRow : EnterpriseListing
{
    public static readonly string[] Columns =
    [
        "enterprise_id", "nssf_id", "action", "keep_nssf_id", "status", "registered_on", "insured_workers", "paid_through",
        "months_declared", "link_method", "link_confidence", "certainly_joined", "match_probability", "match_evidence", "name_en", "name_km", "province", "district",
        "address", "phone", "moc_registration_no", "tin", "reason", "run_id", "as_of",
    ];

    [JsonPropertyOrder(-9)]
    public string NssfId { get; init; } = "";

    [JsonPropertyOrder(-9)]
    public string Action { get; init; } = "";

    [JsonPropertyOrder(-9)]
    public string KeepNssfId { get; init; } = "";

    public string? Status { get; init; }

    public string? RegisteredOn { get; init; }

    public long? InsuredWorkers { get; init; }

    /// <summary>Latest month this id paid in full, over all time.</summary>
    public string? PaidThrough { get; init; }

    /// <summary>Months of the look-back window with a declaration under this id.</summary>
    public int MonthsDeclared { get; init; }

    public string LinkMethod { get; init; } = "";

    public double LinkConfidence { get; init; }

    /// <summary>True when certain pairs (automatic or clerk-accepted) join this registration to the kept one.</summary>
    public bool CertainlyJoined { get; init; }

    /// <summary>The matcher's probability that this registration and the kept one are one employer (matching's registration_duplicates).</summary>
    public double? MatchProbability { get; init; }

    /// <summary>Which fields of the two registrations agreed, and how strongly.</summary>
    public string? MatchEvidence { get; init; }

    /// <summary>Why this action, in a sentence.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Position of the row in the run's list (groups by enterprise, the kept registration first).</summary>
    [JsonIgnore]
    public long ListNo { get; init; }

    public IReadOnlyList<string?> Cells() =>
    [
        EnterpriseId, NssfId, Action, KeepNssfId, Status, RegisteredOn, InsuredWorkers?.ToString(CultureInfo.InvariantCulture), PaidThrough,
        MonthsDeclared.ToString(CultureInfo.InvariantCulture), LinkMethod, LinkConfidence.ToString("0.####", CultureInfo.InvariantCulture),
        CertainlyJoined ? "true" : "false", MatchProbability?.ToString("0.####", CultureInfo.InvariantCulture), MatchEvidence, NameEn, NameKm, Province, District, Address, Phone, MocRegistrationNo, Tin, Reason, RunId, AsOf,
    ];

    /// <summary>The row of <paramref name="record"/>, an NSSF registration of <paramref name="facts"/>' enterprise.</summary>
    internal static DuplicateRow Of(EnterpriseFacts facts, NssfEmployerRecord record) =>
        WithContact(new DuplicateRow(), facts) with
        {
            NssfId = record.NssfId,
            Status = record.Status,
            RegisteredOn = record.RegisteredOn,
            InsuredWorkers = record.InsuredWorkers,
            PaidThrough = facts.LastFullyPaid.GetValueOrDefault(record.NssfId),
            NameEn = record.NameEn ?? facts.Enterprise?.NameEn,
            NameKm = record.NameKm ?? facts.Enterprise?.NameKm,
            Address = record.AddressLine() ?? facts.Pick(r => r.AddressLine()),
            Phone = record.Phone ?? facts.Pick(r => r.Phone),
            MocRegistrationNo = facts.Enterprise?.MocRegistrationNos ?? facts.Keys(FeedNames.Moc),
            Tin = facts.Enterprise?.Tins ?? facts.Keys(FeedNames.Gdt),
            LinkMethod = facts.LinkOf(FeedNames.Nssf, record.NssfId)?.Method ?? "",
            LinkConfidence = facts.LinkOf(FeedNames.Nssf, record.NssfId)?.Confidence ?? 0,
        };
}

/// <summary>Filters of the duplicate list.</summary>
public sealed record DuplicateQuery(string? Province = null, string? District = null, string? Action = null);
