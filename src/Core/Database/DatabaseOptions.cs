namespace Integration.Core.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite: a file path or a full connection string. PostgreSQL: an Npgsql connection string.
    /// Secrets belong in environment variables (<c>Database__ConnectionString</c>), never in the repository.
    /// </summary>
    public string ConnectionString { get; set; } = "data/integration.db";
}
