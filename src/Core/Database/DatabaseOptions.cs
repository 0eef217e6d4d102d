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

    /// <summary>
    /// SQLite only: the file of the log database, which holds the tables written while a request is answered (the check
    /// log, the audit log; see <see cref="MigrationSet.LogTables"/>). It is attached to every connection as schema
    /// <c>log</c>, so SQL names those tables as before; its own write lock means a check is logged at once even while a
    /// job holds the main database's write lock for a whole file. Empty: beside the main file, <c>integration.db</c>
    /// giving <c>integration-log.db</c>. PostgreSQL keeps them in the one database (row locks, no file lock).
    /// </summary>
    public string LogPath { get; set; } = "";
}
