using System.Data.Common;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Integration.Core.Database;

/// <summary>
/// A set of keys as one parameter (a JSON array, unpacked by the database: <c>json_each</c> on SQLite,
/// <c>jsonb_array_elements_text</c> on PostgreSQL), so thousands of keys take one statement with one text that the
/// databases can plan once, whatever the number of keys (Dapper's own list expansion, <c>IN @list</c>, sends Npgsql an
/// array that PostgreSQL's <c>IN</c> does not accept, and one parameter per key makes a new statement per count and
/// slows SQLite's linear lookup of named parameters); and the order a table is stored in, for reads that must give a table's rows
/// in the order a full scan of it gives them (the alerts batch, read in chunks of enterprises, keeps the order of
/// the records within an enterprise that the whole-register read had, so its "first value" choices stay the same).
/// </summary>
public static class KeySet
{
    /// <summary>
    /// <c>column IN (the keys)</c> with the keys bound as <c>@name</c>. An empty set matches nothing.
    /// </summary>
    public static string In(DbConnection conn, DynamicParameters args, string name, string column, IEnumerable<string> keys) =>
        In(conn, args, name, column, JsonSerializer.Serialize(keys.Distinct(StringComparer.Ordinal)), pgType: null);

    /// <summary><c>column IN (the ids)</c> for an integer column, the ids bound as <c>@name</c>. An empty set matches nothing.</summary>
    public static string In(DbConnection conn, DynamicParameters args, string name, string column, IEnumerable<long> ids) =>
        In(conn, args, name, column, JsonSerializer.Serialize(ids.Distinct()), pgType: "bigint");

    // PostgreSQL unpacks a JSON array as text, so a non-text column needs its elements cast; SQLite's json_each
    // gives each element its JSON type, which compares with the column as it is.
    private static string In(DbConnection conn, DynamicParameters args, string name, string column, string json, string? pgType)
    {
        args.Add(name, json);
        var element = $"jsonb_array_elements_text(CAST(@{name} AS jsonb))";
        return conn is NpgsqlConnection
            ? $"{column} IN (SELECT {(pgType is null ? element : $"CAST({element} AS {pgType})")})"
            : $"{column} IN (SELECT value FROM json_each(@{name}))";
    }

    /// <summary>
    /// The expression a full scan of a table returns its rows in: the rowid on SQLite (a table scan walks the
    /// rowid b-tree), the physical position <c>ctid</c> on PostgreSQL (a sequential scan reads the heap in order).
    /// Use it only with a table qualifier or on a single-table SELECT.
    /// </summary>
    public static string StorageOrder(DbConnection conn, string? alias = null) =>
        (alias is null ? "" : alias + ".") + (conn is NpgsqlConnection ? "ctid" : "rowid");
}
