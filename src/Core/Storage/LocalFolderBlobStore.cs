namespace Integration.Core.Storage;

/// <summary>A folder on disk as a blob store. Writes go to a temporary file first and are renamed into place.</summary>
public sealed class LocalFolderBlobStore : IBlobStore
{
    private readonly string _root;

    public LocalFolderBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
    }

    public string Root => _root;

    public string Describe() => "folder:" + _root;

    public Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken ct = default)
    {
        var dir = Resolve(prefix);
        IReadOnlyList<BlobItem> items = !Directory.Exists(dir)
            ? []
            : Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith(".tmp-", StringComparison.Ordinal))
                .Select(f => new FileInfo(f))
                .Select(f => new BlobItem(Relative(f.FullName), f.Length, f.LastWriteTimeUtc))
                .OrderBy(b => b.Path, StringComparer.Ordinal)
                .ToList();
        return Task.FromResult(items);
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken ct = default) =>
        Task.FromResult<Stream>(new FileStream(Resolve(path), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

    public async Task WriteAsync(string path, Stream content, CancellationToken ct = default)
    {
        var target = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var tmp = Path.Combine(Path.GetDirectoryName(target)!, ".tmp-" + Guid.NewGuid().ToString("N"));
        await using (var file = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            await content.CopyToAsync(file, ct);
        }

        File.Move(tmp, target, overwrite: true);
    }

    public Task<bool> ExistsAsync(string path, CancellationToken ct = default) => Task.FromResult(File.Exists(Resolve(path)));

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Path '{path}' escapes the store root.", nameof(path));
        }

        return full;
    }

    private string Relative(string full) => Path.GetRelativePath(_root, full).Replace(Path.DirectorySeparatorChar, '/');
}
