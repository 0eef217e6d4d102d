using System.Diagnostics;
using System.Text;
using Integration.Core.Database;

namespace Integration.TestSupport;

/// <summary>
/// The built <c>integration</c> binary (copied beside the tests of a project that references the host) running
/// <c>serve</c> as a child process, with its console output captured. Killed on dispose.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServeProcess(string workingDirectory, DatabaseOptions database, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "integration.dll"));
        psi.ArgumentList.Add("serve");
        psi.ArgumentList.Add("--db-provider");
        psi.ArgumentList.Add(database.Provider.ToString().ToLowerInvariant());
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        // The connection string goes by environment, as the deployment docs say secrets should.
        psi.Environment["Database__ConnectionString"] = database.ConnectionString;
        foreach (var kv in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[kv.Key] = kv.Value;
        }

        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Runs another command of the same binary to its end (e.g. <c>demo</c>, <c>users add</c>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "integration.dll"));
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await p.StandardInput.WriteLineAsync(standardInput);
        }

        p.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException e)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"integration {string.Join(' ', arguments)} did not finish. Output:\n{await stdout}{await stderr}", e);
        }

        return (p.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits (bounded) until the output contains the text; fails with the output so far if the process exits first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var limit = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > limit)
            {
                if (_process.HasExited)
                {
                    _process.WaitForExit(); // drains the redirected output
                }

                throw new InvalidOperationException($"serve did not print '{text}' (exited: {_process.HasExited}). Output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
