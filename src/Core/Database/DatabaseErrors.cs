using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Integration.Core.Database;

/// <summary>
/// Says what went wrong with the database or the disk, as it is: the provider's own error with its code, and in
/// plain words when the disk is full or the database cannot be written. Safe to show: no connection string, no path.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>ENOSPC on Linux (28), ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static readonly int[] DiskFullHResults = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>A sentence naming the failure: "the disk is full (SQLite error 13: database or disk is full)".</summary>
    public static string Describe(Exception e)
    {
        var root = e is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerException! : e;
        return Kind(root) switch
        {
            DatabaseFailure.DiskFull => "the disk is full (" + Detail(root) + ")",
            DatabaseFailure.ReadOnly => "the database cannot be written (" + Detail(root) + ")",
            _ => Detail(root),
        };
    }

    /// <summary>What kind of failure this is, when it is one of the database or the disk.</summary>
    public static DatabaseFailure Kind(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 13 } => DatabaseFailure.DiskFull,                       // SQLITE_FULL
        SqliteException { SqliteErrorCode: 8 or 14 } => DatabaseFailure.ReadOnly,                  // SQLITE_READONLY, SQLITE_CANTOPEN
        SqliteException { SqliteErrorCode: 10 } => DatabaseFailure.Io,                             // SQLITE_IOERR
        SqliteException { SqliteErrorCode: 5 or 6 } => DatabaseFailure.Busy,                       // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException { SqlState: "53100" } => DatabaseFailure.DiskFull,                       // disk_full
        PostgresException { SqlState: "25006" } => DatabaseFailure.ReadOnly,                       // read_only_sql_transaction
        PostgresException { SqlState: var s } when s.StartsWith("08", StringComparison.Ordinal) => DatabaseFailure.Unavailable,
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } => DatabaseFailure.Unavailable,
        IOException io when DiskFullHResults.Contains(io.HResult & 0xFFFF) || DiskFullHResults.Contains(io.HResult) => DatabaseFailure.DiskFull,
        DbException => DatabaseFailure.Other,
        _ => DatabaseFailure.None,
    };

    private static string Detail(Exception e) => e switch
    {
        SqliteException s => string.Create(CultureInfo.InvariantCulture, $"SQLite error {s.SqliteErrorCode}: {Message(s)}"),
        PostgresException p => $"PostgreSQL {p.SqlState}: {p.MessageText}",
        _ => e.Message,
    };

    /// <summary>SQLite's message without Microsoft.Data.Sqlite's "SQLite Error 13: '...'." wrapping.</summary>
    private static string Message(SqliteException s)
    {
        var m = s.Message;
        var open = m.IndexOf('\'', StringComparison.Ordinal);
        var close = m.LastIndexOf('\'');
        return open >= 0 && close > open ? m[(open + 1)..close] : m;
    }
}

/// <summary>Database and disk failures that a caller answers differently (503 with Retry-After, "the disk is full"...).</summary>
public enum DatabaseFailure
{
    /// <summary>Not a database or disk failure.</summary>
    None,
    DiskFull,
    ReadOnly,
    Io,
    Busy,
    Unavailable,
    Other,
}
