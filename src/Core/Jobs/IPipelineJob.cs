namespace Integration.Core.Jobs;

/// <summary>Why and when a job runs: by hand (cli), by the self-hosted scheduler, or by an Azure Functions timer.</summary>
public sealed record JobContext(string Trigger, DateTimeOffset ScheduledFor, string? RequestedBy = null);

/// <summary>What a job did, in a sentence and a few counts, for the job-run record and the logs.</summary>
public sealed record JobResult(string Summary, IReadOnlyDictionary<string, long> Counts)
{
    public static JobResult Of(string summary, params (string Key, long Value)[] counts) =>
        new(summary, counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
}

/// <summary>
/// A unit of scheduled work (ingest of one feed, matching, alerts). Modules register theirs in DI; the
/// scheduler, the Functions handler and the demo run them by <see cref="Name"/>. Jobs must be safe to
/// re-run: a second run with nothing new changes nothing.
/// </summary>
public interface IPipelineJob
{
    string Name { get; }

    Task<JobResult> RunAsync(JobContext context, CancellationToken ct = default);
}

/// <summary>Thrown for failures worth retrying (database busy, storage unreachable); anything else fails the run at once.</summary>
public sealed class TransientJobException(string message, Exception? inner = null) : Exception(message, inner);
