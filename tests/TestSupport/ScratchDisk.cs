using System.Diagnostics;

namespace Integration.TestSupport;

/// <summary>
/// A small real filesystem (a tmpfs mounted under the temp folder) for the faults a test cannot fake: a full disk
/// (<see cref="Fill"/>), a filesystem that cannot be written (<see cref="MakeReadOnly"/>), and their repair.
/// Mounting needs root, as the tests and CI run; without it the constructor fails saying so. Unmounted on dispose.
/// </summary>
public sealed class ScratchDisk : IDisposable
{
    private readonly TempFolder _mountPoint = new("disk");
    private string Filler => System.IO.Path.Combine(Path, "filler.bin");

    public ScratchDisk(string size = "8m")
    {
        Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0777", "tmpfs", _mountPoint.Path);
    }

    public string Path => _mountPoint.Path;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file until the disk has no byte left.</summary>
    public void Fill()
    {
        using var file = File.OpenHandle(Filler, FileMode.Append, FileAccess.Write);
        var offset = RandomAccess.GetLength(file);
        foreach (var size in new[] { 64 * 1024, 512, 1 })
        {
            var block = new byte[size];
            try
            {
                while (true)
                {
                    RandomAccess.Write(file, block, offset);
                    offset += size;
                }
            }
            catch (IOException)
            {
                // full at this block size: try smaller ones for what is left
            }
        }
    }

    public void Free() => File.Delete(Filler);

    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void MakeWritable() => Run("mount", "-o", "remount,rw", Path);

    public void Dispose()
    {
        try
        {
            Run("umount", "-l", Path);
        }
        finally
        {
            _mountPoint.Dispose();
        }
    }

    private static void Run(string command, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({p.ExitCode}): {err.Trim()} (the fault tests mount a tmpfs: they run as root, as CI does)");
        }
    }
}
