using System.Diagnostics;

namespace Integration.TestSupport;

/// <summary>
/// Makes one file unwritable even for root (chattr +i, which the tests and CI can set as root), the way a file
/// owned by another user or a mis-set permission is for a service: SQLite then opens it read-only without a word.
/// <see cref="Release"/> (or dispose) makes it writable again.
/// </summary>
public sealed class UnwritableFile : IDisposable
{
    private readonly string _path;
    private bool _set;

    public UnwritableFile(string path)
    {
        _path = path;
        Chattr("+i");
        _set = true;
    }

    public void Release()
    {
        if (_set)
        {
            Chattr("-i");
            _set = false;
        }
    }

    public void Dispose() => Release();

    private void Chattr(string flag)
    {
        using var p = Process.Start(new ProcessStartInfo("chattr", [flag, _path]) { RedirectStandardError = true, UseShellExecute = false })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"chattr {flag} {_path} failed: {err.Trim()} (needs root, as the tests and CI run)");
        }
    }
}
