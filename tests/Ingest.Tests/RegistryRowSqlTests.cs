using Dapper;
using Integration.Core.Database;
using Integration.Ingest.Contracts;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

/// <summary>The SQL Ingest publishes for the matcher's positional read of the three registers, on both databases.</summary>
public class RegistryRowSqlTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_register_selects_the_published_columns_in_their_order(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        using var conn = h.Database.Db.Open();
        foreach (var feed in new[] { FeedNames.Moc, FeedNames.Gdt, FeedNames.Nssf })
        {
            using var reader = conn.ExecuteReader(RegistryRowSql.Current(feed));
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();

            Assert.Equal(RegistryRowSql.Columns, names);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_moc_row_is_keyed_by_its_own_number_and_carries_its_tin_as_a_cross_reference(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co")));
        await h.RunAsync();

        using var conn = h.Database.Db.Open();
        var row = (IDictionary<string, object?>)conn.QuerySingle(RegistryRowSql.ByKey(FeedNames.Moc), new { key = "00001" });

        Assert.Equal("00001", row["source_key"]);
        Assert.Equal("00001", row["own_moc_no"]);
        Assert.Null(row["own_tin"]);
        Assert.Equal(h.Scalar<string>("SELECT tin FROM moc_licences"), row["ref_tin"]);
        Assert.NotNull(row["ref_tin"]);
        Assert.Null(row["ref_moc_no"]);
        Assert.Equal("Alpha Co", row["name_en"]);
    }

    [Fact]
    public void A_feed_the_matcher_does_not_link_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RegistryRowSql.Current(FeedNames.NssfContributions));
    }
}
