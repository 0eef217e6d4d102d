using Dapper;
using Integration.Core.Database;

namespace Integration.Ingest.Runs;

/// <summary>A snapshot the removal guard held: what it would remove, and who confirmed it, if anyone has.</summary>
public sealed record HeldSnapshot(
    long FileId,
    string Feed,
    string LandingPath,
    string AsOf,
    long? Removals,
    string ReceivedAt,
    string? Reason,
    string? ConfirmedBy,
    string? ConfirmedAt,
    string? ConfirmNote);

/// <summary>
/// The operators' side of the removal guard: the snapshots waiting for a decision, and the confirmation that
/// lets the next ingest of the feed apply one (its REMOVED history then names the confirmed file).
/// </summary>
public sealed class HeldSnapshots(Db db, TimeProvider clock)
{
    private const string Select = """
        SELECT file_id AS FileId, feed AS Feed, landing_path AS LandingPath, as_of AS AsOf, held_removals AS Removals,
               received_at AS ReceivedAt, error AS Reason, confirmed_by AS ConfirmedBy, confirmed_at AS ConfirmedAt, confirm_note AS ConfirmNote
        FROM source_files WHERE status = 'HELD'
        """;

    /// <summary>Every held snapshot, oldest first (confirmed ones too, until an ingest applies them).</summary>
    public async Task<IReadOnlyList<HeldSnapshot>> ListAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<HeldSnapshot>(new CommandDefinition(Select + " ORDER BY file_id", cancellationToken: ct))).AsList();
    }

    /// <summary>Confirms a held snapshot; null when <paramref name="fileId"/> is not held (unknown, or applied already).</summary>
    public async Task<HeldSnapshot?> ConfirmAsync(long fileId, string by, string? note, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            throw new ArgumentException("Who confirms the removals ('by') is required.", nameof(by));
        }

        await using var conn = await db.OpenAsync(ct);
        var changed = await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE source_files SET confirmed_by = @by, confirmed_at = @at, confirm_note = @note WHERE file_id = @fileId AND status = 'HELD'",
            new { fileId, by = by.Trim(), at = clock.GetUtcNow().ToString("O"), note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() },
            cancellationToken: ct));
        return changed == 0
            ? null
            : await conn.QuerySingleAsync<HeldSnapshot>(new CommandDefinition(Select + " AND file_id = @fileId", new { fileId }, cancellationToken: ct));
    }
}
