namespace Integration.Ingest.Runs;

/// <summary>What to ingest and why. <paramref name="Feeds"/> null means every feed.</summary>
public sealed record IngestRequest(string Trigger, IReadOnlyList<string>? Feeds = null);

/// <summary>Progress of a run, for a progress bar or a plain log line.</summary>
public sealed record IngestProgress(string Feed, string File, int FileNumber, int FileCount, long Rows, bool FileDone);

/// <summary>Run outcomes (ingest_runs.outcome).</summary>
public static class RunOutcome
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";

    /// <summary>No file was new: everything in the landing zone had been processed before.</summary>
    public const string NothingNew = "NOTHING_NEW";

    /// <summary>The run went through, but at least one snapshot is held for an operator's confirmation (FileStatus.Held).</summary>
    public const string Held = "HELD";
}

/// <summary>The result of one ingest run, as stored in ingest_runs and reported.</summary>
public sealed record IngestRunResult(
    string RunId,
    string Trigger,
    string Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<FileOutcome> Files,
    IReadOnlyList<string> IgnoredFiles,
    string? Error)
{
    public long FilesSeen => Files.Count;

    public long FilesLoaded => Files.Count(f => f.Status is FileStatus.Loaded or FileStatus.Stale);

    public long FilesRejected => Files.Count(f => f.Status == FileStatus.Rejected);

    public long FilesSkipped => Files.Count(f => f.Status is FileStatus.Skipped or FileStatus.Duplicate);

    public long FilesHeld => Files.Count(f => f.Status == FileStatus.Held);

    public long RowsRead => Files.Sum(f => f.RowsRead);

    public long RowsLoaded => Files.Sum(f => f.RowsLoaded);

    public long RowsQuarantined => Files.Sum(f => f.RowsQuarantined);

    /// <summary>Where the data-quality report was written (markdown and JSON), once it has been.</summary>
    public string? ReportPath { get; init; }

    public string? ReportJsonPath { get; init; }

    /// <summary>The data-quality report of the run (also written to <see cref="ReportPath"/>); null when it could not be built.</summary>
    public Reports.DataQualityReport? Report { get; init; }

    /// <summary>Why the run record or the report could not be written (a full disk...), when that happened.</summary>
    public string? ReportError { get; init; }
}
