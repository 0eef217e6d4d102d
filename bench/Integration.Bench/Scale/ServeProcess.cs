using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Integration.Bench.Scale;

/// <summary><c>integration serve --no-scheduler</c> as its own process on a free loopback port, its output kept in a log.</summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public Uri Address { get; private set; } = null!;

    public int Pid => _process.Id;

    public static async Task<ServeProcess> StartAsync(string dotnetDll, IEnumerable<string> globalArgs, string logPath, IReadOnlyDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[dotnetDll, .. globalArgs, "serve", "--no-scheduler", "--urls", "http://127.0.0.1:0"])
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        var serve = new ServeProcess(Process.Start(start)!, new StreamWriter(logPath) { AutoFlush = true });
        serve._process.OutputDataReceived += (_, e) => serve.Line(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.Line(e.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        var exited = serve._process.WaitForExitAsync();
        var first = await Task.WhenAny(serve._listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(3)));
        if (first != serve._listening.Task)
        {
            await serve.DisposeAsync();
            throw new InvalidOperationException($"serve did not start; see {logPath}");
        }

        serve.Address = await serve._listening.Task;
        return serve;
    }

    /// <summary>Peak resident memory of the server so far (VmHWM), in MiB.</summary>
    public double PeakMiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }

        if (Listening().Match(line) is { Success: true } m)
        {
            _listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Serving on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops gracefully (check log and audit log writers drain).
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
