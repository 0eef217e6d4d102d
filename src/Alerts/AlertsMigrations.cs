using Integration.Core.Database;

namespace Integration.Alerts;

internal static class AlertsMigrations
{
    public static MigrationSet Set { get; } = new("alerts", typeof(AlertsMigrations).Assembly) { LogTables = ["licence_checks"] };
}
