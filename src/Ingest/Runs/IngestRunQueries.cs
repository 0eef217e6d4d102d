using Dapper;
using Integration.Core.Database;

namespace Integration.Ingest.Runs;

/// <summary>One row of ingest_runs.</summary>
public sealed record IngestRunRow(
    string RunId, string StartedAt, string? FinishedAt, string Trigger, string Outcome, long FilesSeen, long FilesLoaded,
    long FilesRejected, long FilesSkipped, long RowsRead, long RowsLoaded, long RowsQuarantined, string? Error);

/// <summary>One delivered file (source_files) with its counts and, when refused whole, why.</summary>
public sealed record SourceFileRow(
    long FileId, string Feed, string LandingPath, string AsOf, string ReceivedAt, string RunId, string Status,
    long RowsRead, long RowsLoaded, long RowsQuarantined, string? UnknownColumns, string? Error);

/// <summary>One quarantined row: where it was (file, line, field), why, and the raw text as delivered.</summary>
public sealed record QuarantinedRow(long Id, long FileId, string Feed, long Line, string? Field, string Reason, string Message, string? Raw);

/// <summary>How many rows of a file were quarantined for one reason.</summary>
public sealed record QuarantineCount(long FileId, string Reason, long Rows);

/// <summary>The read side of ingest for operators: runs, their files, quarantine per file, and file names by id.</summary>
public sealed class IngestRunQueries(Db db)
{
    private const string FileColumns = "file_id, feed, landing_path, as_of, received_at, run_id, status, rows_read, rows_loaded, rows_quarantined, unknown_columns, error";

    public async Task<IReadOnlyList<IngestRunRow>> RunsAsync(int limit = 50, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<IngestRunRow>(new CommandDefinition(
            """
            SELECT run_id, started_at, finished_at, trigger, outcome, files_seen, files_loaded, files_rejected, files_skipped,
                rows_read, rows_loaded, rows_quarantined, error
            FROM ingest_runs ORDER BY started_at DESC, run_id DESC LIMIT @limit
            """,
            new { limit = (long)Math.Clamp(limit, 1, 1000) }, cancellationToken: ct))).AsList();
    }

    public async Task<IngestRunRow?> RunAsync(string runId, CancellationToken ct = default) =>
        (await RunsAsync(1000, ct)).FirstOrDefault(r => r.RunId == runId);

    /// <summary>The files a run took in (loaded, stale or rejected), in feed and as-of order.</summary>
    public async Task<IReadOnlyList<SourceFileRow>> FilesAsync(string runId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<SourceFileRow>(new CommandDefinition(
            $"SELECT {FileColumns} FROM source_files WHERE run_id = @runId ORDER BY feed, as_of, file_id", new { runId }, cancellationToken: ct))).AsList();
    }

    public async Task<SourceFileRow?> FileAsync(long fileId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.QueryFirstOrDefaultAsync<SourceFileRow>(new CommandDefinition(
            $"SELECT {FileColumns} FROM source_files WHERE file_id = @fileId", new { fileId }, cancellationToken: ct));
    }

    /// <summary>Delivered file names by id, for showing where a record came from (file and line).</summary>
    public async Task<IReadOnlyDictionary<long, string>> PathsAsync(IEnumerable<long> fileIds, CancellationToken ct = default)
    {
        var result = new Dictionary<long, string>();
        await using var conn = await db.OpenAsync(ct);
        var args = new DynamicParameters();
        foreach (var (id, path) in await conn.QueryAsync<(long, string)>(new CommandDefinition(
            "SELECT file_id, landing_path FROM source_files WHERE " + KeySet.In(conn, args, "f", "file_id", fileIds), args, cancellationToken: ct)))
        {
            result[id] = path;
        }

        return result;
    }

    /// <summary>Quarantine counts by file and reason for the files of a run.</summary>
    public async Task<IReadOnlyList<QuarantineCount>> QuarantineCountsAsync(string runId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<QuarantineCount>(new CommandDefinition(
            """
            SELECT q.file_id, q.reason, COUNT(*) AS rows FROM quarantine q JOIN source_files s ON s.file_id = q.file_id
            WHERE s.run_id = @runId GROUP BY q.file_id, q.reason ORDER BY q.file_id, COUNT(*) DESC
            """,
            new { runId }, cancellationToken: ct))).AsList();
    }

    /// <summary>A page of one file's quarantined rows in line order, optionally of one reason.</summary>
    public async Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync(long fileId, string? reason = null, long afterLine = 0, int limit = 100, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<QuarantinedRow>(new CommandDefinition(
            "SELECT id, file_id, feed, line, field, reason, message, raw FROM quarantine WHERE file_id = @fileId AND line > @afterLine"
                + (string.IsNullOrWhiteSpace(reason) ? "" : " AND reason = @reason")
                + " ORDER BY line, id LIMIT @limit",
            new { fileId, afterLine, reason = reason?.Trim(), limit = (long)Math.Clamp(limit, 1, 1000) }, cancellationToken: ct))).AsList();
    }
}
