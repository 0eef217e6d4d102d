using System.Globalization;
using Integration.Core.Database;
using Integration.Core.Dates;
using Integration.Ingest.Feeds;
using Integration.Ingest.Validation;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Integration.Ingest.Loading;

/// <summary>
/// SQLite's bulk path (its counterpart of PostgreSQL COPY): the statements of <see cref="FeedSql"/> prepared
/// once per file on the connection's native handle and bound by position for every row. Microsoft.Data.Sqlite
/// would look every parameter up by name and convert every string to a new UTF-8 array per row, which at
/// national scale cost more than SQLite's own work. Runs inside the transaction the loader opened.
/// </summary>
internal sealed class SqliteFeedWriter : IFeedWriter
{
    private static readonly string[] KeyNames = ["@k0", "@k1", "@k2", "@k3"];
    private readonly FeedDefinition _feed;
    private readonly sqlite3 _db;
    private readonly string _asOf;
    private readonly SqliteStatement _upsert;
    private readonly SqliteStatement _touch;
    private readonly SqliteStatement? _remove;
    private readonly SqliteStatement _lowerFirstSeen;
    private readonly SqliteStatement _select;
    private readonly SqliteStatement _history;
    private readonly SqliteStatement _quarantine;
    private readonly SqliteStatement _fieldWarning;
    private readonly List<SqliteStatement> _all = [];
    private readonly int _keyCount;
    private readonly int[] _columnIndexes;

    public SqliteFeedWriter(SqliteConnection conn, FeedDefinition feed, long fileId, DateOnly asOf)
    {
        _feed = feed;
        _db = conn.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        _asOf = IsoDate.Format(asOf);
        var sql = new FeedSql(feed);
        _keyCount = sql.KeyCount;
        _upsert = Prepare(sql.Upsert);
        _touch = Prepare(sql.Touch);
        _remove = sql.Remove is null ? null : Prepare(sql.Remove);
        _lowerFirstSeen = Prepare(sql.LowerFirstSeen);
        _select = Prepare(sql.SelectStored);
        _history = Prepare(FeedSql.History);
        _quarantine = Prepare(FeedSql.Quarantine);
        _fieldWarning = Prepare(FeedSql.FieldWarning);
        _columnIndexes = feed.Columns.Select((_, i) => _upsert.Index("@c" + i)).ToArray();
        foreach (var s in _all)
        {
            s.BindIfPresent("@as_of", _asOf);
            s.BindIfPresent("@file_id", fileId);
            s.BindIfPresent("@feed", feed.Name);
        }
    }

    public void Insert(ParsedRow row, UInt128 hash)
    {
        Upsert(row, hash);
        History(row.Key!, "NEW", null, row.Line);
    }

    public void Replace(ParsedRow row, UInt128 hash, string change, bool compare)
    {
        var fields = compare ? ChangedFields(row) : null;
        Upsert(row, hash);
        History(row.Key!, change, fields, row.Line);
    }

    public void Touch(string key) => ExecuteForKey(_touch, key);

    public void Remove(string key)
    {
        ExecuteForKey(_remove ?? throw new InvalidOperationException($"{_feed.Name} is an append feed: nothing is removed."), key);
        History(key, "REMOVED", null, null);
    }

    public void LowerFirstSeen(string key) => ExecuteForKey(_lowerFirstSeen, key);

    public void Quarantine(long line, RowProblem problem, string raw)
    {
        var q = _quarantine;
        q.Bind("@line", line);
        q.Bind("@field", problem.Field);
        q.Bind("@reason", problem.Reason);
        q.Bind("@message", problem.Message);
        q.Bind("@raw", raw);
        q.Execute();
    }

    public void FieldWarning(long line, string key, FieldRepair repair)
    {
        var w = _fieldWarning;
        w.Bind("@line", line);
        w.Bind("@key", key);
        w.Bind("@field", repair.Field);
        w.Bind("@reason", repair.Reason);
        w.Bind("@action", repair.Action);
        w.Bind("@message", repair.Message);
        w.Bind("@original", repair.Original);
        w.Execute();
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
        foreach (var s in _all)
        {
            s.Dispose();
        }
    }

    private void Upsert(ParsedRow row, UInt128 hash)
    {
        var u = _upsert;
        var columns = _feed.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].IsNumber)
            {
                u.Bind(_columnIndexes[i], row.Numbers[i]);
            }
            else
            {
                u.Bind(_columnIndexes[i], row.Text[i]);
            }
        }

        if (_feed.StoredKeyColumn is not null)
        {
            u.Bind("@k0", row.Key);
        }

        u.Bind("@line", row.Line);
        u.Bind("@row_hash", ParsedRow.HashText(hash));
        u.Execute();
    }

    private void History(string key, string change, string? fields, long? line)
    {
        var h = _history;
        h.Bind("@key", key);
        h.Bind("@change", change);
        h.Bind("@fields", fields);
        h.Bind("@line", line);
        h.Execute();
    }

    /// <summary>Canonical columns that differ between the stored row and the new one, '|'-separated.</summary>
    private string? ChangedFields(ParsedRow row)
    {
        var s = _select;
        BindKey(s, row.Key!);
        if (!s.Step())
        {
            return null;
        }

        var changed = new List<string>();
        for (var i = 0; i < _feed.Columns.Count; i++)
        {
            var stored = s.Text(i);
            if (!string.Equals(stored, row.Text[i], StringComparison.Ordinal))
            {
                changed.Add(_feed.Columns[i].Name);
            }
        }

        s.Reset();
        return changed.Count == 0 ? null : string.Join('|', changed);
    }

    private void ExecuteForKey(SqliteStatement s, string key)
    {
        BindKey(s, key);
        s.Execute();
    }

    private void BindKey(SqliteStatement s, string key)
    {
        if (_feed.StoredKeyColumn is not null || _keyCount == 1)
        {
            s.Bind("@k0", key);
            return;
        }

        var parts = key.Split('|');
        for (var i = 0; i < parts.Length; i++)
        {
            s.Bind(KeyNames[i], parts[i]);
        }
    }

    private SqliteStatement Prepare(string sql)
    {
        var s = new SqliteStatement(_db, sql);
        _all.Add(s);
        return s;
    }
}
