using Integration.Ingest.Validation;

namespace Integration.Ingest.Loading;

/// <summary>
/// The database side of one file's load, inside the file's transaction. The loader decides (from the
/// in-memory key state) what each row is; a writer only stores that decision with its history entry.
/// Implementations may buffer (PostgreSQL COPY batches): everything is written by <see cref="Complete"/>.
/// Keys are unique within one file (duplicates are quarantined), so the order of writes between keys does not matter.
/// </summary>
internal interface IFeedWriter : IDisposable
{
    /// <summary>A key the table does not have: insert it, history NEW.</summary>
    void Insert(ParsedRow row, UInt128 hash);

    /// <summary>
    /// Replaces the stored row (keeping first_seen_on) and makes it current; history <paramref name="change"/>
    /// with the canonical columns that differ from the stored row when <paramref name="compare"/> (the hash changed).
    /// </summary>
    void Replace(ParsedRow row, UInt128 hash, string change, bool compare);

    /// <summary>The row was delivered again unchanged: only last_seen_on moves.</summary>
    void Touch(string key);

    /// <summary>The key is missing from a newer snapshot: no longer current (the row itself is kept), history REMOVED.</summary>
    void Remove(string key);

    /// <summary>A late, older snapshot proves the record existed earlier than we knew.</summary>
    void LowerFirstSeen(string key);

    void Quarantine(long line, RowProblem problem, string raw);

    /// <summary>A field of the loaded row <paramref name="key"/> (from <paramref name="line"/>) was repaired: field_warnings.</summary>
    void FieldWarning(long line, string key, FieldRepair repair);

    /// <summary>Writes whatever is still buffered; called once, after the last row, before the transaction commits.</summary>
    void Complete();
}
