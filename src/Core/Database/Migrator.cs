using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integration.Core.Database;

/// <summary>Creates and upgrades the schema. Safe to call at every start-up and from several hosts at once.</summary>
public sealed class Migrator(Db db, IEnumerable<MigrationSet> sets, TimeProvider clock, ILogger<Migrator>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<Migrator>.Instance;

    public IReadOnlyList<string> Apply()
    {
        using var conn = db.Open();
        if (db.Dialect.IsPostgres)
        {
            // Serialise concurrent upgrades from several hosts; released with the session.
            conn.Execute("SELECT pg_advisory_lock(7401001)");
        }

        try
        {
            conn.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
            var done = conn.Query<string>("SELECT version FROM schema_migrations").ToHashSet(StringComparer.Ordinal);
            var applied = new List<string>();
            foreach (var m in sets.SelectMany(s => s.Load()))
            {
                if (done.Contains(m.Version))
                {
                    continue;
                }

                using var tx = conn.BeginTransaction();

                // SQLite has no advisory lock: the transaction (BEGIN IMMEDIATE) holds the write lock, so look
                // again inside it in case another process applied this version meanwhile.
                if (conn.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @v", new { v = m.Version }, tx) > 0)
                {
                    continue;
                }

                conn.Execute(db.Dialect.Expand(m.Sql), transaction: tx);
                conn.Execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)",
                    new { v = m.Version, at = clock.GetUtcNow().ToString("O") },
                    tx);
                tx.Commit();
                applied.Add(m.Version);
                _log.LogInformation("Applied migration {Version}", m.Version);
            }

            if (db.LogPath is not null && sets.SelectMany(s => s.LogTables).ToList() is { Count: > 0 } logTables)
            {
                MoveToLog(logTables);
            }

            return applied;
        }
        finally
        {
            if (db.Dialect.IsPostgres)
            {
                conn.Execute("SELECT pg_advisory_unlock(7401001)");
            }
        }
    }

    /// <summary>
    /// Moves the log tables (with their indexes and rows) from the main SQLite database into the log database, each in
    /// one transaction over the two files, on a log connection with the main file attached writable for the move only.
    /// WAL makes such a transaction atomic per file: a move cut short is completed by the next start (the copy skips
    /// rows already there).
    /// </summary>
    private void MoveToLog(IReadOnlyList<string> tables)
    {
        using var conn = db.OpenLog();
        conn.Execute("ATTACH DATABASE @path AS source", new { path = db.MainPath });
        try
        {
            foreach (var table in tables)
            {
                // The schema is read inside the write transaction (BEGIN IMMEDIATE locks both files): two processes
                // starting at once on one database both find the table, and the second must see it gone once the
                // first has moved it, not fail on the table it read before waiting.
                using var tx = conn.BeginTransaction(); // Microsoft.Data.Sqlite: BEGIN IMMEDIATE unless deferred
                var create = conn.ExecuteScalar<string?>("SELECT sql FROM source.sqlite_master WHERE type = 'table' AND name = @table", new { table }, tx);
                if (create is null)
                {
                    continue;
                }

                var indexes = conn.Query<string>("SELECT sql FROM source.sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL", new { table }, tx).ToList();
                // The statements as SQLite keeps them, run unqualified: on this connection they create in the log file.
                conn.Execute(IfNotExists(create, "CREATE TABLE "), transaction: tx);
                foreach (var sql in indexes)
                {
                    conn.Execute(IfNotExists(IfNotExists(sql, "CREATE INDEX "), "CREATE UNIQUE INDEX "), transaction: tx);
                }

                conn.Execute($"INSERT OR IGNORE INTO main.{table} SELECT * FROM source.{table}", transaction: tx);
                conn.Execute($"DROP TABLE source.{table}", transaction: tx);
                tx.Commit();
                _log.LogInformation("Moved log table {Table} into the log database", table);
            }
        }
        finally
        {
            conn.Execute("DETACH DATABASE source");
        }
    }

    private static string IfNotExists(string sql, string prefix) =>
        sql.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? prefix + "IF NOT EXISTS " + sql[prefix.Length..] : sql;
}
