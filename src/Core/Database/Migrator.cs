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
}
