using Integration.Ingest.Validation;

namespace Integration.Ingest.Reading;

/// <summary>
/// One data record of a delivered file, with its values already placed at their canonical column
/// (trimmed; empty is null). The value buffer is reused from record to record: consume it before reading on.
/// </summary>
/// <param name="Line">1-based physical line the record starts on (CSV header is line 1).</param>
/// <param name="Raw">The record as read, for the quarantine table.</param>
/// <param name="Values">Canonical column index -> value, or null when missing.</param>
/// <param name="Problem">
/// Set when the reader already knows the row is bad (a wrong column count, a JSON property twice or of the wrong
/// type); the values read are still there, so the row's key keeps its record current.
/// </param>
public sealed record SourceRecord(long Line, string Raw, string?[] Values, RowProblem? Problem);

/// <summary>The rows of one delivered file, whatever its format.</summary>
internal interface IRecordSource
{
    /// <summary>Source columns (CSV header or JSONL property names) that map to no canonical column.</summary>
    IReadOnlyCollection<string> UnknownColumns { get; }

    /// <summary>Checks the header and yields every data record. Throws <see cref="FileRejectedException"/> for a bad file.</summary>
    IEnumerable<SourceRecord> Records();
}
