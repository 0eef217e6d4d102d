using System.Data;
using System.Data.Common;
using System.Globalization;
using Integration.Ingest.Feeds;
using Integration.Ingest.Validation;

namespace Integration.Ingest.Loading;

/// <summary>
/// Writes one file's changes through commands prepared once and reused for every row, all inside the
/// file's transaction. Works on SQLite and PostgreSQL alike (parameters typed explicitly so Npgsql never
/// guesses a boolean or a date).
/// </summary>
public sealed class FeedWriter : IFeedWriter
{
    private readonly FeedDefinition _feed;
    private readonly DbCommand _upsert;
    private readonly DbCommand _touch;
    private readonly DbCommand? _remove;
    private readonly DbCommand _lowerFirstSeen;
    private readonly DbCommand _select;
    private readonly DbCommand _history;
    private readonly DbCommand _quarantine;
    private readonly List<DbCommand> _all = [];

    public FeedWriter(DbConnection conn, DbTransaction tx, FeedDefinition feed, long fileId, DateOnly asOf)
    {
        _feed = feed;
        var sql = new FeedSql(feed);
        var asOfText = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        DbCommand Make(string text)
        {
            var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = text;
            _all.Add(cmd);
            return cmd;
        }

        void Keys(DbCommand cmd)
        {
            for (var i = 0; i < sql.KeyCount; i++)
            {
                Add(cmd, "@k" + i, DbType.String);
            }
        }

        _upsert = Make(sql.Upsert);
        for (var i = 0; i < feed.Columns.Count; i++)
        {
            Add(_upsert, "@c" + i, feed.Columns[i].IsNumber ? DbType.Int64 : DbType.String);
        }

        if (feed.StoredKeyColumn is not null)
        {
            Add(_upsert, "@k0", DbType.String);
        }

        Add(_upsert, "@file_id", DbType.Int64, fileId);
        Add(_upsert, "@line", DbType.Int64);
        Add(_upsert, "@row_hash", DbType.String);
        Add(_upsert, "@as_of", DbType.String, asOfText);

        _touch = Make(sql.Touch);
        Keys(_touch);
        Add(_touch, "@as_of", DbType.String, asOfText);
        if (sql.Remove is not null)
        {
            _remove = Make(sql.Remove);
            Keys(_remove);
        }

        _lowerFirstSeen = Make(sql.LowerFirstSeen);
        Keys(_lowerFirstSeen);
        Add(_lowerFirstSeen, "@as_of", DbType.String, asOfText);
        _select = Make(sql.SelectStored);
        Keys(_select);

        _history = Make(FeedSql.History);
        Add(_history, "@feed", DbType.String, feed.Name);
        Add(_history, "@key", DbType.String);
        Add(_history, "@as_of", DbType.String, asOfText);
        Add(_history, "@change", DbType.String);
        Add(_history, "@fields", DbType.String);
        Add(_history, "@file_id", DbType.Int64, fileId);
        Add(_history, "@line", DbType.Int64);

        _quarantine = Make(FeedSql.Quarantine);
        Add(_quarantine, "@file_id", DbType.Int64, fileId);
        Add(_quarantine, "@feed", DbType.String, feed.Name);
        Add(_quarantine, "@line", DbType.Int64);
        Add(_quarantine, "@field", DbType.String);
        Add(_quarantine, "@reason", DbType.String);
        Add(_quarantine, "@message", DbType.String);
        Add(_quarantine, "@raw", DbType.String);

        foreach (var cmd in _all)
        {
            cmd.Prepare();
        }
    }

    public void Insert(ParsedRow row, UInt128 hash)
    {
        Upsert(row, ParsedRow.HashText(hash));
        History(row.Key!, "NEW", null, row.Line);
    }

    public void Replace(ParsedRow row, UInt128 hash, string change, bool compare)
    {
        var fields = compare ? ChangedFields(row.Key!, row) : null;
        Upsert(row, ParsedRow.HashText(hash));
        History(row.Key!, change, fields, row.Line);
    }

    public void Complete()
    {
    }

    /// <summary>Inserts the row, or replaces the stored one (keeping first_seen_on) and makes it current.</summary>
    private void Upsert(ParsedRow row, string rowHash)
    {
        var p = _upsert.Parameters;
        var columns = _feed.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            p[i].Value = columns[i].IsNumber ? (row.Numbers[i] is { } n ? n : DBNull.Value) : (object?)row.Text[i] ?? DBNull.Value;
        }

        var at = columns.Count;
        if (_feed.StoredKeyColumn is not null)
        {
            p[at++].Value = row.Key;
        }

        at++; // file_id
        p[at++].Value = row.Line;
        p[at].Value = rowHash;
        _upsert.ExecuteNonQuery();
    }

    public void Touch(string key) => ExecuteForKey(_touch, key);

    public void Remove(string key)
    {
        ExecuteForKey(_remove ?? throw new InvalidOperationException($"{_feed.Name} is an append feed: nothing is removed."), key);
        History(key, "REMOVED", null, null);
    }

    public void LowerFirstSeen(string key) => ExecuteForKey(_lowerFirstSeen, key);

    /// <summary>Canonical columns that differ between the stored row and the new one, '|'-separated.</summary>
    internal string? ChangedFields(string key, ParsedRow row)
    {
        SetKey(_select, key);
        using var reader = _select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var changed = new List<string>();
        for (var i = 0; i < _feed.Columns.Count; i++)
        {
            var stored = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            if (!string.Equals(stored, row.Text[i], StringComparison.Ordinal))
            {
                changed.Add(_feed.Columns[i].Name);
            }
        }

        return changed.Count == 0 ? null : string.Join('|', changed);
    }

    private void History(string key, string change, string? changedFields, long? line)
    {
        var p = _history.Parameters;
        p[1].Value = key;
        p[3].Value = change;
        p[4].Value = (object?)changedFields ?? DBNull.Value;
        p[6].Value = line is { } l ? l : DBNull.Value;
        _history.ExecuteNonQuery();
    }

    public void Quarantine(long line, RowProblem problem, string raw)
    {
        var p = _quarantine.Parameters;
        p[2].Value = line;
        p[3].Value = (object?)problem.Field ?? DBNull.Value;
        p[4].Value = problem.Reason;
        p[5].Value = problem.Message;
        p[6].Value = raw;
        _quarantine.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var cmd in _all)
        {
            cmd.Dispose();
        }
    }

    private void ExecuteForKey(DbCommand cmd, string key)
    {
        SetKey(cmd, key);
        cmd.ExecuteNonQuery();
    }

    private void SetKey(DbCommand cmd, string key)
    {
        if (_feed.StoredKeyColumn is not null || _feed.KeyColumns.Count == 1)
        {
            cmd.Parameters[0].Value = key;
            return;
        }

        var parts = key.Split('|');
        for (var i = 0; i < parts.Length; i++)
        {
            cmd.Parameters[i].Value = parts[i];
        }
    }

    private static void Add(DbCommand cmd, string name, DbType type, object? value = null)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
