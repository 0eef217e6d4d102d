using System.CommandLine;
using Integration.Alerts.Jobs;
using Integration.Core.Dates;
using Integration.Core.Storage;
using Integration.Matching.Export;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary><c>export</c>: licence-checks.csv, leads.csv, targets.csv and the linkage CSVs, written atomically.</summary>
internal static class ExportCommand
{
    private static readonly Option<string?> Out = new("--out") { Description = "Folder to write to (default: Storage:ExportPath)." };
    private static readonly Option<string?> AsOf = AlertsCli.AsOf("checks (default: Alerts:BatchAsOf, else today)");
    private static readonly Option<bool> NoRecord = new("--no-record") { Description = "Do not log the batch checks nor store the lead snapshot (a preview)." };

    public static Command Create()
    {
        var command = new Command("export", "Batch licence checks for every pending renewal, leads and targets as CSV, plus enterprises/links/review CSVs.");
        command.Options.Add(Out);
        command.Options.Add(AsOf);
        command.Options.Add(NoRecord);
        command.SetAction((parse, ct) => AlertsCli.Guard("export", () => RunAsync(parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        AlertsCli.Date(parse, AsOf); // a malformed date is refused before the database is opened
        using var services = CliServices.BuildForJob(parse);
        var asOf = AlertsCli.Date(parse, AsOf, services);
        var folder = Path.GetFullPath(parse.GetValue(Out) is { Length: > 0 } o ? o : services.GetRequiredService<StorageOptions>().ExportPath);
        var batch = services.GetRequiredService<AlertsBatch>();
        var linkage = services.GetRequiredService<LinkageExporter>();

        async Task<(AlertsOutcome Outcome, IReadOnlyList<string> Files)> Work(Action<string> step)
        {
            step("Computing checks, leads and targets");
            var run = await batch.RunAsync(asOf, record: !parse.GetValue(NoRecord), "cli", AlertsDetail.Lists, ct);
            if (run.MatchRun is null)
            {
                return (run, []);
            }

            step("Writing CSV files");
            var written = AlertsBatch.Export(folder, run).ToList();
            written.AddRange(await linkage.ExportAsync(folder, ct));
            return (run, written);
        }

        var (outcome, files) = AnsiConsole.Profile.Capabilities.Interactive
            ? await AnsiConsole.Status().StartAsync("Exporting", ctx => Work(s => ctx.Status(s)))
            : await Work(s => Console.WriteLine(s + "..."));
        if (outcome.MatchRun is null)
        {
            Console.Error.WriteLine("export: no match run yet; run 'ingest' and 'match' first.");
            return 1;
        }

        var blocks = outcome.CheckRows.Count(c => c.Decision == "BLOCK");
        var reviews = outcome.CheckRows.Count(c => c.Decision == "REVIEW");
        AnsiConsole.MarkupLine($"Match run {AlertsCli.Markup(outcome.MatchRun.RunId)}, as of {IsoDate.Format(outcome.AsOf)}: {outcome.CheckRows.Count:N0} checks ([red]{blocks:N0} BLOCK[/], [yellow]{reviews:N0} REVIEW[/]), {outcome.Leads.Count:N0} leads ({outcome.Leads.Count(l => l.IsNew):N0} new), {outcome.Targets.Count:N0} targets.");
        AnsiConsole.MarkupLine(outcome.Recorded ? $"Recorded as alerts run {AlertsCli.Markup(outcome.AlertRunId)}." : "Not recorded (preview, or this match run and date were already recorded).");
        foreach (var f in files)
        {
            AnsiConsole.MarkupLine("  " + AlertsCli.Markup(f));
        }

        return 0;
    }
}
