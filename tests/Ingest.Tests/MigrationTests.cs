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
}
