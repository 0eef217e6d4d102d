using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.Ingest.Runs;
using Integration.TestSupport;

namespace Integration.Ingest.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, row 13): the disk under the database and the reports fills up during an
/// ingest. The run fails naming the full disk (not "cannot rollback - no transaction is active"), the report's
/// failure is said rather than thrown, nothing half-applied stays, and once there is space again the same
/// service loads everything.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class DiskFullTests
{
    [Fact]
    public async Task A_full_disk_fails_the_run_naming_it_and_the_next_run_with_space_loads_everything()
    {
        using var disk = new ScratchDisk("32m");
        using var h = new IngestHarness(DatabaseProvider.Sqlite, database: TestDatabase.CreateSqliteAt(disk.Combine("integration.db"), IngestMigrations.Set), exports: disk.Combine("exports"));
        new RegistryGenerator(new GeneratorOptions { Scale = 1500, Seed = 7, AsOf = new DateOnly(2026, 10, 1) }, Gazetteer.Load(""), PersonNames.Shipped).Run(h.Landing);
        var filled = false;
        h.Service.BeforeRecord = (_, line) =>
        {
            if (!filled && line == 200)
            {
                disk.Fill(); // mid-file, inside the file's transaction
                filled = true;
            }
        };

        var failure = await Assert.ThrowsAsync<IngestFailedException>(() => h.RunAsync());

        Assert.Equal(RunOutcome.Failed, failure.Result.Outcome);
        Assert.StartsWith("the disk is full (", failure.Result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot rollback", failure.Result.Error, StringComparison.Ordinal);
        Assert.Contains("the data-quality report could not be written: the disk is full", failure.Result.ReportError, StringComparison.Ordinal); // said, not thrown

        disk.Free();
        h.Service.BeforeRecord = null;
        var rerun = await h.RunAsync();

        Assert.Equal(RunOutcome.Succeeded, rerun.Outcome);
        Assert.Equal(0, rerun.FilesRejected);
        Assert.Equal(rerun.RowsRead, rerun.RowsLoaded + rerun.RowsQuarantined);
        Assert.Equal(rerun.RowsRead, h.Scalar<long>("SELECT SUM(rows_read) FROM source_files"));
        Assert.NotNull(rerun.ReportPath);
    }
}
