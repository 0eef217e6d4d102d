namespace Integration.Ingest.Reading;

/// <summary>
/// The whole file cannot be used (not UTF-8, wrong header, truncated, empty, invalid JSONL). The message
/// names the file, and the line where there is one; the file's rows are rolled back and it is recorded as REJECTED.
/// </summary>
public sealed class FileRejectedException(string message) : Exception(message)
{
    public FileRejectedException()
        : this("file rejected")
    {
    }

    public FileRejectedException(string message, Exception inner)
        : this(message + " (" + inner.Message + ")")
    {
    }
}
