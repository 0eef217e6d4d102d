using Integration.Ingest.Feeds;

namespace Integration.Ingest.Loading;

/// <summary>The statements that write one feed's table, generated once from its definition (SQL both databases accept).</summary>
internal sealed class FeedSql
{
    public FeedSql(FeedDefinition feed)
    {
        var cols = feed.Columns.Select(c => c.Name).ToList();
        var keyCols = feed.ConflictColumns;
        KeyWhere = string.Join(" AND ", keyCols.Select((k, i) => $"{k} = @k{i}"));
        var insertCols = new List<string>(cols);
        var values = cols.Select((_, i) => $"@c{i}").ToList();
        if (feed.StoredKeyColumn is { } stored)
        {
            insertCols.Add(stored);
            values.Add("@k0");
        }

        insertCols.AddRange(["file_id", "line", "row_hash", "first_seen_on", "last_seen_on"]);
        values.AddRange(["@file_id", "@line", "@row_hash", "@as_of", "@as_of"]);
        var updates = cols.Where(c => !keyCols.Contains(c, StringComparer.Ordinal)).Select(c => $"{c} = excluded.{c}").ToList();
        updates.AddRange(["file_id = excluded.file_id", "line = excluded.line", "row_hash = excluded.row_hash", "last_seen_on = excluded.last_seen_on"]);
        if (feed.IsSnapshot)
        {
            insertCols.Add("is_current");
            values.Add("1");
            updates.Add("is_current = 1");
        }

        // first_seen_on is never overwritten: it is the as-of of the first extract that had the record.
        var onConflict = $"ON CONFLICT ({string.Join(", ", keyCols)}) DO UPDATE SET {string.Join(", ", updates)}";
        Upsert = $"INSERT INTO {feed.Table} ({string.Join(", ", insertCols)}) VALUES ({string.Join(", ", values)}) {onConflict}";

        // The same upsert from a staging table holding the row columns, the stored key (if any), line and row_hash.
        StagedColumns = [.. cols, .. feed.StoredKeyColumn is { } k ? new[] { k } : [], "line", "row_hash"];
        var staged = insertCols.Select(c => c switch
        {
            "file_id" => "@file_id",
            "first_seen_on" or "last_seen_on" => "@as_of",
            "is_current" => "1",
            _ => "s." + c,
        });
        UpsertStaged = $"INSERT INTO {feed.Table} ({string.Join(", ", insertCols)}) SELECT {string.Join(", ", staged)} FROM {StageTable} s {onConflict}";
        Touch = $"UPDATE {feed.Table} SET last_seen_on = @as_of WHERE {KeyWhere}";
        Remove = feed.IsSnapshot ? $"UPDATE {feed.Table} SET is_current = 0 WHERE {KeyWhere}" : null;
        LowerFirstSeen = $"UPDATE {feed.Table} SET first_seen_on = @as_of WHERE {KeyWhere} AND first_seen_on > @as_of";
        SelectStored = $"SELECT {string.Join(", ", cols)} FROM {feed.Table} WHERE {KeyWhere}";
        KeyCount = keyCols.Count;
    }

    /// <summary>Temporary table a bulk writer stages rows in (PostgreSQL COPY).</summary>
    public const string StageTable = "ingest_stage_rows";

    public string KeyWhere { get; }

    /// <summary>Columns of <see cref="StageTable"/>, in order.</summary>
    public IReadOnlyList<string> StagedColumns { get; }

    /// <summary>Upserts every row of <see cref="StageTable"/> (parameters @file_id, @as_of).</summary>
    public string UpsertStaged { get; }

    public int KeyCount { get; }

    public string Upsert { get; }

    public string Touch { get; }

    /// <summary>Snapshot feeds only: append tables have no is_current.</summary>
    public string? Remove { get; }

    public string LowerFirstSeen { get; }

    public string SelectStored { get; }

    public const string History =
        "INSERT INTO record_history (feed, source_key, as_of, change, changed_fields, file_id, line) VALUES (@feed, @key, @as_of, @change, @fields, @file_id, @line)";

    public const string Quarantine =
        "INSERT INTO quarantine (file_id, feed, line, field, reason, message, raw) VALUES (@file_id, @feed, @line, @field, @reason, @message, @raw)";

    public const string FieldWarning =
        "INSERT INTO field_warnings (file_id, feed, line, source_key, field, reason, action, message, original) VALUES (@file_id, @feed, @line, @key, @field, @reason, @action, @message, @original)";
}
