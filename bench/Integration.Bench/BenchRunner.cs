using System.Diagnostics;
using System.Globalization;

namespace Integration.Bench;

/// <summary>One benchmark: a name, and a run that returns the markdown of its results.</summary>
public interface IBench
{
    string Name { get; }

    string Description { get; }

    /// <summary>Its arguments, for <c>--help</c>; empty where it takes none beyond what the description says.</summary>
    string Usage => "";

    Task<string> RunAsync(string[] args);
}

/// <summary>Runs one named benchmark and writes its markdown to bench/results/NAME.md.</summary>
public static class BenchRunner
{
    /// <summary>Every IBench in this assembly; each benchmark lives in its own file.</summary>
    private static readonly IBench[] All = typeof(BenchRunner).Assembly.GetTypes()
        .Where(t => typeof(IBench).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (IBench)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Name, StringComparer.Ordinal)
        .ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || All.FirstOrDefault(b => b.Name == args[0]) is not { } bench)
        {
            Console.WriteLine("usage: Integration.Bench <benchmark> [options]");
            foreach (var b in All)
            {
                Console.WriteLine($"  {b.Name,-12} {b.Description}");
            }

            return 2;
        }

        // A benchmark runs for minutes on both cores: asking for help prints it and runs nothing.
        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine($"Integration.Bench {bench.Name}: {bench.Description}");
            Console.WriteLine(bench.Usage.Length > 0 ? "usage: " + bench.Name + " " + bench.Usage : "options: see the --name values its file reads");
            return 0;
        }

        var markdown = await bench.RunAsync(args[1..]);
        var header = string.Create(CultureInfo.InvariantCulture, $"<!-- {bench.Name}: {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores, {Environment.OSVersion} -->\n");
        var dir = Path.Combine(FindRoot(), "bench", "results");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, bench.Name + ".md"), header + markdown);
        Console.WriteLine(markdown);
        return 0;
    }

    /// <summary>Peak working set of this process so far, in MiB (Linux VmHWM).</summary>
    public static double PeakMemoryMiB()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), to say how busy the shared machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The commit the benchmark was built from (git rev-parse), so a figure names the code it measured.</summary>
    public static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = FindRoot(), RedirectStandardOutput = true, UseShellExecute = false });
            var sha = git?.StandardOutput.ReadToEnd().Trim();
            git?.WaitForExit();
            return string.IsNullOrEmpty(sha) ? "unknown" : sha;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    /// <summary>The repository root (the folder of Integration.sln above the binary).</summary>
    public static string Root() => FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Integration.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
