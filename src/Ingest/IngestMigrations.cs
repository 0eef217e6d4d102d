using Integration.Core.Database;

namespace Integration.Ingest;

public static class IngestMigrations
{
    public static MigrationSet Set { get; } = new("ingest", typeof(IngestMigrations).Assembly);
}
