using System.CommandLine;
using Integration.Matching;
using Integration.Matching.Incremental;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary><c>match</c>: resolves the current registry records into enterprises (run after <c>ingest</c>).</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var command = new Command("match", "Link MoC, GDT and NSSF records into enterprises with stable ids; writes enterprises.csv, links.csv, review.csv. Incremental when Matching:Incremental allows it, else a full rebuild.");
        var full = new Option<bool>("--full") { Description = "A full rebuild: every record standardised and the model estimated again." };
        var keepModel = new Option<bool>("--keep-model") { Description = "With --full: every record standardised, but the last full run's model held fixed (what an incremental run must equal)." };
        var incremental = new Option<bool>("--incremental") { Description = "Incremental even if the last full run is older than Matching:Incremental:FullRebuildDays (still a full rebuild when no model is saved, the settings changed or too much changed)." };
        command.Options.Add(full);
        command.Options.Add(keepModel);
        command.Options.Add(incremental);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(keepModel) && !parse.GetValue(full) || parse.GetValue(full) && parse.GetValue(incremental))
            {
                Console.Error.WriteLine("match: --keep-model goes with --full, and --full and --incremental exclude each other.");
                return 2;
            }

            var mode = parse.GetValue(full) ? (parse.GetValue(keepModel) ? MatchMode.FullWithSavedModel : MatchMode.Full)
                : parse.GetValue(incremental) ? MatchMode.Incremental : MatchMode.Auto;
            using var services = CliServices.BuildForJob(parse);
            var runner = services.GetRequiredService<MatchRunner>();
            var progress = new Progress<string>(line => Console.WriteLine($"match: {line}"));
            MatchRunSummary s;
            if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
            {
                s = await AnsiConsole.Status().StartAsync("matching", async ctx =>
                    await runner.RunAsync(mode, new Progress<string>(line => ctx.Status(line)), ct));
            }
            else
            {
                s = await runner.RunAsync(mode, progress, ct);
            }

            Console.WriteLine($"run {s.RunId} (as of {s.AsOf}, model {s.ModelVersion}): {s.Records:N0} records -> {s.Enterprises:N0} enterprises");
            Console.WriteLine($"kind of run: {s.Mode} ({s.ModeReason})");
            Console.WriteLine("links by method: " + string.Join(", ", s.LinksByMethod.Select(kv => $"{kv.Key} {kv.Value:N0}")));
            Console.WriteLine($"review band: {s.ReviewPairs:N0} pairs; candidate pairs: {s.CandidatePairs:N0}");
            Console.WriteLine("pairs per blocking key: " + string.Join(", ", s.PairsPerBlockingKey.Select(kv => $"{kv.Key} {kv.Value:N0}")));
            var b = s.Blocking;
            Console.WriteLine((b.IdentifierPairs == 0 ? "blocking recall: no pairs share a TIN or MoC number to measure it on; "
                    : $"blocking recall: {b.IdentifierCandidates:N0} of {b.IdentifierPairs:N0} pairs sharing a TIN or MoC number became candidates ({b.Recall:P2}), "
                      + $"{b.RecallWithoutIdentifiers:P2} of them also found by the other keys; ")
                + $"{b.WindowedBlocks:N0} large blocks cut to windows ({b.RecordsInWindowedBlocks:N0} records); "
                + $"{b.RecordsLosingKeys:N0} records lost a common-name key to the cap (all have other keys), {b.RecordsWithCommonNamesOnly:N0} with nothing else kept them as windows; "
                + $"second-chance search for employer-less enterprises: {b.SecondChanceCompared:N0} pairs compared, {b.SecondChancePairs:N0} kept for review");
            Console.WriteLine("duplicate registrations (pairs of one registry in one enterprise): " + (s.DuplicatePairsByFeed.Count == 0 ? "none" : string.Join(", ", s.DuplicatePairsByFeed.Select(kv => $"{kv.Key} {kv.Value:N0}"))));
            Console.WriteLine("id events: " + (s.Events.Count == 0 ? "none" : string.Join(", ", s.Events.Select(kv => $"{kv.Key} {kv.Value:N0}"))));
            Console.WriteLine("timings (s): " + string.Join(", ", s.Timings.Select(kv => $"{(kv.Key.EndsWith("_s", StringComparison.Ordinal) ? kv.Key[..^2] : kv.Key)} {kv.Value:0.0}")));
            return 0;
        });
        return command;
    }
}
