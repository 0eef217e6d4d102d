using System.CommandLine;
using Integration.Core.Storage;
using Integration.Core.Truth;
using Integration.Matching.Evaluation;

namespace Integration.Host.Cli;

/// <summary>
/// <c>evaluate --truth DIR</c>: runs every registered evaluation against an answer key, either the generator's
/// ground-truth folder or a labelled sample (<c>truth/records.csv</c> with feed, source_key, entity), as
/// <see cref="GroundTruth.Load"/> describes. A sample without firms.csv scores the linkage only.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var truth = new Option<string>("--truth") { Description = "Answer key: generator output (ground-truth/), a labelled sample (truth/records.csv: feed,source_key,entity), either folder, or its records.csv.", Required = true };
        var command = new Command("evaluate", "Score the stored results against ground truth; writes <ExportPath>/reports/evaluation.md and .json.") { truth };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(truth)!;
            GroundTruth answer;
            try
            {
                answer = GroundTruth.Load(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine($"Cannot read ground truth from '{dir}': {e.Message}");
                return 1;
            }

            using var services = CliServices.Build(parse);
            var (markdown, sections) = await services.GetRequiredService<EvaluationReport>().RunAsync(answer, ct);
            var paths = EvaluationReport.Write(services.GetRequiredService<StorageOptions>().ExportPath, markdown, sections);
            Console.WriteLine(markdown);
            Console.WriteLine("written: " + string.Join(", ", paths));
            return 0;
        });
        return command;
    }
}
