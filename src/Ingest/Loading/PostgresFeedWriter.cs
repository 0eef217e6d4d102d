using System.Globalization;
using Dapper;
using Integration.Ingest.Feeds;
using Integration.Ingest.Validation;
using Npgsql;
using NpgsqlTypes;

namespace Integration.Ingest.Loading;

/// <summary>
/// PostgreSQL's bulk path: rows, history and quarantine are buffered and sent in batches with binary COPY
/// (one round trip per batch instead of per row). Rows go into a temporary staging table and are upserted
/// from it with the same INSERT ... ON CONFLICT as the per-row statement; touched and removed keys are staged
/// the same way and applied with one UPDATE each. Everything runs in the file's transaction (the temporary
/// tables are dropped at its end). The stored row a changed row is compared with is read when the change is
/// seen: keys are unique within a file, so no buffered write can have touched it yet.
/// </summary>
public sealed class PostgresFeedWriter : IFeedWriter
{
    private const int BatchRows = 5_000;
    private const string KeyStage = "ingest_stage_keys";

    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly FeedDefinition _feed;
    private readonly FeedSql _sql;
    private readonly FeedWriter _commands;
    private readonly long _fileId;
    private readonly string _asOf;
    private readonly int _keyCount;
    private readonly List<(ParsedRow Row, string Hash)> _rows = [];
    private readonly List<(char Op, string Key)> _keys = [];
    private readonly List<(string Key, string Change, string? Fields, long? Line)> _history = [];
    private readonly List<(long Line, RowProblem Problem, string Raw)> _quarantine = [];

    public PostgresFeedWriter(NpgsqlConnection conn, NpgsqlTransaction tx, FeedDefinition feed, long fileId, DateOnly asOf)
    {
        _conn = conn;
        _tx = tx;
        _feed = feed;
        _sql = new FeedSql(feed);
        _commands = new FeedWriter(conn, tx, feed, fileId, asOf);
        _fileId = fileId;
        _asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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
        var fields = compare ? _commands.ChangedFields(row.Key!, row) : null;
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

    public void LowerFirstSeen(string key) => _commands.LowerFirstSeen(key); // stale snapshots only: rare

    public void Quarantine(long line, RowProblem problem, string raw)
    {
        _quarantine.Add((line, problem, raw));
        if (_quarantine.Count >= BatchRows)
        {
            FlushQuarantine();
        }
    }

    public void Complete()
    {
        FlushRows();
        FlushKeys();
        FlushHistory();
        FlushQuarantine();
    }

    public void Dispose() => _commands.Dispose();

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
        using (var copy = _conn.BeginBinaryImport($"COPY {FeedSql.StageTable} ({string.Join(", ", _sql.StagedColumns)}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (row, hash) in _rows)
            {
                copy.StartRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns[i].IsNumber)
                    {
                        WriteNumber(copy, row.Numbers[i]);
                    }
                    else
                    {
                        WriteText(copy, row.Text[i]);
                    }
                }

                if (_feed.StoredKeyColumn is not null)
                {
                    WriteText(copy, row.Key);
                }

                copy.Write(row.Line, NpgsqlDbType.Bigint);
                copy.Write(hash, NpgsqlDbType.Text);
            }

            copy.Complete();
        }

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

        var keyNames = Enumerable.Range(0, _keyCount).Select(i => "k" + i).ToList();
        using (var copy = _conn.BeginBinaryImport($"COPY {KeyStage} (op, {string.Join(", ", keyNames)}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (op, key) in _keys)
            {
                copy.StartRow();
                copy.Write(op.ToString(), NpgsqlDbType.Text);
                var parts = _keyCount == 1 ? [key] : key.Split('|');
                foreach (var part in parts)
                {
                    copy.Write(part, NpgsqlDbType.Text);
                }
            }

            copy.Complete();
        }

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

        using var copy = _conn.BeginBinaryImport("COPY record_history (feed, source_key, as_of, change, changed_fields, file_id, line) FROM STDIN (FORMAT BINARY)");
        foreach (var (key, change, fields, line) in _history)
        {
            copy.StartRow();
            copy.Write(_feed.Name, NpgsqlDbType.Text);
            copy.Write(key, NpgsqlDbType.Text);
            copy.Write(_asOf, NpgsqlDbType.Text);
            copy.Write(change, NpgsqlDbType.Text);
            WriteText(copy, fields);
            copy.Write(_fileId, NpgsqlDbType.Bigint);
            WriteNumber(copy, line);
        }

        copy.Complete();
        _history.Clear();
    }

    private void FlushQuarantine()
    {
        if (_quarantine.Count == 0)
        {
            return;
        }

        using var copy = _conn.BeginBinaryImport("COPY quarantine (file_id, feed, line, field, reason, message, raw) FROM STDIN (FORMAT BINARY)");
        foreach (var (line, problem, raw) in _quarantine)
        {
            copy.StartRow();
            copy.Write(_fileId, NpgsqlDbType.Bigint);
            copy.Write(_feed.Name, NpgsqlDbType.Text);
            copy.Write(line, NpgsqlDbType.Bigint);
            WriteText(copy, problem.Field);
            copy.Write(problem.Reason, NpgsqlDbType.Text);
            copy.Write(problem.Message, NpgsqlDbType.Text);
            copy.Write(raw, NpgsqlDbType.Text);
        }

        copy.Complete();
        _quarantine.Clear();
    }

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void WriteNumber(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
