using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Integration.Core.Database;

/// <summary>Ending a transaction that failed, without losing why it failed.</summary>
public static class Transactions
{
    /// <summary>
    /// Rolls back a transaction whose work failed. SQLite ends a transaction by itself on some errors (a full disk,
    /// an I/O error); a ROLLBACK then fails with "cannot rollback - no transaction is active", and an exception
    /// thrown while the failed work is being unwound would replace the error that matters. So: when SQLite has
    /// already rolled back, a no-op transaction is opened for the provider's ROLLBACK to end; any error of the
    /// rollback itself is swallowed, because the caller is reporting the failure that caused it.
    /// </summary>
    public static async Task AbandonAsync(this DbTransaction tx)
    {
        var handle = (tx.Connection as SqliteConnection)?.Handle;
        try
        {
            if (handle is not null && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0)
            {
                SQLitePCL.raw.sqlite3_exec(handle, "BEGIN");
            }

            await tx.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The database is in trouble (that is why we are here); the original error is the one to report.
        }
        finally
        {
            if (handle is not null && !handle.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
            {
                SQLitePCL.raw.sqlite3_exec(handle, "ROLLBACK"); // never hand a connection back to the pool inside a transaction
            }
        }
    }
}
