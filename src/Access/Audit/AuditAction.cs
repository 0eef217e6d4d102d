namespace Integration.Access.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    /// <summary>A licence check was answered (subject: registration number; detail: decision, check id).</summary>
    LicenceCheck,

    /// <summary>A firm's records were shown (subject: enterprise id).</summary>
    FirmRead,

    /// <summary>A list of firms was read through the API (detail: filter, row count).</summary>
    ListRead,

    /// <summary>A list was exported to a file (detail: format, filter, row count).</summary>
    Export,

    /// <summary>A lead's status was set (subject: enterprise id; detail: status, note).</summary>
    LeadStatus,

    /// <summary>A clerk accepted or rejected a review pair (subject: the two records; detail: decision).</summary>
    ReviewDecision,

    /// <summary>Quarantined rows (raw text of rejected input) were shown (subject: file id).</summary>
    QuarantineRead,

    SignIn,

    SignInFailed,

    SignOut,

    AccountCreated,

    AccountChanged,

    PasswordSet,

    /// <summary>An admin browsed or verified the audit log itself.</summary>
    AuditRead,
}
