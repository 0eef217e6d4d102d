namespace Integration.Ingest.Runs;

/// <summary>The run failed (database or storage error, not bad input); the run is recorded as FAILED.</summary>
public sealed class IngestFailedException(IngestRunResult result, Exception inner)
    : Exception($"Ingest run {result.RunId} failed: {result.Error ?? inner.Message}", inner)
{
    public IngestRunResult Result { get; } = result;
}
