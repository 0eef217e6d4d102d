using System.Globalization;
using System.Text;
using System.Text.Json;
using Integration.Core.Dates;
using Integration.Core.Truth;

namespace Integration.Matching.Evaluation;

/// <summary>Runs every registered <see cref="IEvaluation"/> and writes reports/evaluation.md and .json.</summary>
public sealed class EvaluationReport(IEnumerable<IEvaluation> evaluations)
{
    public async Task<(string Markdown, IReadOnlyList<EvaluationSection> Sections)> RunAsync(GroundTruth truth, CancellationToken ct = default)
    {
        var sections = new List<EvaluationSection>();
        foreach (var e in evaluations.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            sections.Add(await e.EvaluateAsync(truth, ct));
        }

        var md = new StringBuilder();
        md.AppendLine(truth.AsOf is { } asOf
            ? string.Create(CultureInfo.InvariantCulture, $"# Evaluation against ground truth (as of {IsoDate.Format(asOf)})")
            : "# Evaluation against ground truth (as of the data's latest extract)");
        md.AppendLine();
        foreach (var s in sections)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {s.Name}");
            md.AppendLine();
            md.AppendLine(s.Text);
        }

        return (md.ToString(), sections);
    }

    public static IReadOnlyList<string> Write(string exportPath, string markdown, IReadOnlyList<EvaluationSection> sections)
    {
        var dir = Path.Combine(exportPath, "reports");
        Directory.CreateDirectory(dir);
        var mdPath = Path.Combine(dir, "evaluation.md");
        var jsonPath = Path.Combine(dir, "evaluation.json");
        File.WriteAllText(mdPath, markdown);
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(
            sections.ToDictionary(s => s.Name, s => s.Metrics, StringComparer.Ordinal), new JsonSerializerOptions { WriteIndented = true }));
        return [mdPath, jsonPath];
    }
}
