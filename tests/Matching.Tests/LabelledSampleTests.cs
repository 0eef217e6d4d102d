using Integration.Core.Database;
using Integration.Core.Truth;
using Integration.Matching.Evaluation;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Matching.Tests;

/// <summary>
/// <c>evaluate --truth</c> on a labelled sample (truth/records.csv: feed, source_key, entity), as a ministry makes it from
/// a clerk-labelled extract: the linkage of the generated registers scored on a third of the firms gives the figures
/// the full answer key gives, and a sample without firms.csv asks nothing of the alerts.
/// </summary>
public sealed class LabelledSampleTests
{
    [Fact]
    public async Task A_labelled_sample_of_the_registers_scores_like_the_full_answer_key()
    {
        await using var pipeline = await GeneratedPipeline.RunAsync(DatabaseProvider.Sqlite, 1500, seed: 19);
        var full = pipeline.Truth;
        using var sample = new TempFolder("sample");
        var truthDir = Directory.CreateDirectory(sample.Combine(GroundTruth.SampleFolder)).FullName;
        var kept = full.Records.Where(r => int.Parse(r.TrueId[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0).ToList();
        await File.WriteAllLinesAsync(Path.Combine(truthDir, GroundTruth.RecordsFile), kept.Select(r => $"{r.Feed},{r.SourceKey},E{r.TrueId}").Prepend("feed,source_key,entity"));

        var labelled = GroundTruth.Load(sample.Path);
        var evaluation = pipeline.Services.GetServices<IEvaluation>().OfType<MatchEvaluation>().Single();
        var onSample = (await evaluation.EvaluateAsync(labelled)).Metrics;
        var onAll = (await evaluation.EvaluateAsync(full)).Metrics;

        Assert.Null(labelled.AsOf);
        Assert.False(labelled.HasFirms);
        Assert.Equal(kept.Count, onSample["labelled_records"]);
        Assert.InRange(onSample["pairwise.true_pairs"], onAll["pairwise.true_pairs"] * 0.25, onAll["pairwise.true_pairs"] * 0.42);
        foreach (var metric in new[] { "pairwise.precision", "pairwise.recall", "moc-gdt.recall" })
        {
            Assert.InRange(onSample[metric], onAll[metric] - 0.03, onAll[metric] + 0.03);
        }
    }
}
