using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Integration.Core.Database;

/// <summary>
/// One statement prepared on a SQLite connection's native handle, executed many times with values bound by
/// position: SQLite's bulk path, its counterpart of PostgreSQL COPY. Microsoft.Data.Sqlite looks every
/// parameter up by name and builds a data reader for every execution, which at national scale costs more
/// than SQLite's own work. Runs inside whatever transaction the connection has open.
/// </summary>
public sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    public SqliteStatement(SqliteConnection conn, string sql)
        : this(conn.Handle ?? throw new InvalidOperationException("The SQLite connection is not open."), sql)
    {
    }

    public SqliteStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out var stmt));
        Handle = stmt;
    }

    public sqlite3_stmt Handle { get; }

    public void BindIfPresent(string name, object value)
    {
        var i = raw.sqlite3_bind_parameter_index(Handle, name);
        if (i > 0)
        {
            Bind(i, value);
        }
    }

    /// <summary>Binds the 1-based parameter <paramref name="index"/> to a string, long, int, double or null.</summary>
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null:
                BindNull(index);
                break;
            case string s:
                Bind(index, s);
                break;
            case long l:
                Bind(index, l);
                break;
            case int n:
                Bind(index, n);
                break;
            case double d:
                BindDouble(index, d);
                break;
            default:
                throw new ArgumentException($"Unsupported value type {value.GetType().Name} for parameter {index}.");
        }
    }

    public void Bind(string name, string? value) => Bind(Index(name), value);

    public void Bind(string name, long? value) => Bind(Index(name), value);

    /// <summary>Binds the 1-based parameter <paramref name="index"/>.</summary>
    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(Handle, index) : raw.sqlite3_bind_text16(Handle, index, value.AsSpan()));

    public void Bind(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(Handle, index, v) : raw.sqlite3_bind_null(Handle, index));

    public void BindDouble(int index, double value) => Check(raw.sqlite3_bind_double(Handle, index, value));

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(Handle, index));

    /// <summary>Runs the statement to completion (no rows expected) and makes it ready for the next row.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(Handle);
        raw.sqlite3_reset(Handle);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    /// <summary>Moves to the next result row: false after the last one (the statement is then reset).</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(Handle);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(Handle);
        Check(rc);
        return false;
    }

    public int ColumnCount => raw.sqlite3_column_count(Handle);

    /// <summary>The current row's value in column <paramref name="index"/> (0-based): string, long, double, byte[] or null.</summary>
    public object? Value(int index) => raw.sqlite3_column_type(Handle, index) switch
    {
        raw.SQLITE_NULL => null,
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(Handle, index),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(Handle, index),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(Handle, index).ToArray(),
        _ => raw.sqlite3_column_text(Handle, index).utf8_to_string(),
    };

    /// <summary>The current row's column <paramref name="index"/> as text (null for NULL), without boxing.</summary>
    public string? Text(int index) =>
        raw.sqlite3_column_type(Handle, index) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(Handle, index).utf8_to_string();

    public void Reset() => raw.sqlite3_reset(Handle);

    public void Dispose() => Handle.Dispose();

    /// <summary>The position of a named parameter (looked up once per name).</summary>
    public int Index(string name)
    {
        if (!_indexes.TryGetValue(name, out var i))
        {
            i = raw.sqlite3_bind_parameter_index(Handle, name);
            _indexes[name] = i > 0 ? i : throw new InvalidOperationException($"Parameter {name} is not in the statement.");
        }

        return i;
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
