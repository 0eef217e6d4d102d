using System.Diagnostics;
using System.Globalization;

namespace Integration.Bench.Scale;

/// <summary>What one finished process cost, by the operating system's own accounting (GNU time).</summary>
/// <param name="PeakMiB">Largest resident set of the process (ru_maxrss).</param>
public sealed record ProcessFigures(string Step, double WallSeconds, double UserSeconds, double SysSeconds, double PeakMiB, int ExitCode, string Log)
{
    public double CpuSeconds => UserSeconds + SysSeconds;
}

/// <summary>
/// Runs a command as its own process under <c>/usr/bin/time</c> (Debian package <c>time</c>), its output kept in a log
/// file: wall time, CPU time and peak resident memory of that process alone, as the step would cost when run by
/// hand or by the scheduler.
/// </summary>
public static class TimedProcess
{
    public const string Time = "/usr/bin/time";

    public static async Task<ProcessFigures> RunAsync(string step, string logFolder, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, bool failOnError = true)
    {
        Directory.CreateDirectory(logFolder);
        var log = Path.Combine(logFolder, step + ".log");
        var figures = Path.Combine(logFolder, step + ".time");
        var start = new ProcessStartInfo(Time) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-o", figures, "-f", "%e %U %S %M %x", file, .. args])
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        await using (var output = new StreamWriter(log))
        {
            var o = Pump(process.StandardOutput, output);
            var e = Pump(process.StandardError, output);
            await Task.WhenAll(o, e, process.WaitForExitAsync());
        }

        // GNU time writes "Command exited with non-zero status N" before the figures when the command failed.
        var line = File.ReadAllLines(figures).Last(l => l.Length > 0).Split(' ');
        double D(int i) => double.Parse(line[i], CultureInfo.InvariantCulture);
        var result = new ProcessFigures(step, D(0), D(1), D(2), D(3) / 1024.0, int.Parse(line[4], CultureInfo.InvariantCulture), log);
        if (failOnError && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{step} exited with {result.ExitCode}; see {log}:\n" + string.Join('\n', File.ReadLines(log).TakeLast(20)));
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step}: {result.WallSeconds:0.0} s wall, {result.CpuSeconds:0.0} s CPU, {result.PeakMiB:N0} MiB peak"));
        return result;
    }

    private static async Task Pump(StreamReader from, StreamWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            lock (to)
            {
                to.WriteLine(line);
            }
        }
    }
}
