namespace Integration.Core.Storage;

/// <summary>One stored object: its path inside the store (always '/'-separated), size and last change.</summary>
/// <param name="Unreadable">
/// Why the store will not open this entry (a name that is not UTF-8, a link out of the store, a folder link),
/// or null. Listed anyway, so that a run reports it instead of tripping over it.
/// </param>
public sealed record BlobItem(string Path, long Size, DateTimeOffset LastModified, string? Unreadable = null);

/// <summary>
/// The landing zone and the raw zone. A local folder by default; Azure Blob storage (or Azurite) through
/// the Azure SDK. Paths are relative and '/'-separated, e.g. <c>moc-licences/2026-10-01.csv</c>.
/// </summary>
public interface IBlobStore
{
    /// <summary>A description for logs and run records, without secrets.</summary>
    string Describe();

    /// <summary>Every object under the prefix (recursively), in path order.</summary>
    Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken ct = default);

    Task<Stream> OpenReadAsync(string path, CancellationToken ct = default);

    /// <summary>Writes the whole object; a reader never sees a partial one.</summary>
    Task WriteAsync(string path, Stream content, CancellationToken ct = default);

    Task<bool> ExistsAsync(string path, CancellationToken ct = default);
}
