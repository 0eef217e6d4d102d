using System.Globalization;
using Integration.Alerts.Evaluation;
using Integration.Alerts.Jobs;
using Integration.Core.Database;
using Integration.Core.Truth;
using Integration.Generator;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Integration.Alerts.Tests;

/// <summary>
/// Generator -> ingest -> match -> alerts with the real libraries, scored against the ground truth. The
/// targets are the issue's: lead precision and recall at least 0.98, fewer than 1 wrong BLOCK in 1,000
/// checks. ALERTS_E2E_SCALE overrides the number of firms, ALERTS_E2E_PROFILE (default, hard) the generator profile.
/// </summary>
public sealed class EndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Generated_registries_give_accurate_leads_and_licence_decisions_on_sqlite()
    {
        var scale = int.TryParse(Environment.GetEnvironmentVariable("ALERTS_E2E_SCALE"), CultureInfo.InvariantCulture, out var s) ? s : 4000;
        var profile = Environment.GetEnvironmentVariable("ALERTS_E2E_PROFILE") is { Length: > 0 } p ? GeneratorProfiles.Parse(p) : GeneratorProfile.Default;
        var m = await RunAsync(DatabaseProvider.Sqlite, scale, seed: 5, profile);

        Assert.True(m["lead_precision"] >= 0.98, $"lead precision {m["lead_precision"]:0.0000}");
        Assert.True(m["lead_recall"] >= 0.98, $"lead recall {m["lead_recall"]:0.0000}");
        Assert.True(m["checks"] >= 50, $"only {m["checks"]} checks scored");
        Assert.True(m["wrong_blocks_per_1000"] < 1.0, $"wrong BLOCKs {m["wrong_blocks_per_1000"]:0.00} per 1,000");
        Assert.True(m["review_rate"] <= 0.03, $"REVIEW {m["review_rate"]:P2} of checks");
        // A REVIEW (uncertain match) is never wrong, but every ALLOW or BLOCK must agree with the answer key.
        Assert.True(m["decided_agreement"] >= 0.99, $"agreement outside REVIEW {m["decided_agreement"]:0.0000}");
    }

    [Fact]
    public async Task A_smaller_round_trip_works_on_postgres()
    {
        var m = await RunAsync(DatabaseProvider.Postgres, 800, seed: 13);

        Assert.True(m["lead_precision"] >= 0.95, $"lead precision {m["lead_precision"]:0.0000}");
        Assert.True(m["lead_recall"] >= 0.95, $"lead recall {m["lead_recall"]:0.0000}");
        Assert.True(m["wrong_blocks_per_1000"] < 1.0, $"wrong BLOCKs {m["wrong_blocks_per_1000"]:0.00} per 1,000");
    }

    private async Task<IReadOnlyDictionary<string, double>> RunAsync(DatabaseProvider provider, int scale, int seed, GeneratorProfile profile = GeneratorProfile.Default)
    {
        await using var pipeline = await GeneratedPipeline.RunAsync(
            provider, new GeneratorOptions { Scale = scale, Seed = seed }.Apply(profile), (services, configuration) => services.AddAlertsServices(configuration), AlertsMigrations.Set);
        var sp = pipeline.Services;

        var section = await sp.GetServices<IEvaluation>().OfType<AlertsEvaluation>().Single().EvaluateAsync(pipeline.Truth);
        output.WriteLine(section.Text);
        foreach (var kv in section.Metrics)
        {
            output.WriteLine($"{kv.Key} = {kv.Value:0.####}");
        }

        if (Environment.GetEnvironmentVariable("ALERTS_E2E_KEEP") is { Length: > 0 } keep && provider == DatabaseProvider.Sqlite)
        {
            pipeline.Keep(keep);
            await WriteDisagreements(sp.GetRequiredService<AlertsBatch>(), pipeline.Truth, Path.Combine(keep, "disagreements.csv"));
        }

        // The batch job runs on the same data and writes the three exports.
        var job = sp.GetServices<Core.Jobs.IPipelineJob>().OfType<AlertsJob>().Single();
        var result = await job.RunAsync(new Core.Jobs.JobContext("test", DateTimeOffset.UtcNow));
        output.WriteLine(result.Summary);
        foreach (var file in new[] { "licence-checks.csv", "leads.csv", "targets.csv", "duplicates.csv" })
        {
            Assert.True(File.Exists(pipeline.Data.Combine("exports", file)), file + " was not written");
        }

        return section.Metrics;
    }

    /// <summary>For diagnosis: every check whose answer differs from the answer key, with its reasons.</summary>
    private static async Task WriteDisagreements(AlertsBatch batch, GroundTruth truth, string path)
    {
        var outcome = await batch.RunAsync(truth.AsOf, record: false, "diagnosis");
        var trueId = truth.Records.GroupBy(r => (r.Feed, r.SourceKey)).ToDictionary(g => g.Key, g => g.First().TrueId);
        var firms = truth.Firms.ToDictionary(f => f.TrueId);
        var rows = outcome.Checks
            .Select(d => (d, firm: trueId.TryGetValue((FeedNames.Moc, d.RegistrationNo), out var t) ? firms.GetValueOrDefault(t) : null))
            .Where(x => x.firm is { ExpectedDecision.Length: > 0 } && x.firm.ExpectedDecision != x.d.Decision)
            .Select(x => (IReadOnlyList<string?>)[x.d.RegistrationNo, x.firm!.TrueId, x.firm.ExpectedDecision + " " + x.firm.ExpectedReason, x.d.Decision, x.d.ReasonText, x.d.EnterpriseId]);
        Core.Export.CsvExport.Write(path, ["registration_no", "true_id", "expected", "decision", "reasons", "enterprise_id"], rows);
    }
}
