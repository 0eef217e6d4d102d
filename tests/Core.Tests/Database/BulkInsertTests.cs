using Dapper;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Core.Tests.Database;

public class BulkInsertTests
{
    private const string Table = """
        CREATE TABLE bulk_rows (
            name TEXT NOT NULL,
            big BIGINT,
            small INTEGER,
            share DOUBLE PRECISION,
            flag INTEGER
        )
        """;

    private static readonly string[] Columns = ["name", "big", "small", "share", "flag"];

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_arrive_in_the_types_their_columns_declare_and_go_with_a_rolled_back_transaction(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var conn = database.Db.Open();
        conn.Execute(Table);
        object?[][] rows =
        [
            ["Sokha", 5_000_000_000L, 7L, 0.25, true], // a long into INTEGER, a bool into INTEGER
            ["ហាង បុប្ផា", 12, 3, null, false],         // an int into BIGINT, Khmer text, a null
        ];

        using (var tx = conn.BeginTransaction())
        {
            Assert.Equal(2, BulkInsert.Write(conn, tx, "bulk_rows", Columns, rows));
            Assert.Equal(2, await BulkInsert.WriteAsync(conn, tx, "bulk_rows", Columns, rows, CancellationToken.None));
            tx.Commit();
        }

        var stored = conn.Query<(string Name, long Big, long Small, double? Share, long Flag)>("SELECT name, big, small, share, flag FROM bulk_rows ORDER BY name, big").ToList();
        Assert.Equal(4, stored.Count);
        Assert.Equal(("Sokha", 5_000_000_000L, 7L, (double?)0.25, 1L), stored[0]);
        Assert.Equal(("ហាង បុប្ផា", 12L, 3L, (double?)null, 0L), stored[^1]);

        using (var tx = conn.BeginTransaction())
        {
            BulkInsert.Write(conn, tx, "bulk_rows", Columns, rows);
            tx.Rollback();
        }

        Assert.Equal(4, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM bulk_rows"));
    }

    [Fact]
    public void A_value_that_does_not_fit_its_column_fails_naming_the_table_and_column()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        using var conn = database.Db.Open();
        conn.Execute(Table);

        // Each in a transaction of its own: a failed COPY aborts the transaction it ran in.
        T Fails<T>(string[] columns, object?[] row)
            where T : Exception
        {
            using var tx = conn.BeginTransaction();
            return Assert.Throws<T>(() => BulkInsert.Write(conn, tx, "bulk_rows", columns, [row]));
        }

        Assert.Contains("bulk_rows.big", Fails<ArgumentException>(Columns, ["x", "not a number", 1, 0.5, 0]).Message, StringComparison.Ordinal);
        Assert.Contains("no column nope", Fails<ArgumentException>(["name", "nope"], ["x", 1]).Message, StringComparison.Ordinal);
        Fails<OverflowException>(Columns, ["x", 1, 5_000_000_000L, 0.5, 0]);
    }

    [Fact]
    public async Task An_error_making_a_row_surfaces_in_the_writer_and_nothing_is_kept()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var conn = database.Db.Open();
        conn.Execute(Table);
        IEnumerable<object?[]> Rows()
        {
            for (var i = 0; i < 1_000; i++)
            {
                yield return ["r", (long)i, 0, 0.0, 0];
            }

            throw new InvalidDataException("row 1001 could not be made");
        }

        using (var tx = conn.BeginTransaction())
        {
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => BulkInsert.WriteAsync(conn, tx, "bulk_rows", Columns, Rows(), CancellationToken.None));
            Assert.Contains("row 1001", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM bulk_rows"));
    }
}
