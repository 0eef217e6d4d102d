namespace Integration.Access.Audit;

/// <summary>Something to record: who did what to which subject, from which channel, within which scope.</summary>
public sealed record AuditEvent(string Actor, string Channel, AuditAction Action, string? Subject = null, string? ProvinceCode = null, string? Detail = null)
{
    public static AuditEvent By(Caller caller, AuditAction action, string? subject = null, string? detail = null) =>
        new(caller.Name, caller.Channel, action, subject, caller.ProvinceCode, detail);
}

/// <summary>One stored entry of the audit log, with its place in the hash chain.</summary>
public sealed record AuditEntry(
    long Seq,
    string At,
    string Actor,
    string Channel,
    string Action,
    string? Subject,
    string? ProvinceCode,
    string? Detail,
    string PrevHash,
    string Hash);

/// <summary>A filter of the admin's audit page; entries come newest first, <see cref="BeforeSeq"/> pages back.</summary>
public sealed record AuditFilter(string? Actor = null, AuditAction? Action = null, string? Subject = null, string? From = null, string? To = null, long? BeforeSeq = null, int Limit = 100);

/// <summary>Section <c>Access:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Access:Audit";

    /// <summary>
    /// Secret that keys the chain (HMAC-SHA256). Without it the chain is plain SHA-256: an edit or deletion is
    /// still found, but someone who can write the database could recompute every later hash. Set it from a
    /// secret store (Access__Audit__Key), never in a file, and keep it for the life of the log.
    /// </summary>
    public string? Key { get; set; }
}
