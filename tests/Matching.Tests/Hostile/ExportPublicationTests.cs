using Dapper;
using Integration.Core.Csv;
using Integration.Core.Database;
using Integration.Core.Export;

namespace Integration.Matching.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, row 10): the linkage exports of one run are published together and the
/// run is done only once they are; what a killed export leaves is completed or removed at the next start.
/// </summary>
[Trait("Suite", "Hostile")]
[Collection(ExportHookCollection.Name)]
public sealed class ExportPublicationTests
{
    [Fact]
    public async Task A_run_whose_exports_cannot_be_published_is_not_succeeded_and_the_previous_files_stay_one_set()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        FeedRows.Background(h.Db, 12);
        var first = await h.MatchAsync();
        var review = File.ReadAllBytes(h.Exports.Combine("review.csv"));
        FeedRows.Moc(h.Db, "MOC-NEW", new Firm("Newly Registered Trading"));
        Directory.CreateDirectory(h.Exports.Combine("links.csv.blocked"));
        File.Move(h.Exports.Combine("links.csv"), h.Exports.Combine("links.csv.old"));
        Directory.Move(h.Exports.Combine("links.csv.blocked"), h.Exports.Combine("links.csv")); // a folder where links.csv goes

        await Assert.ThrowsAnyAsync<IOException>(h.MatchAsync);

        using var conn = h.Db.Open();
        var outcomes = conn.Query<string>("SELECT outcome FROM match_runs ORDER BY started_at, run_id").ToList();
        Assert.Equal(["SUCCEEDED", "FAILED"], outcomes);
        Assert.Equal(first.RunId, RunIdOf(h.Exports.Combine("enterprises.csv")));
        Assert.Equal(review, File.ReadAllBytes(h.Exports.Combine("review.csv")));
        Assert.Empty(Directory.EnumerateFiles(h.Exports.Path, "*.tmp-*").Concat(Directory.EnumerateFiles(h.Exports.Path, ".tmp-*")));
    }

    [Fact]
    public async Task Temporary_files_a_killed_export_left_are_removed_by_the_next_export()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        FeedRows.Background(h.Db, 12);
        await h.MatchAsync();
        File.WriteAllText(h.Exports.Combine("links.csv.tmp-0123456789abcdef0123456789abcdef"), "half a file");
        File.WriteAllText(h.Exports.Combine(".tmp-linkage-0123456789abcdef0123456789abcdef-review.csv"), "half a file");

        var second = await h.MatchAsync();

        Assert.Empty(Directory.EnumerateFiles(h.Exports.Path, "*tmp-*"));
        Assert.Equal(second.RunId, RunIdOf(h.Exports.Combine("links.csv")));
    }

    [Fact]
    public async Task An_export_killed_half_way_through_its_renames_is_completed_at_the_next_start()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        FeedRows.Background(h.Db, 12);
        var first = await h.MatchAsync();
        FeedRows.Moc(h.Db, "MOC-NEW", new Firm("Newly Registered Trading"));
        ExportSet.BeforeRenames = _ => throw new OperationCanceledException("killed");
        try
        {
            await Assert.ThrowsAsync<OperationCanceledException>(h.MatchAsync);
        }
        finally
        {
            ExportSet.BeforeRenames = null;
        }

        Assert.Equal(first.RunId, RunIdOf(h.Exports.Combine("links.csv"))); // nothing renamed yet: still the first run's set
        var repaired = ExportSet.Recover(h.Exports.Path);

        Assert.Equal(["linkage"], repaired);
        using var conn = h.Db.Open();
        var second = conn.QuerySingle<string>("SELECT run_id FROM match_runs WHERE run_id <> @first", new { first = first.RunId });
        Assert.Equal(second, RunIdOf(h.Exports.Combine("enterprises.csv")));
        Assert.Equal(second, RunIdOf(h.Exports.Combine("links.csv")));

        var manifest = File.ReadAllText(h.Exports.Combine("linkage.manifest.json"));
        Assert.Contains($"\"run_id\": \"{second}\"", manifest, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(h.Exports.Path, ".tmp-*"));
        Assert.False(File.Exists(h.Exports.Combine(".linkage.publishing.json")));
    }

    private static string? RunIdOf(string csv)
    {
        var table = CsvTable.Read(csv);
        return table.Rows.Select(r => table.Get(r, "run_id")).Distinct().SingleOrDefault();
    }
}

/// <summary>Tests that set <see cref="ExportSet.BeforeRenames"/> (process-wide) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExportHookCollection
{
    public const string Name = "export hook";
}
