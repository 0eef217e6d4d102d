using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integration.Core.Export;

/// <summary>One file of a published set, as the manifest lists it.</summary>
internal sealed record ExportedFile(string Name, long Rows, long Bytes, string Sha256);

/// <summary>What <c>&lt;set&gt;.manifest.json</c> says: which run the files of the set come from.</summary>
internal sealed record ExportManifest(string Set, string RunId, IReadOnlyList<ExportedFile> Files);

/// <summary>
/// The CSV files of one run (e.g. enterprises.csv, links.csv, review.csv), published together: every file is
/// written under a temporary name first, then a journal names the renames, the files are renamed into place
/// and <c>&lt;set&gt;.manifest.json</c> (run id, rows, bytes and SHA-256 of each file) goes last. A run killed before
/// the journal leaves the previous set as it was; one killed during the renames is completed by the next
/// <see cref="Begin"/> or <see cref="Recover"/>, so the folder never keeps files of two runs. Temporary files of a
/// killed run are deleted there too. One writer per set and folder at a time (a lock file the OS releases
/// when the process dies); several sets share a folder.
/// </summary>
public sealed class ExportSet : IDisposable
{
    private const string TempPrefix = ".tmp-";
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly string _folder;
    private readonly string _name;
    private readonly string _runId;
    private readonly string _token = Guid.NewGuid().ToString("N");
    private readonly FileStream _lock;
    private readonly List<(string Temp, ExportedFile File)> _files = [];
    private bool _published;

    private ExportSet(string folder, string name, string runId, FileStream lockFile)
    {
        _folder = folder;
        _name = name;
        _runId = runId;
        _lock = lockFile;
    }

    /// <summary>Test hook: runs after the journal is written, before the first rename (throw to simulate a kill there).</summary>
    internal static Action<string>? BeforeRenames { get; set; }

    public static string ManifestName(string set) => set + ".manifest.json";

