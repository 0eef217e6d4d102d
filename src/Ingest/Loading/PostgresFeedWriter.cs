using System.Globalization;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Dates;
using Integration.Ingest.Feeds;
using Integration.Ingest.Validation;
using Npgsql;

namespace Integration.Ingest.Loading;

/// <summary>
/// PostgreSQL's bulk path: rows, history and quarantine are buffered and sent in batches with binary COPY
/// (one round trip per batch instead of per row). Rows go into a temporary staging table and are upserted
/// from it with the same INSERT ... ON CONFLICT as the per-row statement; touched and removed keys are staged
/// the same way and applied with one UPDATE each. Everything runs in the file's transaction (the temporary
/// tables are dropped at its end). The stored row a changed row is compared with is read when the change is
/// seen: keys are unique within a file, so no buffered write can have touched it yet. COPY is Core's
/// <see cref="BulkInsert"/>.
/// </summary>
internal sealed class PostgresFeedWriter : IFeedWriter
{
    private const int BatchRows = 5_000;
    private const string KeyStage = "ingest_stage_keys";

    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly FeedDefinition _feed;
    private readonly FeedSql _sql;
    private readonly long _fileId;
    private readonly string _asOf;
    private readonly int _keyCount;
    private readonly List<(ParsedRow Row, string Hash)> _rows = [];
    private readonly List<(char Op, string Key)> _keys = [];
    private readonly List<(string Key, string Change, string? Fields, long? Line)> _history = [];
    private readonly List<(long Line, RowProblem Problem, string Raw)> _quarantine = [];
    private readonly List<(long Line, string Key, FieldRepair Repair)> _fieldWarnings = [];

    public PostgresFeedWriter(NpgsqlConnection conn, NpgsqlTransaction tx, FeedDefinition feed, long fileId, DateOnly asOf)
    {
        _conn = conn;
        _tx = tx;
        _feed = feed;
        _sql = new FeedSql(feed);
        _fileId = fileId;
        _asOf = IsoDate.Format(asOf);
        _keyCount = feed.StoredKeyColumn is null ? feed.KeyColumns.Count : 1;
        var keyColumns = string.Join(", ", Enumerable.Range(0, _keyCount).Select(i => $"k{i} TEXT"));
        conn.Execute(
            $"""
            DROP TABLE IF EXISTS {FeedSql.StageTable}; DROP TABLE IF EXISTS {KeyStage};
            CREATE TEMPORARY TABLE {FeedSql.StageTable} ON COMMIT DROP AS SELECT {string.Join(", ", _sql.StagedColumns)} FROM {feed.Table} WITH NO DATA;
            CREATE TEMPORARY TABLE {KeyStage} (op TEXT NOT NULL, {keyColumns}) ON COMMIT DROP;
            """,
            transaction: tx);
    }

    public void Insert(ParsedRow row, UInt128 hash)
    {
        AddRow(row, hash);
        AddHistory(row.Key!, "NEW", null, row.Line);
    }

    public void Replace(ParsedRow row, UInt128 hash, string change, bool compare)
    {
        var fields = compare ? ChangedFields(row) : null;
        AddRow(row, hash);
        AddHistory(row.Key!, change, fields, row.Line);
    }

    public void Touch(string key) => AddKey('T', key);

    public void Remove(string key)
    {
        if (!_feed.IsSnapshot)
        {
            throw new InvalidOperationException($"{_feed.Name} is an append feed: nothing is removed.");
        }

        AddKey('R', key);
        AddHistory(key, "REMOVED", null, null);
    }

    /// <summary>Stale snapshots only (rare): one statement per key.</summary>
    public void LowerFirstSeen(string key)
    {
        var args = KeyArgs(key);
        args.Add("as_of", _asOf);
        _conn.Execute(_sql.LowerFirstSeen, args, _tx);
    }

    public void Quarantine(long line, RowProblem problem, string raw)
    {
        _quarantine.Add((line, problem, raw));
        if (_quarantine.Count >= BatchRows)
        {
            FlushQuarantine();
        }
    }

    public void FieldWarning(long line, string key, FieldRepair repair)
    {
        _fieldWarnings.Add((line, key, repair));
        if (_fieldWarnings.Count >= BatchRows)
        {
            FlushFieldWarnings();
        }
    }

    public void Complete()
    {
        FlushRows();
        FlushKeys();
        FlushHistory();
        FlushQuarantine();
        FlushFieldWarnings();
    }

    public void Dispose()
    {
        // Nothing held: what is still buffered is dropped with the transaction.
    }

    private void AddRow(ParsedRow row, UInt128 hash)
    {
        _rows.Add((row, ParsedRow.HashText(hash)));
        if (_rows.Count >= BatchRows)
        {
            FlushRows();
        }
    }

    private void AddKey(char op, string key)
    {
        _keys.Add((op, key));
        if (_keys.Count >= BatchRows)
        {
            FlushKeys();
        }
    }

