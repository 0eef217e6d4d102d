using System.Data.Common;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Storage;
using Integration.Core.Jobs;

namespace Integration.Host.Api;

/// <summary>
/// GET /health: can the database be read and written, and is its schema applied. Safe to expose: it names the
/// kind of database and storage, never a path, a host or a secret. The write is a one-row upsert in its own
/// short transaction; a database busy with a long write (an ingest holds SQLite's write lock per file) is
/// healthy, and said to be busy.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>What /health answers. <see cref="Write"/>: ok, busy (another writer holds the database) or failed.</summary>
    public sealed record HealthReport(string Status, string Database, string Storage, long SchemaVersions, string Write, DateTimeOffset CheckedAt, string? Error = null);

    private const int ProbeTimeoutMs = 2_000;

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (Db db, StorageOptions storage, HostIdentity host, TimeProvider clock, CancellationToken ct) =>
            {
                var database = db.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
                var store = storage.Kind == StorageKind.Local ? "folder" : "azure-blob";
                long versions = 0;
                try
                {
                    await using var conn = await db.OpenAsync(ct);
                    versions = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: ct));
                    var write = await ProbeAsync(db, conn, host.Name, clock.GetUtcNow());
                    return Results.Ok(new HealthReport("healthy", database, store, versions, write, clock.GetUtcNow()));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return Results.Json(
                        new HealthReport("unhealthy", database, store, versions, "failed", clock.GetUtcNow(), DatabaseErrors.Describe(e)),
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .WithName("Health")
            .WithTags("Operations")
            .WithSummary("Checks that the database answers and can be written, and reports the applied schema versions.")
            .Produces<HealthReport>()
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Writes the probe row: "ok", or "busy" when another writer holds the database past the probe's short wait; throws when it cannot be written.</summary>
    private static async Task<string> ProbeAsync(Db db, DbConnection conn, string host, DateTimeOffset now)
    {
        var lite = !db.Dialect.IsPostgres;
        if (lite)
        {
            await conn.ExecuteAsync($"PRAGMA busy_timeout = {ProbeTimeoutMs}");
        }

        var tx = await conn.BeginTransactionAsync();
        try
        {
            if (!lite)
            {
                await conn.ExecuteAsync($"SET LOCAL lock_timeout = '{ProbeTimeoutMs}ms'", transaction: tx);
            }

            await conn.ExecuteAsync(
                "INSERT INTO health_probe (id, checked_at, checked_by) VALUES (1, @at, @host) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at, checked_by = excluded.checked_by",
                new { at = now.ToString("O"), host }, tx);
            await tx.CommitAsync();
            return "ok";
        }
        catch (DbException e) when (DatabaseErrors.Kind(e) == DatabaseFailure.Busy || e is Npgsql.PostgresException { SqlState: "55P03" })
        {
            await tx.AbandonAsync();
            return "busy: another writer holds the database (an ingest or match run); not waited for";
        }
        catch
        {
            await tx.AbandonAsync();
            throw;
        }
        finally
        {
            await tx.DisposeAsync();
            if (lite)
            {
                await conn.ExecuteAsync("PRAGMA busy_timeout = 30000"); // the pooled connection's usual wait (Db.Open)
            }
        }
    }
}
