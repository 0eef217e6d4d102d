using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Integration.Core.Database;

/// <summary>
/// The one way to insert many rows, on both databases, inside the caller's transaction: on SQLite one INSERT
/// prepared on the native handle and re-bound by position for every row (<see cref="SqliteStatement"/>); on
/// PostgreSQL binary COPY (a round trip per row, or per multi-row INSERT, would take minutes at national scale).
/// A row is an array of values in column order: string, long, int, bool (stored 0/1), double or null. On
/// PostgreSQL each value is sent in the type the table declares for its column (read from the catalog once per
/// call), so callers never restate a table's types, and a value that does not fit its column fails naming both.
/// </summary>
public static class BulkInsert
{
    /// <summary>Inserts <paramref name="rows"/> into <paramref name="table"/>; returns how many.</summary>
    public static long Write(DbConnection conn, DbTransaction tx, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        CheckTransaction(conn, tx);
        if (conn is NpgsqlConnection pg)
        {
            var types = ColumnTypes(pg, tx, table, columns);
            using var importer = pg.BeginBinaryImport(CopyCommand(table, columns));
            var count = 0L;
            foreach (var row in rows)
            {
                importer.StartRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    Write(importer, table, columns[i], types[i], row[i]);
                }

                count++;
            }

            importer.Complete();
            return count;
        }

        return InsertSqlite((SqliteConnection)conn, table, columns, rows, CancellationToken.None);
    }

    /// <summary>
    /// As <see cref="Write"/>, with the rows made on another thread a few hundred ahead of the writer: making a
    /// row (evidence texts, JSON) can take as long as inserting it, and the connection uses one core only.
    /// </summary>
    public static async Task<long> WriteAsync(DbConnection conn, DbTransaction tx, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        CheckTransaction(conn, tx);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            var ahead = MadeAhead(rows, stop.Token);
            if (conn is not NpgsqlConnection pg)
            {
                return InsertSqlite((SqliteConnection)conn, table, columns, ahead, ct);
            }

            var types = ColumnTypes(pg, tx, table, columns);
            await using var importer = await pg.BeginBinaryImportAsync(CopyCommand(table, columns), ct);
            var count = 0L;
            foreach (var row in ahead)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++)
                {
                    Write(importer, table, columns[i], types[i], row[i]);
                }

                count++;
            }

            await importer.CompleteAsync(ct);
            return count;
        }
        finally
        {
            await stop.CancelAsync(); // a failed write must not leave the row maker waiting for room
        }
    }

    private static void CheckTransaction(DbConnection conn, DbTransaction tx)
    {
        if (!ReferenceEquals(tx.Connection, conn))
        {
            throw new ArgumentException("The transaction is not the connection's: a bulk insert runs inside its caller's transaction.", nameof(tx));
        }
    }

    private static long InsertSqlite(SqliteConnection conn, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        // Microsoft.Data.Sqlite would look every parameter up by name per row: 837k links took 5.7 s through it, 4.2 s natively.
        // Multi-row VALUES statements (10 or 50 rows each) were measured no faster than one row per prepared statement.
        using var insert = new SqliteStatement(conn, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})");
        var count = 0L;
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Bind(i + 1, row[i] is bool b ? (b ? 1 : 0) : row[i]);
            }

            insert.Execute();
            count++;
        }

        return count;
    }

    private static string CopyCommand(string table, IReadOnlyList<string> columns) =>
        $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>The declared type of each column (a temporary table of the session included), in the order given.</summary>
    private static NpgsqlDbType[] ColumnTypes(NpgsqlConnection conn, DbTransaction tx, string table, IReadOnlyList<string> columns)
    {
        var declared = conn.Query<(string Name, string Type)>(
                "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " WHERE a.attrelid = to_regclass(@table) AND a.attnum > 0 AND NOT a.attisdropped",
                new { table },
                tx)
            .ToDictionary(c => c.Name, c => c.Type, StringComparer.OrdinalIgnoreCase);
        return columns.Select(c => declared.TryGetValue(c, out var type)
                ? type switch
                {
                    "text" or "varchar" or "bpchar" => NpgsqlDbType.Text,
                    "int8" => NpgsqlDbType.Bigint,
                    "int4" => NpgsqlDbType.Integer,
                    "int2" => NpgsqlDbType.Smallint,
                    "float8" => NpgsqlDbType.Double,
                    "float4" => NpgsqlDbType.Real,
                    "bool" => NpgsqlDbType.Boolean,
                    _ => throw new NotSupportedException($"Bulk insert into {table}.{c}: column type {type} is not supported."),
                }
                : throw new ArgumentException($"Bulk insert into {table}: the table has no column {c}."))
            .ToArray();
    }

    private static void Write(NpgsqlBinaryImporter importer, string table, string column, NpgsqlDbType type, object? value)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                return;
            case string s when type == NpgsqlDbType.Text:
                importer.Write(s, NpgsqlDbType.Text);
                return;
            case double d when type is NpgsqlDbType.Double:
                importer.Write(d, NpgsqlDbType.Double);
                return;
            case double d when type is NpgsqlDbType.Real:
                importer.Write((float)d, NpgsqlDbType.Real);
                return;
            case bool b when type == NpgsqlDbType.Boolean:
                importer.Write(b, NpgsqlDbType.Boolean);
                return;
        }

        var whole = value switch
        {
            long l => l,
            int n => n,
            bool b => b ? 1 : 0,
            _ => throw new ArgumentException($"Bulk insert into {table}.{column}: a {value.GetType().Name} does not fit a {type} column."),
        };
        switch (type)
        {
            case NpgsqlDbType.Bigint:
                importer.Write(whole, NpgsqlDbType.Bigint);
                break;
            case NpgsqlDbType.Integer:
                importer.Write(checked((int)whole), NpgsqlDbType.Integer);
                break;
            case NpgsqlDbType.Smallint:
                importer.Write(checked((short)whole), NpgsqlDbType.Smallint);
                break;
            case NpgsqlDbType.Double:
                importer.Write((double)whole, NpgsqlDbType.Double);
                break;
            default:
                throw new ArgumentException($"Bulk insert into {table}.{column}: a {value.GetType().Name} does not fit a {type} column.");
        }
    }

    private static IEnumerable<object?[]> MadeAhead(IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var queue = new BlockingCollection<object?[][]>(boundedCapacity: 16);
        var maker = Task.Run(
            () =>
            {
                try
                {
                    foreach (var chunk in rows.Chunk(256))
                    {
                        queue.Add(chunk, ct);
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            ct);
        foreach (var chunk in queue.GetConsumingEnumerable(ct))
        {
            foreach (var row in chunk)
            {
                yield return row;
            }
        }

        maker.GetAwaiter().GetResult(); // an error making rows surfaces in the writer
    }
}
