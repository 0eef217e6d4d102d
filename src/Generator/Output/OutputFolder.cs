using Integration.Core.Truth;

namespace Integration.Generator.Output;

/// <summary>
/// Guards the output folder: files of an earlier run left beside a new one would be ingested together (a stale
/// snapshot is still a snapshot), so a folder holding feed or ground-truth files is refused unless the caller
/// asks to overwrite, and then only those folders are deleted, never anything else in it.
/// </summary>
public static class OutputFolder
{
    public static IEnumerable<string> OwnedFolders => FeedLayout.All.Select(f => f.Name).Append(GroundTruth.Folder);

    public static void Prepare(string outDir, bool overwrite)
    {
        foreach (var folder in OwnedFolders.Select(f => Path.Combine(outDir, f)).Where(Directory.Exists))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                continue;
            }

            if (!overwrite)
            {
                throw new IOException($"{folder} already holds files from an earlier run; choose an empty folder or pass --overwrite to replace them.");
            }

            Directory.Delete(folder, recursive: true);
        }
    }
}
