using Dapper;
using Integration.Core.Database;
using Integration.Ingest;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Migrations_create_the_feed_tables_once_and_are_idempotent(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider, IngestMigrations.Set);

        var again = new Migrator(test.Db, [IngestMigrations.Set], TimeProvider.System).Apply();

        Assert.Empty(again);
        using var conn = test.Db.Open();
        Assert.Equal(0, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM moc_licences"));
        var versions = conn.Query<string>("SELECT version FROM schema_migrations").ToList();
        Assert.Contains("ingest/0001_feeds", versions);
    }

    [Fact]
    public void SQLite_is_the_engine_bundled_with_SQLitePCLRaw_3()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var conn = test.Db.Open();

        // bundle_e_sqlite3 3.0.5 ships SQLite 3.53; the 2.0.6 bundle it replaced was 3.35 (2021).
        var version = Version.Parse(conn.ExecuteScalar<string>("SELECT sqlite_version()")!);

        Assert.True(version >= new Version(3, 50), $"SQLite {version}");
        Assert.Equal("wal", conn.ExecuteScalar<string>("PRAGMA journal_mode"));
    }
}
