namespace Integration.Ingest.Reading;

/// <summary>
/// The whole file cannot be used (not UTF-8, wrong header, truncated, empty, invalid JSONL). The message
/// names the file, and the line where there is one; the file's rows are rolled back and it is recorded as REJECTED.
/// </summary>
internal sealed class FileRejectedException : Exception
{
    public FileRejectedException()
        : this("file rejected")
    {
    }

    public FileRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>The message is recorded as it is (it already says what <paramref name="inner"/> found); the cause is kept as the inner exception.</summary>
    public FileRejectedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
