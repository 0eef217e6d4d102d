using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Integration.Core.Dates;
using Integration.Core.Jobs;
using Integration.Core.Reference;
using Integration.Core.Storage;
using Integration.Core.Truth;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.Matching.Evaluation;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary>
/// <c>demo</c>: the whole pipeline on the embedded default in one command. Generates a sample, lands it,
/// ingests, matches, raises alerts, writes every export and prints what a manager would want to know.
/// It runs the same jobs the scheduler runs, so the demo proves the production path.
/// </summary>
internal static class DemoCommand
{
    private const string Marker = ".integration-demo";
    private static readonly Option<string> Out = new("--out") { Description = "Folder for the demo: sample, database, raw zone, exports.", DefaultValueFactory = _ => "out/demo" };
    private static readonly Option<int> Scale = new("--scale") { Description = "True enterprises in the sample.", DefaultValueFactory = _ => 10_000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Random seed of the sample.", DefaultValueFactory = _ => 42 };
    private static readonly Option<string?> AsOf = new("--as-of") { Description = "Extract date of the sample, yyyy-MM-dd (default: today)." };

    public static Command Create()
    {
        var command = new Command("demo", "Generate a sample, ingest, match, raise alerts and export everything; print a summary.");
        foreach (var option in new Option[] { Out, Scale, Seed, AsOf })
        {
            command.Options.Add(option);
        }

        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var root = Path.GetFullPath(parse.GetValue(Out)!);
        if (!PrepareFolder(root))
        {
            return 2;
        }

        var landing = Path.Combine(root, "landing");
        var exports = Path.Combine(root, "exports");
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = Path.Combine(root, "integration.db"),
            ["Storage:Kind"] = "Local",
            ["Storage:LandingPath"] = landing,
            ["Storage:RawPath"] = Path.Combine(root, "raw"),
            ["Storage:ExportPath"] = exports,
        };
        using var services = CliServices.Build(parse, overrides);
        var clock = services.GetRequiredService<TimeProvider>();
        var asOf = parse.GetValue(AsOf) is { Length: > 0 } text
            ? IsoDate.Parse(text)
            : DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var jobs = services.GetServices<IPipelineJob>().ToDictionary(j => j.Name, StringComparer.Ordinal);
        var context = new JobContext("demo", clock.GetUtcNow(), Environment.UserName);
        var watch = Stopwatch.StartNew();
        var lines = new List<string>();

        GenerationSummary generated = null!;
        EvaluationOutcome evaluation = null!;
        await Step("Generating a sample registry", () =>
        {
            var options = new GeneratorOptions { Scale = parse.GetValue(Scale), Seed = parse.GetValue(Seed), AsOf = asOf, BadFiles = true };
            generated = new RegistryGenerator(options, services.GetRequiredService<Gazetteer>(), PersonNames.Load(null)).Run(landing, null, ct);
            return Task.FromResult($"{generated.Firms:N0} true enterprises as of {IsoDate.Format(asOf)}, {generated.Files.Count} files landed");
        });
        foreach (var name in new[] { "ingest", "match", "alerts" })
        {
            await Step($"Running job '{name}'", async () => (await jobs[name].RunAsync(context, ct)).Summary);
        }

        await Step("Scoring against the sample's ground truth", async () =>
        {
            var (markdown, sections) = await services.GetRequiredService<EvaluationReport>().RunAsync(GroundTruth.Load(landing), ct);
            EvaluationReport.Write(exports, markdown, sections);
            evaluation = new EvaluationOutcome(sections);
            return string.Join("; ", sections.Select(s => s.Name));
        });

        DemoSummary.Print(exports, evaluation.Sections, watch.Elapsed);
        PrintNextSteps(root);
        return 0;

        async Task Step(string title, Func<Task<string>> action)
        {
            var started = watch.Elapsed;
            string result;
            if (AnsiConsole.Profile.Capabilities.Interactive)
            {
                result = await AnsiConsole.Status().StartAsync(title + "...", _ => action());
            }
            else
            {
                Console.WriteLine(title + "...");
                result = await action();
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]done[/] {title} ({(watch.Elapsed - started).TotalSeconds:F1} s): {result}");
            lines.Add(result);
        }
    }

    /// <summary>Only ever deletes a folder this command created (it carries a marker file), never user data.</summary>
    private static bool PrepareFolder(string root)
    {
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            if (!File.Exists(Path.Combine(root, Marker)))
            {
                Console.Error.WriteLine($"demo: '{root}' exists and was not made by 'demo'; choose another --out.");
                return false;
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, Marker), "Created by 'integration demo'; deleted and rebuilt by the next demo run.\n");
        return true;
    }

    private static void PrintNextSteps(string root)
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), root);
        Console.WriteLine();
        Console.WriteLine("Next:");
        Console.WriteLine($"  exports and reports:  {Path.Combine(rel, "exports")}");
        Console.WriteLine($"  a web admin account:  dotnet run -c Release --project src/Host -- users add admin --role admin --password-stdin --data {rel}");
        Console.WriteLine($"  start the service:    dotnet run -c Release --project src/Host -- serve --data {rel}");
        Console.WriteLine("  the web app:          http://127.0.0.1:5080/ (Khmer and English; docs/web.md)");
        Console.WriteLine($"  check a licence:      curl http://127.0.0.1:5080/api/licence-checks/<registration_no>");
        Console.WriteLine($"  or from the CLI:      dotnet run -c Release --project src/Host -- check <registration_no> --data {rel}");
        Console.WriteLine("  API description:      http://127.0.0.1:5080/openapi/v1.json");
    }

    private sealed record EvaluationOutcome(IReadOnlyList<EvaluationSection> Sections);
}
