using System.Globalization;
using Integration.Core.Database;
using Integration.Ingest.Runs;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Ingest.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, row 7): a snapshot that would remove more than a configurable share of a
/// feed's current records is HELD, with nothing applied, until an operator confirms it; then it applies as usual.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class RemovalGuardTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static string Snapshot(int count) =>
        Fixtures.MocFile(Enumerable.Range(1, count).Select(i => Fixtures.Moc(i.ToString("D5", CultureInfo.InvariantCulture), "Firm " + i)).ToArray());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_ten_row_snapshot_after_a_full_one_is_held_until_confirmed_then_applied(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.csv", Snapshot(150));
        await h.RunAsync();
        h.Write("moc-licences/2026-10-01.csv", Snapshot(10));

        var run = await h.RunAsync();

        Assert.Equal(RunOutcome.Held, run.Outcome);
        var held = Assert.Single(run.Files, f => f.Status != "SKIPPED");
        Assert.Equal(FileStatus.Held, held.Status);
        Assert.StartsWith("held: applying this snapshot (10 rows) would mark 140 of the 150 current moc-licences records REMOVED (93.3 %, more than Ingest:RemovalGuard:MaxShare = 20 %)", held.Error, StringComparison.Ordinal);
        Assert.Contains($"integration ingest --confirm-removal {held.FileId} --by NAME", held.Error, StringComparison.Ordinal);
        Assert.Equal(150, h.Scalar<long>("SELECT COUNT(*) FROM moc_licences WHERE is_current = 1"));
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM record_history WHERE change = 'REMOVED'"));
        Assert.Equal(("HELD", 140L), h.Query<(string, long)>("SELECT status, held_removals FROM source_files WHERE file_id = @id", new { id = held.FileId }).Single());
        Assert.Equal(RunOutcome.Held, (await h.RunAsync()).Outcome); // still held, not applied by the next run either

        var snapshots = h.Services.GetRequiredService<HeldSnapshots>();
        var confirmed = await snapshots.ConfirmAsync(held.FileId!.Value, "ops.sokha", "the register was purged of dormant firms");
        var applied = await h.RunAsync();

        Assert.Equal("ops.sokha", confirmed!.ConfirmedBy);
        Assert.Equal(RunOutcome.Succeeded, applied.Outcome);
        var file = Assert.Single(applied.Files, f => f.Status != "SKIPPED");
        Assert.Equal((FileStatus.Loaded, held.FileId, 140L), (file.Status, file.FileId, file.Changes.Removed));
        Assert.Equal(10, h.Scalar<long>("SELECT COUNT(*) FROM moc_licences WHERE is_current = 1"));
        Assert.Equal(140, h.Scalar<long>("SELECT COUNT(*) FROM record_history WHERE change = 'REMOVED' AND file_id = @id", new { id = held.FileId }));
        Assert.Equal(("LOADED", "ops.sokha"), h.Query<(string, string)>("SELECT status, confirmed_by FROM source_files WHERE file_id = @id", new { id = held.FileId }).Single());
        Assert.Empty(await snapshots.ListAsync());
    }

    [Fact]
    public async Task Removals_within_the_configured_share_apply_at_once()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Ingest:RemovalGuard:MaxShare"] = "0.95" });
        h.Write("moc-licences/2026-09-01.csv", Snapshot(150));
        await h.RunAsync();
        h.Write("moc-licences/2026-10-01.csv", Snapshot(10));

        var run = await h.RunAsync();

        Assert.Equal((RunOutcome.Succeeded, 140L), (run.Outcome, Assert.Single(run.Files, f => f.Status != "SKIPPED").Changes.Removed));
    }

    [Fact]
    public async Task A_held_snapshot_cannot_be_confirmed_twice_nor_an_unknown_file()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        var snapshots = h.Services.GetRequiredService<HeldSnapshots>();
        h.Write("moc-licences/2026-09-01.csv", Snapshot(150));
        var first = Assert.Single((await h.RunAsync()).Files, f => f.Status != "SKIPPED");

        Assert.Null(await snapshots.ConfirmAsync(first.FileId!.Value, "ops.sokha", null)); // loaded, not held
        Assert.Null(await snapshots.ConfirmAsync(999, "ops.sokha", null));
        await Assert.ThrowsAsync<ArgumentException>(() => snapshots.ConfirmAsync(first.FileId.Value, " ", null));
    }
}
