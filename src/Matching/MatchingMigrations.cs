using Integration.Core.Database;

namespace Integration.Matching;

public static class MatchingMigrations
{
    public static MigrationSet Set { get; } = new("matching", typeof(MatchingMigrations).Assembly);
}
