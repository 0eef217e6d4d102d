using Integration.Core.Database;
using Integration.Ingest.Runs;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

/// <summary>Raw zone, duplicate deliveries, re-runs, and one transaction per file.</summary>
public class IdempotencyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly string Sept = Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co"));
    private static readonly string Oct = Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Company"), Fixtures.Moc("00004", "Delta Co"), Fixtures.Moc("00004", "Delta Dup"), Fixtures.Moc("00005", "Epsilon Co", status: "GONE"));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_file_is_archived_byte_for_byte_under_its_hash(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        var landing = h.Write("moc-licences/2026-09-01.csv", Sept);

        var run = await h.RunAsync();

        var file = Assert.Single(run.Files);
        var rawPath = h.Scalar<string>("SELECT raw_path FROM source_files");
        Assert.Equal($"moc-licences/{file.Sha256}/2026-09-01.csv", rawPath);
        Assert.Equal(File.ReadAllBytes(landing), File.ReadAllBytes(Path.Combine(h.Raw, rawPath)));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(landing))), file.Sha256);
        Assert.Equal(new FileInfo(landing).Length, h.Scalar<long>("SELECT size_bytes FROM source_files"));
        Assert.Equal(run.RunId, h.Scalar<string>("SELECT run_id FROM source_files"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Same_bytes_under_another_name_are_recorded_not_applied_and_a_second_run_has_nothing_new(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.csv", Sept);
        await h.RunAsync();
        var afterFirst = h.Dump();
        h.Write("moc-licences/resent-2026-10-15.csv", Sept); // a newer as-of: applying it would touch last_seen_on

        var second = await h.RunAsync();

        Assert.Equal(RunOutcome.NothingNew, second.Outcome);
        Assert.Equal(["SKIPPED", "DUPLICATE"], second.Files.Select(f => f.Status));
        var dup = h.Query<(string Path, long Original, string RunId)>("SELECT landing_path, original_file_id, run_id FROM duplicate_deliveries").Single();
        Assert.Equal(("moc-licences/resent-2026-10-15.csv", h.Scalar<long>("SELECT file_id FROM source_files"), second.RunId), dup);
        Assert.Equal("2026-09-01", h.Scalar<string>("SELECT MAX(last_seen_on) FROM moc_licences"));

        var third = await h.RunAsync();

        Assert.Equal(RunOutcome.NothingNew, third.Outcome);
        Assert.All(third.Files, f => Assert.Equal("SKIPPED", f.Status));
        Assert.Equal(1, h.Scalar<long>("SELECT COUNT(*) FROM duplicate_deliveries"));
        Assert.Equal(afterFirst, h.Dump().Replace(DupSection(h), DupSection(afterFirst), StringComparison.Ordinal));
        var runs = h.Query<(string Outcome, long Seen, long Skipped)>("SELECT outcome, files_seen, files_skipped FROM ingest_runs ORDER BY started_at, run_id");
        Assert.Contains(("NOTHING_NEW", 2L, 2L), runs);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Crash_mid_file_leaves_the_database_as_before_the_file_and_a_rerun_completes(DatabaseProvider provider)
    {
        // Reference: the same two files ingested without a crash.
        using var clean = new IngestHarness(provider);
        clean.Write("moc-licences/2026-09-01.csv", Sept);
        clean.Write("moc-licences/2026-10-01.csv", Oct);
        await clean.RunAsync();

        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.csv", Sept);
        await h.RunAsync();
        var beforeOct = h.Dump();
        h.Write("moc-licences/2026-10-01.csv", Oct);
        h.Service.BeforeRecord = (file, line) =>
        {
            if (file.Name == "2026-10-01.csv" && line == 5)
            {
                throw new InvalidOperationException("simulated crash at line 5"); // a crash, not a file that cannot be read
            }
        };

        var failure = await Assert.ThrowsAsync<IngestFailedException>(() => h.RunAsync());

        Assert.Equal(RunOutcome.Failed, failure.Result.Outcome);
        Assert.Equal(beforeOct, h.Dump());
        Assert.Equal("FAILED", h.Scalar<string>("SELECT outcome FROM ingest_runs WHERE run_id = @id", new { id = failure.Result.RunId }));
        Assert.Contains("simulated crash", h.Scalar<string>("SELECT error FROM ingest_runs WHERE run_id = @id", new { id = failure.Result.RunId }), StringComparison.Ordinal);

        h.Service.BeforeRecord = null;
        var rerun = await h.RunAsync();

        Assert.Equal(RunOutcome.Succeeded, rerun.Outcome);
        Assert.Equal(clean.Dump(), h.Dump());
    }

    private static string DupSection(IngestHarness h) => DupSection(h.Dump());

    private static string DupSection(string dump)
    {
        var start = dump.IndexOf("## duplicate_deliveries", StringComparison.Ordinal);
        var end = dump.IndexOf("## moc_licences", StringComparison.Ordinal);
        return dump[start..end];
    }
}
