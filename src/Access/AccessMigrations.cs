using Integration.Core.Database;

namespace Integration.Access;

/// <summary>The access tables: accounts and the audit log (src/Access/Migrations).</summary>
public static class AccessMigrations
{
    public static MigrationSet Set { get; } = new("access", typeof(AccessMigrations).Assembly) { LogTables = ["audit_log"] };
}
