using System.Data.Common;

namespace Integration.Core.Database;

/// <summary>
/// The one writer of the log tables (<see cref="MigrationSet.LogTables"/>: the check log, the audit log) in this
/// process: every entry waiting at a moment, of either log, is written in one transaction of <see cref="Db.OpenLog"/>
/// (group commit, <see cref="GroupCommit{TItem, TResult}"/>), and each caller's task completes once that transaction
/// is committed. One writer rather than one per log: a licence check writes its check row and then its audit entry,
/// and two writers of the one SQLite log file took turns at its write lock, the loser sleeping in SQLite's busy
/// handler (1, 2, 5, 10 ms...) while the other waited for its fsync; now the rows of both logs share each commit and
/// its fsync, and nothing in the process waits for the lock.
/// </summary>
public sealed class LogWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;
    private readonly Db _db;
    private readonly GroupCommit<Func<DbConnection, DbTransaction, long>, long> _writer;

    public LogWriter(Db db)
    {
        _db = db;
        _writer = new GroupCommit<Func<DbConnection, DbTransaction, long>, long>("log database", MaxBatch, WriteAsync);
    }

    public Db Db => _db;

    /// <summary>
    /// Queues <paramref name="write"/>, which runs inside the batch's transaction (after the entries queued before it,
    /// whose rows it sees) and returns the entry's id; completes with that id once the transaction is committed, or
    /// with the batch's exception: what could not be recorded is not answered.
    /// </summary>
    public Task<long> WriteAsync(Func<DbConnection, DbTransaction, long> write) => _writer.WriteAsync(write);

    private async Task<long[]> WriteAsync(IReadOnlyList<Func<DbConnection, DbTransaction, long>> batch)
    {
        var ids = new long[batch.Count];
        await using var conn = await _db.OpenLogAsync();
        var tx = await conn.BeginTransactionAsync();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                ids[i] = batch[i](conn, tx);
            }

            await tx.CommitAsync();
        }
        catch
        {
            await tx.AbandonAsync(); // a full disk is reported as such, not as "cannot rollback"
            throw;
        }
        finally
        {
            await tx.DisposeAsync();
        }

        return ids;
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();
}
