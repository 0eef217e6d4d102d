using Dapper;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Core.Tests.Database;

public class SqlInListTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void A_long_list_is_asked_in_chunks_that_find_every_value_and_an_empty_list_matches_nothing(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var conn = database.Db.Open();
        conn.Execute("CREATE TABLE keys (k TEXT NOT NULL)");
        using (var tx = conn.BeginTransaction())
        {
            BulkInsert.Write(conn, tx, "keys", ["k"], Enumerable.Range(0, 1_200).Select(i => new object?[] { "K" + i }));
            tx.Commit();
        }

        var wanted = Enumerable.Range(0, 1_300).Select(i => "K" + (i % 1_250)).ToList(); // repeats and 50 unknown keys
        var found = new List<string>();
        var chunks = SqlInList.Chunks(wanted, StringComparer.Ordinal).ToList();
        foreach (var chunk in chunks)
        {
            var args = new DynamicParameters();
            found.AddRange(conn.Query<string>("SELECT k FROM keys WHERE k IN " + SqlInList.Add(args, "k", chunk), args));
        }

        Assert.Equal(3, chunks.Count); // 1,250 distinct values, 500 a statement
        Assert.Equal(1_200, found.Count);
        Assert.Equal(1_200, found.Distinct(StringComparer.Ordinal).Count());
        var none = new DynamicParameters();
        Assert.Empty(conn.Query<string>("SELECT k FROM keys WHERE k IN " + SqlInList.Add(none, "k", Array.Empty<string>()), none));
    }

    [Fact]
    public void The_list_names_one_parameter_per_value()
    {
        var args = new DynamicParameters();
        Assert.Equal("(@f0, @f1, @f2)", SqlInList.Add(args, "f", new long[] { 4, 5, 6 }));
        Assert.Equal(["f0", "f1", "f2"], args.ParameterNames);
    }
}
