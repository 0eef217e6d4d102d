using Integration.Ingest.Runs;

namespace Integration.Ingest.Reports;

/// <summary>The data-quality report of one ingest run: what came in, what was refused and why, how complete the feeds are.</summary>
public sealed record DataQualityReport(
    string RunId,
    string Trigger,
    string Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    RunTotals Totals,
    IReadOnlyList<FeedQuality> Feeds,
    IReadOnlyList<string> IgnoredFiles,
    string? Error);

public sealed record RunTotals(long FilesSeen, long FilesLoaded, long FilesRejected, long FilesSkipped, long RowsRead, long RowsLoaded, long RowsQuarantined, long FilesHeld = 0);

/// <summary>
/// One feed in the report: its files of this run, quarantine reasons, field-level repairs of loaded rows
/// (field_warnings: the row is loaded, one optional field was blanked or moved), and the fill rate of key
/// fields over current records.
/// </summary>
public sealed record FeedQuality(
    string Feed,
    IReadOnlyList<FileOutcome> Files,
    IReadOnlyList<ReasonSummary> Quarantine,
    long CurrentRecords,
    IReadOnlyList<Completeness> Completeness,
    IReadOnlyList<ReasonSummary> FieldWarnings);

/// <summary>A quarantine (or field-warning) reason with its count in this run and up to N examples ("file:line field: message").</summary>
public sealed record ReasonSummary(string Reason, long Count, IReadOnlyList<string> Examples);

/// <summary>How many current records have a value in a column.</summary>
public sealed record Completeness(string Column, long Filled, long Total)
{
    public double Ratio => Total == 0 ? 0 : (double)Filled / Total;
}
