using System.CommandLine;
using System.Globalization;
using Integration.Ingest.Feeds;
using Integration.Ingest.Reports;
using Integration.Ingest.Runs;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary>
/// <c>ingest [--landing DIR] [--feed F]</c>: loads new deliveries from the landing zone (src/Ingest), then
/// prints the run's data-quality report (a table on a terminal, plain text when redirected) and where the
/// full report was written. Exit code 0 also when files were rejected (they are in the report); 3 when a snapshot
/// is held by the removal guard; 1 when the run failed. <c>--confirm-removal FILE_ID --by NAME</c> confirms a held
/// snapshot and applies it in the same run.
/// </summary>
internal static class IngestCommand
{
    /// <summary>Exit code of a run that held a snapshot for confirmation: nothing failed, but an operator is needed.</summary>
    public const int HeldExitCode = 3;

    private static readonly Option<string?> Landing = new("--landing") { Description = "Landing folder (<feed>/<file>.csv|jsonl[.gz]); overrides Storage:LandingPath." };

    private static readonly Option<long?> ConfirmRemoval = new("--confirm-removal")
    {
        Description = "File id of a snapshot held by the removal guard (see the report): confirm that its removals are real and apply it now.",
    };

    private static readonly Option<string?> By = new("--by") { Description = "Who confirms (with --confirm-removal)." };

    private static readonly Option<string?> Note = new("--note") { Description = "Why the removals are real (with --confirm-removal)." };

    private static readonly Option<string[]> Feed = new("--feed")
    {
        Description = "Only this feed (repeatable): " + string.Join(", ", FeedCatalog.All.Select(f => f.Name)),
        AllowMultipleArgumentsPerToken = true,
    };

    public static Command Create()
    {
        var command = new Command("ingest", "Load new MoC, GDT and NSSF extracts from the landing zone: validate, quarantine bad rows, keep history, report data quality.");
        command.Options.Add(Landing);
        command.Options.Add(Feed);
        command.Options.Add(ConfirmRemoval);
        command.Options.Add(By);
        command.Options.Add(Note);
        command.SetAction(async (parse, ct) =>
        {
            var feeds = parse.GetValue(Feed) ?? [];
            var confirm = parse.GetValue(ConfirmRemoval);
            if (confirm is not null && string.IsNullOrWhiteSpace(parse.GetValue(By)))
            {
                Console.Error.WriteLine("ingest: --confirm-removal needs --by NAME (who confirms that the removals are real).");
                return 2;
            }

            if (feeds.FirstOrDefault(f => FeedCatalog.Find(f) is null) is { } unknown)
            {
                Console.Error.WriteLine($"ingest: unknown feed '{unknown}'. Feeds: {string.Join(", ", FeedCatalog.All.Select(f => f.Name))}");
                return 2;
            }

            var extra = new List<KeyValuePair<string, string?>>();
            if (parse.GetValue(Landing) is { Length: > 0 } landing)
            {
                extra.Add(new("Storage:LandingPath", Path.GetFullPath(landing)));
            }

            using var services = CliServices.BuildForJob(parse, extra);
            var service = services.GetRequiredService<IngestService>();
            if (confirm is { } fileId)
            {
                if (await services.GetRequiredService<HeldSnapshots>().ConfirmAsync(fileId, parse.GetValue(By)!, parse.GetValue(Note), ct) is not { } held)
                {
                    Console.Error.WriteLine($"ingest: file {fileId} is not a held snapshot (unknown, or applied already).");
                    return 2;
                }

                Console.WriteLine($"ingest: {held.LandingPath} (file {fileId}, {held.Removals:N0} removals) confirmed by {held.ConfirmedBy}; applying it now.");
                feeds = [held.Feed];
            }

            var request = new IngestRequest("cli", feeds.Length == 0 ? null : feeds);
            var interactive = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
            IngestRunResult result;
            try
            {
                result = interactive
                    ? await AnsiConsole.Status().StartAsync("ingesting", ctx => service.RunAsync(request, new Progress<IngestProgress>(p => ctx.Status(Describe(p))), ct))
                    : await service.RunAsync(request, new Progress<IngestProgress>(p =>
                    {
                        if (p.FileDone)
                        {
                            Console.WriteLine("ingest: " + Describe(p));
                        }
                    }), ct);
            }
            catch (IngestFailedException e)
            {
                Console.Error.WriteLine($"ingest: run {e.Result.RunId} FAILED: {e.Result.Error ?? e.InnerException?.Message}");
                if (e.Result.ReportError is { } unrecorded)
                {
                    Console.Error.WriteLine($"ingest: run {e.Result.RunId}: {unrecorded}");
                }

                return 1;
            }

            if (result.Report is { } report)
            {
                if (interactive)
                {
                    PrintTables(report);
                }
                else
                {
                    Console.WriteLine(DataQualityReportWriter.ToMarkdown(report));
                }
            }

            if (result.ReportError is { } problem)
            {
                Console.Error.WriteLine($"ingest: run {result.RunId}: {problem}");
            }

            Console.WriteLine(result.ReportPath is null
                ? $"run {result.RunId}: {result.Outcome}; no report file"
                : $"run {result.RunId}: {result.Outcome}; report {result.ReportPath} (and .json)");
            foreach (var held in result.Files.Where(f => f.Status == FileStatus.Held))
            {
                Console.WriteLine($"HELD {held.LandingPath}: {held.Error}");
            }

            return result.Outcome == RunOutcome.Held ? HeldExitCode : 0;
        });
        return command;
    }

