// Over 300 lines: one run of the national benchmark; its steps share the run's folders, step figures and import baseline (the process, load, import and digest code lives in Scale/).
using System.Globalization;
using System.Text;
using Dapper;
using Integration.Bench.Scale;
using Integration.Core.Database;
using Npgsql;

namespace Integration.Bench;

/// <summary>
/// Issue 14's benchmark, end to end at national scale and at twice that: for each scale, generate the landing folder,
/// then time each step as its own <c>integration</c> process (ingest, match, alerts with every export), the daily run
/// (a 1 % delta of the registers and one month of contributions: ingest, match, alerts) and a full rebuild of the same
/// day (whose exports must equal the daily run's), and licence checks over HTTP at a fixed rate against
/// <c>integration serve</c> while those jobs run, on SQLite and on PostgreSQL. Every time is also given as a ratio
/// to <c>sqlite3 .import</c> of the same files, measured before and after in the same run.
/// Usage: <c>scale [FIRMS[:PART+PART] ...] [--work DIR] [--only full,daily,checks,postgres] [--rate N] [--bin integration.dll]</c>
/// (bench/scale.sh installs what it needs and runs it).
/// </summary>
public sealed class ScaleBench : IBench
{
    public string Name => "scale";

    public string Description => "issue 14: ingest, match, alerts + exports, daily run, checks during jobs, at 500k and 1M firms, as ratios to sqlite3 .import";

    public string Usage => "[FIRMS[:PART+PART] ...] (default: 500000 1000000) [--work DIR] [--only full,daily,checks,postgres] [--rate N] [--job-priority Normal|BelowNormal] [--bin integration.dll]";

    private sealed record StepRow(string Name, ProcessFigures Figures);

    private sealed record Phase(string Name, double Start, double End);

