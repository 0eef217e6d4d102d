using System.Text.Json;
using Integration.Alerts.Checks;
using Integration.Alerts.Jobs;
using Integration.Core.Database;
using Integration.Generator;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Tests;

/// <summary>
/// The batch reads the register a chunk of enterprises at a time (Alerts:BatchChunkSize) and must answer as one read
/// of the whole register does: chunks of a single enterprise, where every review-band pair reaches into another
/// chunk and every record's order within its enterprise comes from a keyed read, give the same decisions with the same
/// evidence, the same lists and byte-identical export files as one chunk holding every enterprise; and a single
/// check of each pending renewal gives the batch's answer.
/// </summary>
public sealed class ChunkedBatchTests
{
    [Fact]
    public async Task Chunks_of_one_enterprise_and_single_checks_answer_as_one_chunk_of_all_on_sqlite()
    {
        await using var pipeline = await GeneratedPipeline.RunAsync(
            DatabaseProvider.Sqlite,
            new GeneratorOptions { Scale = 1500, Seed = 11 }.Apply(GeneratorProfile.Hard),
            (services, configuration) => services.AddAlertsServices(configuration),
            AlertsMigrations.Set);
        var sp = pipeline.Services;
        var options = sp.GetRequiredService<IOptions<AlertsOptions>>().Value;
        var batch = sp.GetRequiredService<AlertsBatch>();

        options.BatchChunkSize = 1_000_000;
        var whole = await batch.RunAsync(null, record: false, "test");
        options.BatchChunkSize = 1;
        var chunked = await batch.RunAsync(null, record: false, "test");

        // The data exercises what chunking could break: records of other enterprises reached by review-band pairs,
        // enterprises of several records of one register (whose order decides the "first value" picked), duplicates.
        Assert.True(whole.Facts.Values.Count(f => f.Neighbours is not null) >= 5, "too few enterprises with review-band neighbours");
        Assert.Contains(whole.Facts.Values, f => f.Moc.Count + f.Gdt.Count + f.Nssf.Count >= 3);
        Assert.NotEmpty(whole.Duplicates);
        Assert.True(whole.Checks.Count >= 20, $"only {whole.Checks.Count} checks");

        Assert.Equal(Order(whole), Order(chunked));
        Assert.Equal(Json(whole.Checks), Json(chunked.Checks));
        Assert.Equal(Json(whole.Leads), Json(chunked.Leads));
        Assert.Equal(Json(whole.RankedTargets), Json(chunked.RankedTargets));
        Assert.Equal(Json(whole.Duplicates), Json(chunked.Duplicates));

        var a = AlertsBatch.Export(pipeline.Data.Combine("whole"), whole);
        var b = AlertsBatch.Export(pipeline.Data.Combine("chunked"), chunked);
        Assert.Equal(a.Select(Path.GetFileName), b.Select(Path.GetFileName));
        foreach (var (x, y) in a.Zip(b))
        {
            Assert.True(File.ReadAllBytes(x).AsSpan().SequenceEqual(File.ReadAllBytes(y)), $"{Path.GetFileName(x)} differs");
        }

        // A single check (the officer's page, the API) reads one enterprise through the same record read and must
        // give every pending renewal the batch's decision, reasons and evidence.
        var checks = sp.GetRequiredService<LicenceCheckService>();
        await using var conn = await pipeline.Database.Db.OpenAsync();
        var single = whole.Checks.Select(d => checks.Decide(conn, d.RegistrationNo, d.AsOf)).ToList();
        Assert.Equal(Json(whole.Checks), Json(single));
    }

    /// <summary>Per enterprise, the records, links, contributions and neighbours in the order the facts hold them.</summary>
    private static string Order(AlertsOutcome o) =>
        Json(o.Facts.Values.OrderBy(f => f.EnterpriseId, StringComparer.Ordinal).Select(f => new
        {
            f.EnterpriseId,
            Records = f.KeyedRows().Select(r => r.Key.ToString()).ToList(),
            Links = f.Links.Select(l => l.Record.ToString()).ToList(),
            Contributions = f.Contributions.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + ":" + string.Join(",", c.Value.Select(r => r.Period))).ToList(),
            f.LastInspectedOn,
            Paid = f.LastFullyPaid.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            Near = f.Neighbours?.KeyedRows().Select(r => r.Key.ToString()).ToList(),
            NearLinks = f.Neighbours?.Links.Select(l => l.Record.ToString()).ToList(),
            Pairs = f.Pairs.Select(p => p.A + "~" + p.B).Order(StringComparer.Ordinal).ToList(),
        }));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AlertsJson.Options);
}
