namespace Integration.Core.Jobs;

public enum JobRunOutcome
{
    /// <summary>Ran and finished.</summary>
    Succeeded,

    /// <summary>Ran and failed: a permanent error, or transient errors on every attempt.</summary>
    Failed,

    /// <summary>The occurrence was already run (or is running) elsewhere; nothing done here.</summary>
    AlreadyRun,

    /// <summary>Another host holds the job's lease; nothing done here, ask again later.</summary>
    Busy,

    /// <summary>The host stopped while the job ran; the occurrence is left for a later start to take over.</summary>
    Cancelled,
}

/// <summary>What happened to one requested occurrence of a job, for the scheduler, the Functions handler and the logs.</summary>
public sealed record JobRunReport(
    string Job,
    DateTimeOffset ScheduledFor,
    JobRunOutcome Outcome,
    int Attempts,
    string? Summary = null,
    string? Error = null,
    long? RunId = null,
    IReadOnlyDictionary<string, long>? Counts = null);
