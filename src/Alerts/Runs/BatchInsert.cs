using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Integration.Alerts.Runs;

/// <summary>A column of a batched insert and the type its parameter is sent as (a null needs a type on PostgreSQL).</summary>
internal sealed record InsertColumn(string Name, DbType Type);

/// <summary>
/// Inserts many rows with multi-row <c>INSERT ... VALUES (...), (...)</c> statements: one round trip per
/// batch on PostgreSQL instead of one per row. Valid SQL for both.
/// </summary>
internal static class BatchInsert
{
    // Small on purpose: SQLite binds each named parameter by a linear search of the statement's names, so
    // the cost of a statement grows with the square of its parameters (4,000 a statement made storing a
    // national run's lists take minutes). About 250 keeps that negligible and PostgreSQL's round trips few.
    private const int MaxParameters = 250;

    public static long Run<T>(DbConnection conn, DbTransaction tx, string table, IReadOnlyList<InsertColumn> columns, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        var head = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ";
        var batch = new List<object?[]>(perStatement);
        var written = 0L;
        foreach (var row in rows)
        {
            batch.Add(values(row));
            if (batch.Count == perStatement)
            {
                written += Flush(conn, tx, head, columns, batch);
            }
        }

        return written + Flush(conn, tx, head, columns, batch);
    }

    private static int Flush(DbConnection conn, DbTransaction tx, string head, IReadOnlyList<InsertColumn> columns, List<object?[]> batch)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var args = new DynamicParameters();
        var tuples = new string[batch.Count];
        for (var r = 0; r < batch.Count; r++)
        {
            var names = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{c}");
                names[c] = "@" + name;
                args.Add(name, batch[r][c], columns[c].Type);
            }

            tuples[r] = "(" + string.Join(", ", names) + ")";
        }

        var count = conn.Execute(head + string.Join(",\n", tuples), args, tx);
        batch.Clear();
        return count;
    }
}
