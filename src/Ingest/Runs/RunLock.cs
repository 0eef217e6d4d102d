using System.Data.Common;
using Dapper;
using Integration.Core.Database;

namespace Integration.Ingest.Runs;

/// <summary>
/// One ingest at a time: the in-memory feed state of a run must not be overtaken by another run's commit.
/// PostgreSQL: a session advisory lock held for the run. SQLite: a process-wide semaphore per database
/// (hosts sharing one SQLite file are one process in practice; the file's write lock covers each commit).
/// </summary>
internal sealed class RunLock : IAsyncDisposable
{
    private const long Key = 7401002;
    private static readonly SemaphoreSlim Local = new(1, 1);
    private readonly DbConnection? _conn;

    private RunLock(DbConnection? conn) => _conn = conn;

    public static async Task<RunLock> AcquireAsync(Db db, CancellationToken ct)
    {
        if (!db.Dialect.IsPostgres)
        {
            await Local.WaitAsync(ct);
            return new RunLock(null);
        }

        var conn = await db.OpenAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = Key }, cancellationToken: ct));
        return new RunLock(conn);
    }

    public async ValueTask DisposeAsync()
    {
        if (_conn is null)
        {
            Local.Release();
            return;
        }

        await _conn.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = Key });
        await _conn.DisposeAsync();
    }
}
