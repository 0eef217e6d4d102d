namespace Integration.Ingest.Runs;

/// <summary>What happened to one delivered file in a run.</summary>
public static class FileStatus
{
    /// <summary>Applied to the feed's tables.</summary>
    public const string Loaded = "LOADED";

    /// <summary>
    /// A snapshot older than one already applied: validated and archived, rows quarantined as usual, but it
    /// does not change current state (it can only move first_seen_on earlier).
    /// </summary>
    public const string Stale = "STALE";

    /// <summary>The whole file was refused; nothing of it was applied.</summary>
    public const string Rejected = "REJECTED";

    /// <summary>The same bytes as an earlier delivery, under another name: recorded, not applied.</summary>
    public const string Duplicate = "DUPLICATE";

    /// <summary>Already processed in an earlier run.</summary>
    public const string Skipped = "SKIPPED";

    /// <summary>
    /// A snapshot that would remove more of its feed than Ingest:RemovalGuard:MaxShare: nothing applied, waiting
    /// for an operator (<c>integration ingest --confirm-removal FILE_ID</c>, <c>POST /api/ingest/held/{file_id}/confirm</c>).
    /// </summary>
    public const string Held = "HELD";
}

/// <summary>One delivered file's result: counts reconcile as RowsRead = RowsLoaded + RowsQuarantined.</summary>
public sealed record FileOutcome(
    string Feed,
    string LandingPath,
    string Status,
    long? FileId,
    string Sha256,
    string AsOf,
    long RowsRead,
    long RowsLoaded,
    long RowsQuarantined,
    IReadOnlyList<string> UnknownColumns,
    string? Error,
    FileChanges Changes,
    long? DuplicateOf = null);

/// <summary>How the file changed its feed: counts of record_history entries by kind.</summary>
public sealed record FileChanges(long New, long Changed, long Removed, long Reappeared, long Corrected, long Unchanged)
{
    public static FileChanges None { get; } = new(0, 0, 0, 0, 0, 0);
}