    public async Task<string> RunAsync(string[] args)
    {
        var a = BenchArgs.Parse(args);
        // A scale may name its own parts ("1000000:full+checks"); otherwise --only applies.
        var scales = (a.Positional.Count > 0 ? a.Positional : ["500000", "1000000"]).Select(p => p.Split(':', 2)).ToList();
        var work = Path.GetFullPath(a.Get("--work") ?? Path.Combine(Path.GetTempPath(), "integration-scale"));
        var only = (a.Get("--only") ?? "full,daily,checks,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var rate = int.Parse(a.Get("--rate") ?? "1000", CultureInfo.InvariantCulture);
        // The CPU priority of the jobs run under the checks (Schedule:BatchPriority): Normal, or BelowNormal as on a host that answers checks.
        var jobPriority = a.Get("--job-priority") ?? "Normal";
        var bin = Path.GetFullPath(a.Get("--bin") ?? Path.Combine(BenchRunner.Root(), "src", "Host", "bin", "Release", "net10.0", "integration.dll"));
        if (!File.Exists(bin))
        {
            throw new FileNotFoundException($"{bin} not found: build it first (bench/scale.sh does).");
        }

        var md = new StringBuilder();
        md.AppendLine("# National scale end to end, the daily run, checks while jobs run (issue 14)").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Commit {BenchRunner.Commit()}, {Environment.ProcessorCount} cores, SQLite unless said. Load average (1, 5, 15 min) at the start: **{BenchRunner.LoadAverage()}**.");
        md.AppendLine("Each step runs as its own `integration` process, timed by GNU time (wall, user + sys CPU, peak resident set of that process).");
        md.AppendLine("Ratios divide by `sqlite3 .import` of the same CSV files into a fresh database (one table per feed, no checks), measured before and after the steps of each scale in this run; the ratio uses their mean.");
        md.AppendLine("Command: `bash bench/scale.sh " + string.Join(' ', args) + "`.").AppendLine();
        foreach (var scale in scales)
        {
            var firms = int.Parse(scale[0], CultureInfo.InvariantCulture);
            var parts = scale.Length > 1 ? scale[1].Split('+', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) : only;
            md.Append(await ScaleAsync(firms, Path.Combine(work, scale[0]), bin, parts, rate, jobPriority));

            // A national run takes long on a shared machine: what is measured so far is kept if a later scale fails.
            await File.WriteAllTextAsync(Path.Combine(BenchRunner.Root(), "bench", "results", Name + ".md"), md + "*(Run in progress: later scales not measured yet.)*\n");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: **{BenchRunner.LoadAverage()}**.");
        return md.ToString();
    }

    private static async Task<string> ScaleAsync(int firms, string dir, string bin, HashSet<string> only, int rate, string jobPriority)
    {
        Console.Error.WriteLine($"scale {firms:N0}: {dir}");
        Directory.CreateDirectory(dir);
        var logs = Path.Combine(dir, "logs");
        var landing = Path.Combine(dir, "landing");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var day1 = today.AddDays(-2);
        var day2 = today.AddDays(-1);
        var loadStart = BenchRunner.LoadAverage();
        var md = new StringBuilder();
        await GenerateAsync(bin, firms, landing, day1, logs);
        var rows = LandingRows(landing);
        md.AppendLine(CultureInfo.InvariantCulture, $"## {firms:N0} firms").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Landing: {string.Join(", ", rows.Select(r => $"{r.Key} {r.Value:N0}"))} rows ({rows.Values.Sum():N0} in all, {LandingBytes(landing) / 1048576.0:N0} MiB, as of {day1:yyyy-MM-dd}). Load average at the start of this scale: {loadStart}.").AppendLine();

        var baseline = new List<ProcessFigures> { await SqliteImport.RunAsync("import-before", landing, logs) };
        var full = new List<StepRow>();
        var daily = new List<StepRow>();
        var rebuild = new List<StepRow>();
        IReadOnlyList<(string File, bool Equal, long Rows, long OnlyLeft, long OnlyRight)>? equality = null;
        DeltaSummary? delta = null;
        var data = Path.Combine(dir, "data");
        if (only.Contains("full") || only.Contains("daily"))
        {
            Fresh(data);
            full.Add(new("ingest", await Cli(bin, "ingest", logs, ["--data", data, "ingest", "--landing", landing])));
            full.Add(new("match", await Cli(bin, "match", logs, ["--data", data, "match"])));
            full.Add(new("alerts and all exports (`export`)", await Cli(bin, "export", logs, ["--data", data, "export"])));
        }

        baseline.Add(await SqliteImport.RunAsync("import-after", landing, logs));
        var import = baseline.Average(b => b.WallSeconds);
        var importCpu = baseline.Average(b => b.CpuSeconds);
        md.AppendLine(CultureInfo.InvariantCulture, $"Baseline `sqlite3 .import`: {baseline[0].WallSeconds:0.0} s before, {baseline[1].WallSeconds:0.0} s after the steps (CPU {baseline[0].CpuSeconds:0.0} s, {baseline[1].CpuSeconds:0.0} s); mean **{import:0.0} s**.").AppendLine();
        if (full.Count > 0)
        {
            md.AppendLine("| step | wall | / import | CPU (user+sys) | / import CPU | peak resident |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var s in full)
            {
                md.AppendLine(Row(s.Name, s.Figures.WallSeconds, s.Figures.CpuSeconds, s.Figures.PeakMiB, import, importCpu));
            }

            md.AppendLine(Row("**end to end**", full.Sum(s => s.Figures.WallSeconds), full.Sum(s => s.Figures.CpuSeconds), full.Max(s => s.Figures.PeakMiB), import, importCpu, bold: true));
            md.AppendLine();
            md.AppendLine("Targets: end to end <= 60 s, every step <= 2 GB (2,048 MiB) peak.").AppendLine();
        }

        if (only.Contains("daily") && full.Count > 0)
        {
            // The same day applied twice from the same state: incrementally (the daily run) and as a full rebuild.
            var day2Landing = Path.Combine(dir, "landing-day2");
            Fresh(day2Landing);
            foreach (var file in Directory.EnumerateFiles(landing, "*", SearchOption.AllDirectories).Where(f => !f.Contains("ground-truth", StringComparison.Ordinal)))
            {
                var to = Path.Combine(day2Landing, Path.GetRelativePath(landing, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
                File.SetLastWriteTimeUtc(to, File.GetLastWriteTimeUtc(file));
            }

            delta = DailyDelta.Write(day2Landing, day2, seed: firms);
            var copy = Path.Combine(dir, "data-rebuild");
            Fresh(copy);
            CopyFolder(data, copy);
            daily.Add(new("ingest (the day's files)", await Cli(bin, "daily-ingest", logs, ["--data", data, "ingest", "--landing", day2Landing])));
            daily.Add(new("match", await Cli(bin, "daily-match", logs, ["--data", data, "match"])));
            daily.Add(new("alerts and all exports", await Cli(bin, "daily-export", logs, ["--data", data, "export"])));
            rebuild.Add(new("ingest (the day's files)", await Cli(bin, "rebuild-ingest", logs, ["--data", copy, "ingest", "--landing", day2Landing])));
            rebuild.Add(new("match, full rebuild (model held fixed)", await Cli(bin, "rebuild-match", logs, ["--data", copy, "match", .. FullMatchArgs(bin)])));
            rebuild.Add(new("alerts and all exports", await Cli(bin, "rebuild-export", logs, ["--data", copy, "export"])));
            equality = ExportDigest.Compare(Path.Combine(data, "exports"), Path.Combine(copy, "exports"));
            md.Append(DailySection(delta, daily, rebuild, equality, import));
            BenchPipeline.Delete(copy);
            BenchPipeline.Delete(day2Landing);
        }

        if (only.Contains("checks"))
        {
            md.Append(await ChecksAsync("SQLite", bin, dir, landing, logs, rate, import, [], jobPriority));
        }

        if (only.Contains("postgres"))
        {
            var admin = Environment.GetEnvironmentVariable("INTEGRATION_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
            var name = "scale_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.ExecuteAsync($"CREATE DATABASE {name}");
            }

            try
            {
                var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
                md.Append(await ChecksAsync("PostgreSQL", bin, dir, landing, logs, rate, import, ["--db-provider", "postgres", "--db", cs], jobPriority));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(admin);
                await conn.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }

        BenchPipeline.Delete(data);
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end of this scale: {BenchRunner.LoadAverage()}.").AppendLine();
        return md.ToString();
    }

    /// <summary>
    /// The match command's options for the rebuild the daily run is compared with: every record standardised again with
    /// the last full run's model held fixed (incremental == full is defined with the model fixed), or a plain full
    /// rebuild on builds without --keep-model (older builds always rebuild).
    /// </summary>
    private static string[] FullMatchArgs(string bin) =>
        HasOption(bin, "match", "--keep-model") ? ["--full", "--keep-model"] : HasOption(bin, "match", "--full") ? ["--full"] : [];

    private static bool HasOption(string bin, string command, string option)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", [bin, command, "--help"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var help = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return help.Contains(option, StringComparison.Ordinal);
    }

    private static string DailySection(DeltaSummary delta, List<StepRow> daily, List<StepRow> rebuild, IReadOnlyList<(string File, bool Equal, long Rows, long OnlyLeft, long OnlyRight)> equality, double import)
    {
        var md = new StringBuilder();
        md.AppendLine("### The daily run").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"The next day's delivery: each register again as a full snapshot with 1 % of its records changed or new ({string.Join("; ", delta.Snapshots.Select(s => $"{s.Key}: {s.Value.Rows:N0} rows, {s.Value.Changed:N0} changed, {s.Value.New:N0} new"))}), and one month of contributions ({delta.ContributionRows:N0} rows for {delta.ContributionPeriod}).").AppendLine();
        md.AppendLine("| step | daily run: wall | / import | CPU | peak | full rebuild: wall | CPU | peak |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < daily.Count; i++)
        {
            var d = daily[i].Figures;
            var r = rebuild[i].Figures;
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {daily[i].Name} | {d.WallSeconds:0.0} s | {d.WallSeconds / import:0.00} | {d.CpuSeconds:0.0} s | {d.PeakMiB:N0} MiB | {r.WallSeconds:0.0} s | {r.CpuSeconds:0.0} s | {r.PeakMiB:N0} MiB |"));
        }

        var dw = daily.Sum(s => s.Figures.WallSeconds);
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| **daily run** | **{dw:0.0} s** | **{dw / import:0.00}** | {daily.Sum(s => s.Figures.CpuSeconds):0.0} s | {daily.Max(s => s.Figures.PeakMiB):N0} MiB | {rebuild.Sum(s => s.Figures.WallSeconds):0.0} s | {rebuild.Sum(s => s.Figures.CpuSeconds):0.0} s | {rebuild.Max(s => s.Figures.PeakMiB):N0} MiB |"));
        md.AppendLine();
        md.AppendLine("Target: the daily run <= 5 s. Its exports against the full rebuild's (run id columns left out):").AppendLine();
        md.AppendLine("| file | rows | equal | rows only in the daily run's | rows only in the rebuild's |");
        md.AppendLine("|---|---:|---|---:|---:|");
        foreach (var e in equality)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {e.File} | {e.Rows:N0} | {(e.Equal ? "yes" : "**no**")} | {e.OnlyLeft:N0} | {e.OnlyRight:N0} |"));
        }

        md.AppendLine();
        return md.ToString();
    }

    /// <summary>
    /// A first national load while the service runs: <c>serve</c> on an empty database, checks at <paramref name="rate"/>
    /// per second for random MoC numbers of the landing folder from start to end, while ingest, match and export run one
    /// after the other as their own processes; then, the backlog answered, a fresh load on the loaded database with no job running (idle).
    /// Latency per phase, from each request's due time.
    /// </summary>
    private static async Task<string> ChecksAsync(string database, string bin, string dir, string landing, string logs, int rate, double import, string[] dbArgs, string jobPriority)
    {
        Console.Error.WriteLine($"  checks on {database}");
        var data = Path.Combine(dir, "checks-data");
        Fresh(data);
        var global = (string[])["--data", data, .. dbArgs];
        var numbers = RegistrationNumbers(landing);
        var phases = new List<Phase>();
        var steps = new List<StepRow>();
        Sample[] samples;
        double servePeak;
        var loadStart = BenchRunner.LoadAverage();
        string loadEnd;
        long logged;
        await using (var serve = await ServeProcess.StartAsync(bin, global, Path.Combine(logs, $"serve-{database}.log")))
        {
            await using var load = new OpenLoopLoad(serve.Address, numbers, rate, seed: 7, acceptUnknown: true);
            load.Start();
            async Task Job(string name, string step, string[] command)
            {
                var start = load.Now;
                steps.Add(new(name, await Cli(bin, $"{step}-{database}", logs, [.. global, "--set", $"Schedule:BatchPriority={jobPriority}", .. command])));
                phases.Add(new($"during {name}", start, load.Now));
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await Job("ingest", "checks-ingest", ["ingest", "--landing", landing]);
            await Job("match", "checks-match", ["match"]);
            await Job("alerts and exports", "checks-export", ["export"]);
            var during = await load.StopAsync();

            // Idle is measured by a load of its own, once the requests still queued from the jobs are answered: a
            // backlog left by the export would otherwise be counted against the idle service.
            await Task.Delay(TimeSpan.FromSeconds(5));
            await using var idleLoad = new OpenLoopLoad(serve.Address, numbers, rate, seed: 8, acceptUnknown: true);
            idleLoad.Start();
            await Task.Delay(TimeSpan.FromSeconds(17));
            var offset = phases[^1].End + 10;
            phases.Insert(0, new("idle (loaded database, no job)", offset + 2, offset + idleLoad.Now));
            samples = [.. during, .. (await idleLoad.StopAsync()).Select(x => x with { DueSeconds = x.DueSeconds + offset })];
            servePeak = serve.PeakMiB();
            loadEnd = BenchRunner.LoadAverage();
            logged = CountChecks(data, dbArgs);
        }

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"### Licence checks while jobs run ({database})").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`integration serve` on an empty database; {rate:N0} checks/s over HTTP on loopback (open loop, random MoC numbers of the landing folder, latency from each request's due time) from before the first national ingest to after the export; the jobs run one after the other as their own processes at {jobPriority} CPU priority (`Schedule:BatchPriority`), then, once the requests still queued are answered, a fresh load of the same rate on the loaded database with no job running (idle). A 404 (number not loaded yet) counts as answered. Load average at the start {loadStart}, at the end {loadEnd}; server peak resident {servePeak:N0} MiB.").AppendLine();
        md.AppendLine("| phase | seconds | requests | p50 | p99 | p99.9 | max | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in phases)
        {
            var s = samples.Where(x => x.DueSeconds >= p.Start && x.DueSeconds < p.End).ToArray();
            var sorted = s.Select(x => x.LatencyMs).Order().ToArray();
            double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {p.Name} | {p.End - p.Start:0} | {s.Length:N0} | {P(0.5):0.0} ms | **{P(0.99):0.0} ms** | {P(0.999):0.0} ms | {P(1):0.0} ms | {s.Count(x => !x.Ok)} |"));
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Targets: p99 <= 10 ms idle, <= 50 ms during ingest and match. Requests answered: {samples.Count(x => x.Ok):N0} of {samples.Length:N0}; check log rows (channel http): {logged:N0}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"The jobs under this load: {string.Join(", ", steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Figures.WallSeconds:0.0} s ({s.Figures.WallSeconds / import:0.0} x import)")))}.").AppendLine();
        BenchPipeline.Delete(data);
        return md.ToString();
    }

    /// <summary>Checks the service logged, read through the product's own database access (the check log may be a database of its own).</summary>
    private static long CountChecks(string data, string[] dbArgs)
    {
        var options = dbArgs.Length == 0
            ? new DatabaseOptions { ConnectionString = Path.Combine(data, "integration.db") }
            : new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = dbArgs[^1] };
        using var conn = new Db(options).Open();
        return conn.ExecuteScalar<long>("SELECT COUNT(*) FROM licence_checks WHERE channel = 'http'");
    }

    private static Task<ProcessFigures> Cli(string bin, string step, string logs, string[] args, bool failOnError = true) =>
        TimedProcess.RunAsync(step, logs, "dotnet", [bin, .. args], failOnError: failOnError);

    private static async Task GenerateAsync(string bin, int firms, string landing, DateOnly asOf, string logs)
    {
        var marker = Path.Combine(landing, ".generated");
        var want = string.Create(CultureInfo.InvariantCulture, $"{firms} seed 1 as of {asOf:yyyy-MM-dd}");
        if (File.Exists(marker) && File.ReadAllText(marker) == want)
        {
            return;
        }

        Fresh(landing);
        await Cli(bin, "generate", logs, ["generate", "--scale", firms.ToString(CultureInfo.InvariantCulture), "--seed", "1", "--as-of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--out", landing, "--overwrite"]);
        await File.WriteAllTextAsync(marker, want);
    }

    private static Dictionary<string, long> LandingRows(string landing) =>
        Directory.GetDirectories(landing).Where(d => !d.EndsWith("ground-truth", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .ToDictionary(d => Path.GetFileName(d), d => Directory.GetFiles(d, "*.csv").Sum(f => File.ReadLines(f).LongCount() - 1), StringComparer.Ordinal);

    private static long LandingBytes(string landing) =>
        Directory.EnumerateFiles(landing, "*.csv", SearchOption.AllDirectories).Where(f => !f.Contains("ground-truth", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);

    private static string[] RegistrationNumbers(string landing)
    {
        var file = Directory.GetFiles(Path.Combine(landing, "moc-licences"), "*.csv").Order(StringComparer.Ordinal).First();
        using var text = new StreamReader(file);
        var reader = new Integration.Core.Csv.CsvReader(text);
        var header = reader.Read()!.Fields;
        var column = header.ToList().IndexOf("registration_no");
        return reader.ReadAll().Where(r => r.Fields.Count == header.Count && r.Fields[column].Length > 0).Select(r => r.Fields[column]).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string Row(string name, double wall, double cpu, double peak, double import, double importCpu, bool bold = false)
    {
        var b = bold ? "**" : "";
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {b}{wall:0.0} s{b} | {b}{wall / import:0.00}{b} | {cpu:0.0} s | {cpu / importCpu:0.00} | {peak:N0} MiB |");
    }

    private static void Fresh(string dir)
    {
        BenchPipeline.Delete(dir);
        Directory.CreateDirectory(dir);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
