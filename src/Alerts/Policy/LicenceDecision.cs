namespace Integration.Alerts.Policy;

public static class Decisions
{
    public const string Allow = "ALLOW";
    public const string Block = "BLOCK";
    public const string Review = "REVIEW";
}

public static class ReasonCodes
{
    public const string Current = "CURRENT";
    public const string NoEmployeesDeclared = "NO_EMPLOYEES_DECLARED";
    public const string NotRegistered = "NOT_REGISTERED";
    public const string Arrears = "ARREARS";
    public const string UncertainMatch = "UNCERTAIN_MATCH";

    /// <summary>The registration was removed from the latest MoC extract: no check is made on it.</summary>
    public const string NotInCurrentRegister = "NOT_IN_CURRENT_REGISTER";
}

/// <summary>A reason code and the sentence that explains it to the officer.</summary>
public sealed record Reason(string Code, string Text)
{
    public override string ToString() => $"{Code}: {Text}";
}

/// <summary>
/// The answer to one licence check (outputs.md, "MoC licensing officers"), with the evidence it rests on.
/// </summary>
public sealed record LicenceDecision(
    string RegistrationNo,
    string? EnterpriseId,
    string? NssfId,
    string Decision,
    IReadOnlyList<Reason> Reasons,
    string? PaidThrough,
    int UnpaidPeriods,
    long ArrearsKhr,
    DateOnly AsOf,
    string? RunId,
    CheckEvidence Evidence)
{
    public string ReasonCodes => string.Join('|', Reasons.Select(r => r.Code));

    /// <summary>The reasons as one cell: <c>CODE: sentence; CODE: sentence</c>.</summary>
    public string ReasonText => string.Join("; ", Reasons.Select(r => r.ToString()));
}

/// <summary>What a decision rests on, stored as JSON in the check log: links with their match run and whether
/// certain pairs join them to R, the pairs (with their bands) that say so, the source records with file and
/// line, the contribution rows and the policy numbers in force; for a REVIEW, the uncertain links it turns on.</summary>
public sealed record CheckEvidence(
    IReadOnlyList<EvidenceLink> Links,
    IReadOnlyList<EvidenceRecord> Records,
    IReadOnlyList<EvidenceContribution> Contributions,
    string? EmployeesEvidence,
    string? WindowFrom,
    string? LatestDue,
    IReadOnlyList<string> UnpaidMonths,
    string? DecisionWithoutReview,
    LicencePolicyOptions Policy)
{
    /// <summary>The stored pairs among the enterprise's records, and review-band pairs to candidates in other enterprises.</summary>
    public IReadOnlyList<EvidencePair> Pairs { get; init; } = [];

    /// <summary>For a REVIEW: the review-band links whose confirmation or rejection changes the decision.</summary>
    public IReadOnlyList<string> UncertainLinks { get; init; } = [];
}

/// <param name="Method">How the matcher linked the record (id, fuzzy, clerk, review, single).</param>
public sealed record EvidenceLink(string Feed, string SourceKey, string EnterpriseId, string Method, double Confidence, string RunId)
{
    /// <summary>True when a path of certain pairs (automatic or clerk-accepted) joins the record to R.</summary>
    public bool CertainlyJoined { get; init; }
}

/// <param name="Band">LINK, REVIEW or CLERK_ACCEPT, as match_pairs holds it (of the links' match run).</param>
public sealed record EvidencePair(string FeedA, string KeyA, string FeedB, string KeyB, string Band, double Probability);

public sealed record EvidenceRecord(string Feed, string SourceKey, string? Status, long FileId, long Line, string? FirstSeenOn, bool Current)
{
    public string? LastSeenOn { get; init; }

    /// <summary>The enterprise the record is linked to (another one for a review-band candidate placed elsewhere).</summary>
    public string? EnterpriseId { get; init; }

    public bool CertainlyJoined { get; init; }
}

public sealed record EvidenceContribution(string NssfId, string Period, long? DueKhr, long? PaidKhr, long FileId, long Line);
