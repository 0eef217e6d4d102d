namespace Integration.Ingest.Feeds;

/// <summary>
/// A feed as data: its canonical columns in table order, the table it loads into, its key, and whether a
/// file is a full snapshot or an append. Everything the loader, the validator and the report need to know
/// about a feed is here, so adding a feed means adding a definition (and its table), not code.
/// </summary>
/// <param name="Name">Feed name and landing folder, e.g. <c>moc-licences</c>.</param>
/// <param name="Table">Table holding the current state of every source record.</param>
/// <param name="Columns">Canonical columns, in the table's order.</param>
/// <param name="KeyColumns">Columns that make up the source key; joined with '|' into the source_key of record_history.</param>
/// <param name="KeyAlternatives">
/// Key columns of which one is enough (nssf-inspections: nssf_id or registration_no). They are part of
/// <paramref name="KeyColumns"/>; a row needs at least one of them, and every other key column.
/// </param>
/// <param name="StoredKeyColumn">A column holding the joined key when the table's primary key is not the key columns themselves.</param>
/// <param name="Semantics">Snapshot or append.</param>
/// <param name="HasNames">Whether rows carry name_km/name_en (of which one is required).</param>
/// <param name="CompletenessColumns">Columns whose fill rate the data-quality report shows.</param>
public sealed record FeedDefinition(
    string Name,
    string Table,
    IReadOnlyList<FeedColumn> Columns,
    IReadOnlyList<string> KeyColumns,
    IReadOnlyList<string> KeyAlternatives,
    string? StoredKeyColumn,
    FeedSemantics Semantics,
    bool HasNames,
    IReadOnlyList<string> CompletenessColumns)
{
    public bool IsSnapshot => Semantics == FeedSemantics.Snapshot;

    /// <summary>Columns the primary key / ON CONFLICT target of the table consists of.</summary>
    public IReadOnlyList<string> ConflictColumns => StoredKeyColumn is null ? KeyColumns : [StoredKeyColumn];

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>SQL expression of the source key as stored in record_history (key columns joined with '|').</summary>
    public string KeySqlExpression => StoredKeyColumn ?? string.Join(" || '|' || ", KeyColumns);
}