    private void AddHistory(string key, string change, string? fields, long? line)
    {
        _history.Add((key, change, fields, line));
        if (_history.Count >= BatchRows)
        {
            FlushHistory();
        }
    }

    private void FlushRows()
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var columns = _feed.Columns;
        var stored = _feed.StoredKeyColumn is not null;
        BulkInsert.Write(_conn, _tx, FeedSql.StageTable, _sql.StagedColumns, _rows.Select(r =>
        {
            var values = new object?[_sql.StagedColumns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = columns[i].IsNumber ? r.Row.Numbers[i] : r.Row.Text[i];
            }

            var at = columns.Count;
            if (stored)
            {
                values[at++] = r.Row.Key;
            }

            values[at++] = r.Row.Line;
            values[at] = r.Hash;
            return values;
        }));
        _conn.Execute(_sql.UpsertStaged, new { file_id = _fileId, as_of = _asOf }, _tx);
        _conn.Execute($"TRUNCATE {FeedSql.StageTable}", transaction: _tx);
        _rows.Clear();
    }

    private void FlushKeys()
    {
        if (_keys.Count == 0)
        {
            return;
        }

        var keyNames = Enumerable.Range(0, _keyCount).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        BulkInsert.Write(_conn, _tx, KeyStage, ["op", .. keyNames], _keys.Select(k =>
        {
            var values = new object?[_keyCount + 1];
            values[0] = k.Op.ToString();
            if (_keyCount == 1)
            {
                values[1] = k.Key;
            }
            else
            {
                var parts = k.Key.Split('|');
                Array.Copy(parts, 0, values, 1, parts.Length);
            }

            return values;
        }));

        var match = string.Join(" AND ", _sql.KeyWhere.Split(" AND ").Select((c, i) => "t." + c.Replace($"@k{i}", $"s.k{i}", StringComparison.Ordinal)));
        _conn.Execute($"UPDATE {_feed.Table} t SET last_seen_on = @as_of FROM {KeyStage} s WHERE s.op = 'T' AND {match}", new { as_of = _asOf }, _tx);
        if (_feed.IsSnapshot)
        {
            _conn.Execute($"UPDATE {_feed.Table} t SET is_current = 0 FROM {KeyStage} s WHERE s.op = 'R' AND {match}", transaction: _tx);
        }

        _conn.Execute($"TRUNCATE {KeyStage}", transaction: _tx);
        _keys.Clear();
    }

    private void FlushHistory()
    {
        if (_history.Count == 0)
        {
            return;
        }

        BulkInsert.Write(_conn, _tx, "record_history", ["feed", "source_key", "as_of", "change", "changed_fields", "file_id", "line"],
            _history.Select(h => new object?[] { _feed.Name, h.Key, _asOf, h.Change, h.Fields, _fileId, h.Line }));
        _history.Clear();
    }

    private void FlushQuarantine()
    {
        if (_quarantine.Count == 0)
        {
            return;
        }

        BulkInsert.Write(_conn, _tx, "quarantine", ["file_id", "feed", "line", "field", "reason", "message", "raw"],
            _quarantine.Select(q => new object?[] { _fileId, _feed.Name, q.Line, q.Problem.Field, q.Problem.Reason, q.Problem.Message, q.Raw }));
        _quarantine.Clear();
    }

    private void FlushFieldWarnings()
    {
        if (_fieldWarnings.Count == 0)
        {
            return;
        }

        BulkInsert.Write(_conn, _tx, "field_warnings", ["file_id", "feed", "line", "source_key", "field", "reason", "action", "message", "original"],
            _fieldWarnings.Select(w => new object?[] { _fileId, _feed.Name, w.Line, w.Key, w.Repair.Field, w.Repair.Reason, w.Repair.Action, w.Repair.Message, NoNul(w.Repair.Original) }));
        _fieldWarnings.Clear();
    }

    /// <summary>PostgreSQL text cannot hold NUL (a name_km with one is quarantined as CONTROL_CHARACTER before this; kept safe anyway).</summary>
    private static string NoNul(string s) => s.Contains('\0', StringComparison.Ordinal) ? s.Replace('\0', '\u2400') : s;

    /// <summary>Canonical columns that differ between the stored row and the new one, '|'-separated.</summary>
    private string? ChangedFields(ParsedRow row)
    {
        using var reader = _conn.ExecuteReader(_sql.SelectStored, KeyArgs(row.Key!), _tx);
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

    /// <summary>The key's parameters @k0.. of <see cref="FeedSql.KeyWhere"/>: the stored key, or a composite key's parts.</summary>
    private DynamicParameters KeyArgs(string key)
    {
        var args = new DynamicParameters();
        var parts = _keyCount == 1 ? [key] : key.Split('|');
        for (var i = 0; i < parts.Length; i++)
        {
            args.Add("k" + i.ToString(CultureInfo.InvariantCulture), parts[i]);
        }

        return args;
    }
}
