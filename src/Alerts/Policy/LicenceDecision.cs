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

/// <summary>What a decision rests on, stored as JSON in the check log: links with their match run, the
/// source records with file and line, the contribution rows and the policy numbers in force.</summary>
public sealed record CheckEvidence(
    IReadOnlyList<EvidenceLink> Links,
    IReadOnlyList<EvidenceRecord> Records,
    IReadOnlyList<EvidenceContribution> Contributions,
    string? EmployeesEvidence,
    string? WindowFrom,
    string? LatestDue,
    IReadOnlyList<string> UnpaidMonths,
    string? DecisionWithoutReview,
    LicencePolicyOptions Policy);

public sealed record EvidenceLink(string Feed, string SourceKey, string EnterpriseId, string Method, double Confidence, string RunId);

public sealed record EvidenceRecord(string Feed, string SourceKey, string? Status, long FileId, long Line, string? FirstSeenOn, bool Current);

public sealed record EvidenceContribution(string NssfId, string Period, long? DueKhr, long? PaidKhr, long FileId, long Line);
