namespace Integration.Core.Storage;

/// <summary>
/// A folder on disk as a blob store. Writes go to a temporary file first and are renamed into place. Only what
/// lies inside the folder is read: a symbolic link is followed only to a file inside it, links to folders are
/// not followed, and entries whose name is not valid UTF-8 (which .NET cannot open) are listed with the reason.
/// </summary>
internal sealed class LocalFolderBlobStore : IBlobStore
{
    private const int MaxLinkHops = 40;
    private readonly string _root;
    private readonly string _realRoot;

    public LocalFolderBlobStore(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _realRoot = RealPath(_root);
    }

    public string Root => _root;

    public string Describe() => "folder:" + _root;

    public Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken ct = default)
    {
        var dir = Resolve(prefix);
        var items = new List<BlobItem>();
        if (Directory.Exists(dir))
        {
            Walk(new DirectoryInfo(dir), items, ct);
        }

        return Task.FromResult<IReadOnlyList<BlobItem>>(items.OrderBy(b => b.Path, StringComparer.Ordinal).ToList());
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken ct = default)
    {
        var full = Resolve(path);
        if (!Inside(RealPath(full)))
        {
            throw new UnauthorizedAccessException($"'{path}' links to a file outside {Describe()}: not read.");
        }

        return Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
    }

    public async Task WriteAsync(string path, Stream content, CancellationToken ct = default)
    {
        var target = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var tmp = Path.Combine(Path.GetDirectoryName(target)!, ".tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                await content.CopyToAsync(file, ct);
            }

            File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp); // a full disk or a failed read leaves no half copy behind
            }
        }
    }

    public Task<bool> ExistsAsync(string path, CancellationToken ct = default) => Task.FromResult(File.Exists(Resolve(path)));

    /// <summary>
    /// The path with every symbolic link on the way resolved (what realpath(3) gives), so a check that a file is
    /// inside a folder cannot be fooled by a link in a parent folder.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var hops = 0;
        while (true)
        {
            var root = Path.GetPathRoot(full)!;
            var current = root;
            var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            string? restart = null;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                if (new FileInfo(next).LinkTarget is { } target)
                {
                    if (++hops > MaxLinkHops)
                    {
                        throw new IOException($"Too many levels of symbolic links in '{path}'.");
                    }

                    // Start again from the link's target followed by the rest of the path.
                    restart = Path.GetFullPath(Path.Combine([Path.IsPathRooted(target) ? target : Path.Combine(current, target), .. parts[(i + 1)..]]));
                    break;
                }

                current = next;
            }

            if (restart is null)
            {
                return current;
            }

            full = restart;
        }
    }

    private void Walk(DirectoryInfo dir, List<BlobItem> items, CancellationToken ct)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = dir.EnumerateFileSystemInfos().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            items.Add(new BlobItem(Relative(dir.FullName) + "/", 0, default, "the folder cannot be listed: " + e.Message));
            return;
        }

        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            if (entry.Name.StartsWith(".tmp-", StringComparison.Ordinal))
            {
                continue;
            }

            var path = Relative(entry.FullName);
            if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal))
            {
                items.Add(new BlobItem(path, 0, default, "the name is not valid UTF-8 (bytes shown as \uFFFD): rename the file"));
                continue;
            }

            if (entry.LinkTarget is not null)
            {
                items.Add(Linked(entry, path));
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                Walk(sub, items, ct);
                continue;
            }

            var file = (FileInfo)entry;
            items.Add(new BlobItem(path, file.Length, new DateTimeOffset(file.LastWriteTimeUtc)));
        }
    }

    private BlobItem Linked(FileSystemInfo link, string path)
    {
        string target;
        try
        {
            target = RealPath(link.FullName);
        }
        catch (IOException e)
        {
            return new BlobItem(path, 0, default, "a symbolic link that cannot be followed: " + e.Message);
        }

        if (!Inside(target))
        {
            return new BlobItem(path, 0, default, "a symbolic link to something outside the landing zone: not read");
        }

        if (Directory.Exists(target))
        {
            return new BlobItem(path, 0, default, "a symbolic link to a folder: not followed");
        }

        var file = new FileInfo(target);
        return file.Exists
            ? new BlobItem(path, file.Length, new DateTimeOffset(file.LastWriteTimeUtc))
            : new BlobItem(path, 0, default, "a symbolic link to nothing");
    }

    private bool Inside(string real) =>
        real == _realRoot || real.StartsWith(_realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Path '{path}' escapes the store root.", nameof(path));
        }

        return full;
    }

    private string Relative(string full) => Path.GetRelativePath(_root, full).Replace(Path.DirectorySeparatorChar, '/');
}
