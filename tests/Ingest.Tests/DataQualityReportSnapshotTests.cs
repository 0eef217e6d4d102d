using Integration.Core.Database;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace Integration.Ingest.Tests;

/// <summary>
/// The data-quality report (reports/*.json beside the Markdown) is what the registers' owners read after every
/// delivery: its shape and wording change only on purpose, seen as a snapshot diff (<c>__snapshots__/</c>; delete the
/// file to accept).
/// </summary>
public sealed class DataQualityReportSnapshotTests
{
    [Fact]
    public async Task The_report_of_a_delivery_with_bad_rows_reads_as_before()
    {
        var name = Snapshot.FullName(); // before the first await: Snapshooter finds the test by its stack
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-11-01.csv", Fixtures.MocFile(
            Fixtures.Moc("00001", "Alpha Co"),
            Fixtures.Moc("00002", "Beta Co", status: "ACTIV"),
            Fixtures.Moc("00003", "Gamma Co", registeredOn: "31/02/2026"),
            Fixtures.Moc("00004", "Delta Co", employees: "")));
        h.Write("gdt-taxpayers/2026-11-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("100000001", "Alpha Co") + "\n");

        var run = await h.RunAsync();

        Assert.NotNull(run.ReportJsonPath);
        var report = JObject.Parse(await File.ReadAllTextAsync(run.ReportJsonPath));
        Assert.Equal(run.RunId, (string?)report["run_id"]);
        report.Remove("run_id"); // ends in a random suffix; everything else follows from the files and the fixed clock
        Snapshot.Match(report, name);
    }
}
