using Dapper;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Core.Tests.Database;

public class KeySetTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Thousands_of_keys_in_one_statement_find_every_row_once_and_an_empty_set_matches_nothing(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var conn = database.Db.Open();
        conn.Execute("CREATE TABLE keys (k TEXT NOT NULL, n BIGINT NOT NULL)");
        using (var tx = conn.BeginTransaction())
        {
            // Khmer script and a quote in a key: the keys travel as JSON, never spliced into the SQL.
            BulkInsert.Write(conn, tx, "keys", ["k", "n"], Enumerable.Range(0, 20_000).Select(i => new object?[] { (i % 2 == 0 ? "ក" : "K'") + i, (long)i }));
            tx.Commit();
        }

        var wanted = Enumerable.Range(0, 21_000).Select(i => (i % 2 == 0 ? "ក" : "K'") + (i % 20_500)).ToList(); // repeats and 500 unknown keys
        var args = new DynamicParameters();
        var found = conn.Query<string>("SELECT k FROM keys WHERE " + KeySet.In(conn, args, "k", "k", wanted), args).ToList();
        var ids = new DynamicParameters();
        var numbers = conn.Query<long>("SELECT n FROM keys WHERE " + KeySet.In(conn, ids, "n", "n", new long[] { 3, 3, 19_999, 20_000 }), ids).Order().ToList();
        var none = new DynamicParameters();

        Assert.Equal(20_000, found.Count);
        Assert.Equal(20_000, found.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal([3L, 19_999L], numbers);
        Assert.Empty(conn.Query<string>("SELECT k FROM keys WHERE " + KeySet.In(conn, none, "k", "k", Array.Empty<string>()), none));
    }
}
