using Integration.Core.Database;

namespace Integration.Host;

/// <summary>The host's own tables: job leases and job runs (src/Host/Migrations).</summary>
public static class HostMigrations
{
    public static MigrationSet Set { get; } = new("host", typeof(HostMigrations).Assembly);
}