    private static string Describe(IngestProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Feed} file {p.FileNumber}/{p.FileCount} {Path.GetFileName(p.File)}: {p.Rows:N0} rows{(p.FileDone ? " done" : "")}");

    private static void PrintTables(DataQualityReport r)
    {
        var t = r.Totals;
        AnsiConsole.MarkupLine(Markup.Escape($"Ingest {r.RunId}: {r.Outcome}. Files {t.FilesSeen} seen, {t.FilesLoaded} loaded, {t.FilesRejected} rejected, {t.FilesHeld} held, {t.FilesSkipped} skipped. Rows {t.RowsRead:N0} read = {t.RowsLoaded:N0} loaded + {t.RowsQuarantined:N0} quarantined."));
        var files = new Table().AddColumns("feed", "file", "status", "as of", "read", "loaded", "quarantined", "new", "changed", "removed", "note");
        foreach (var f in r.Feeds.SelectMany(x => x.Files).Where(f => f.Status != FileStatus.Skipped))
        {
            var c = f.Changes;
            files.AddRow(Cells(f.Feed, Path.GetFileName(f.LandingPath), f.Status, f.AsOf, N(f.RowsRead), N(f.RowsLoaded), N(f.RowsQuarantined), N(c.New), N(c.Changed + c.Corrected + c.Reappeared), N(c.Removed), f.Error ?? string.Join(", ", f.UnknownColumns)));
        }

        AnsiConsole.Write(files);
        var reasons = new Table().AddColumns("feed", "reason", "rows", "examples");
        foreach (var feed in r.Feeds)
        {
            foreach (var q in feed.Quarantine)
            {
                reasons.AddRow(Cells(feed.Feed, q.Reason, N(q.Count), string.Join("\n", q.Examples)));
            }

            foreach (var w in feed.FieldWarnings)
            {
                reasons.AddRow(Cells(feed.Feed, w.Reason + " (field repaired, row loaded)", N(w.Count), string.Join("\n", w.Examples)));
            }
        }

        if (reasons.Rows.Count > 0)
        {
            AnsiConsole.Write(reasons);
        }

        var fill = new Table().AddColumns("feed", "current records", "completeness");
        foreach (var feed in r.Feeds)
        {
            fill.AddRow(Cells(feed.Feed, N(feed.CurrentRecords), string.Join(", ", feed.Completeness.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Column} {c.Ratio * 100:0.0}%")))));
        }

        AnsiConsole.Write(fill);
    }

    private static Text[] Cells(params string[] values) => values.Select(v => new Text(v)).ToArray();

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