    /// <summary>
    /// Starts writing set <paramref name="name"/> of run <paramref name="runId"/> into <paramref name="folder"/>:
    /// waits up to <paramref name="wait"/> (default 10 minutes) for another writer of the set, then completes or
    /// cleans up what a killed writer left.
    /// </summary>
    public static ExportSet Begin(string folder, string name, string runId, TimeSpan? wait = null)
    {
        if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            throw new ArgumentException($"Export set names are letters, digits and '-', not '{name}'.", nameof(name));
        }

        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var limit = wait ?? TimeSpan.FromMinutes(10);
        var waited = Stopwatch.StartNew(); // elapsed time, not a date: monotonic, no clock read
        while (true)
        {
            if (TryLock(full, name) is { } held)
            {
                try
                {
                    Complete(full, name);
                    return new ExportSet(full, name, runId, held);
                }
                catch
                {
                    held.Dispose();
                    throw;
                }
            }

            if (waited.Elapsed > limit)
            {
                throw new IOException($"Another process has been writing the {name} exports in {full} for too long; try again later.");
            }

            Thread.Sleep(200);
        }
    }

    /// <summary>
    /// At start-up: completes or cleans up every set a killed process left in <paramref name="folder"/>. Sets
    /// another live process is writing are left alone. Returns the sets it repaired.
    /// </summary>
    public static IReadOnlyList<string> Recover(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            return [];
        }

        var names = Directory.EnumerateFiles(full, ".*.lock").Select(p => Path.GetFileName(p)[1..^".lock".Length])
            .Concat(Directory.EnumerateFiles(full, ".*.publishing.json").Select(p => Path.GetFileName(p)[1..^".publishing.json".Length]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var repaired = new List<string>();
        foreach (var name in names)
        {
            using var held = TryLock(full, name);
            if (held is not null && Complete(full, name))
            {
                repaired.Add(name);
            }
        }

        return repaired;
    }

    /// <summary>Writes one file of the set under a temporary name (thread-safe: files may be written in parallel). Returns its final path.</summary>
    public string Write(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        if (fileName != Path.GetFileName(fileName) || fileName.StartsWith('.'))
        {
            throw new ArgumentException($"'{fileName}' is not a plain file name.", nameof(fileName));
        }

        // What single-file writes of earlier versions (<file>.tmp-<guid>) left when they were killed.
        foreach (var legacy in Directory.EnumerateFiles(_folder, fileName + ".tmp-*"))
        {
            TryDelete(legacy);
        }

        var temp = Path.Combine(_folder, $"{TempPrefix}{_name}-{_token}-{fileName}");
        long count;
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            count = CsvExport.WriteTo(stream, header, rows);
        }

        var file = new ExportedFile(fileName, count, new FileInfo(temp).Length, Sha256(temp));
        lock (_files)
        {
            _files.Add((temp, file));
        }

        return Path.Combine(_folder, fileName);
    }

    /// <summary>Renames every written file into place, then the manifest. Returns the final paths (manifest last).</summary>
    public IReadOnlyList<string> Publish()
    {
        if (_published)
        {
            throw new InvalidOperationException("The set is already published.");
        }

        var files = _files.OrderBy(f => f.File.Name, StringComparer.Ordinal).ToList();
        if (files.Select(f => f.File.Name).Append(ManifestName(_name)).FirstOrDefault(n => Directory.Exists(Path.Combine(_folder, n))) is { } blocked)
        {
            // Found now, before the commit point, rather than half way through the renames.
            throw new IOException($"Cannot publish the {_name} exports: {Path.Combine(_folder, blocked)} is a folder.");
        }

        var manifestTemp = Path.Combine(_folder, $"{TempPrefix}{_name}-{_token}-{ManifestName(_name)}");
        File.WriteAllBytes(manifestTemp, JsonSerializer.SerializeToUtf8Bytes(new ExportManifest(_name, _runId, files.Select(f => f.File).ToList()), Json));
        var renames = files.Select(f => new Rename(f.Temp, Path.Combine(_folder, f.File.Name)))
            .Append(new Rename(manifestTemp, Path.Combine(_folder, ManifestName(_name))))
            .ToList();

        // The commit point: once the journal is in place the set will be published, by this call or by the next start.
        var journal = JournalPath(_folder, _name);
        var journalTemp = Path.Combine(_folder, $"{TempPrefix}{_name}-{_token}-journal");
        File.WriteAllBytes(journalTemp, JsonSerializer.SerializeToUtf8Bytes(renames, Json));
        File.Move(journalTemp, journal, overwrite: true);
        _published = true;
        BeforeRenames?.Invoke(_name);
        Apply(renames);
        File.Delete(journal);
        return renames.Select(r => r.To).ToList();
    }

    /// <summary>Deletes what an unpublished set wrote and releases the set.</summary>
    public void Dispose()
    {
        if (!_published)
        {
            foreach (var (temp, _) in _files)
            {
                TryDelete(temp);
            }
        }

        _lock.Dispose();
    }

    private static FileStream? TryLock(string folder, string name)
    {
        try
        {
            // FileShare.None is an advisory lock the OS drops with the process: a killed writer never blocks the next.
            return new FileStream(Path.Combine(folder, $".{name}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Under the set's lock: finishes a journal a killed writer left, deletes its temporary files. True when there was something to do.</summary>
    private static bool Complete(string folder, string name)
    {
        var any = false;
        var journal = JournalPath(folder, name);
        if (File.Exists(journal))
        {
            var renames = JsonSerializer.Deserialize<List<Rename>>(File.ReadAllBytes(journal), Json) ?? [];
            Apply(renames.Where(r => Path.GetDirectoryName(r.From) == folder && Path.GetDirectoryName(r.To) == folder).ToList());
            File.Delete(journal);
            any = true;
        }

        foreach (var leftover in Directory.EnumerateFiles(folder, $"{TempPrefix}{name}-*"))
        {
            TryDelete(leftover);
            any = true;
        }

        return any;
    }

    private static void Apply(IReadOnlyList<Rename> renames)
    {
        foreach (var r in renames)
        {
            if (File.Exists(r.From))
            {
                File.Move(r.From, r.To, overwrite: true);
            }
        }
    }

    private static string JournalPath(string folder, string name) => Path.Combine(folder, $".{name}.publishing.json");

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed record Rename(string From, string To);
}
