using Dapper;
using Integration.Core.Database;
using Integration.Core.Storage;

namespace Integration.Host.Api;

/// <summary>GET /health: is the database reachable and migrated. Safe to expose: no secrets in the answer.</summary>
public static class HealthEndpoints
{
    public sealed record HealthReport(string Status, string Database, long SchemaVersions, string Landing, DateTimeOffset CheckedAt, string? Error = null);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (Db db, BlobZones zones, TimeProvider clock, CancellationToken ct) =>
            {
                try
                {
                    await using var conn = await db.OpenAsync(ct);
                    var versions = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: ct));
                    return Results.Ok(new HealthReport("healthy", db.Describe(), versions, zones.Landing.Describe(), clock.GetUtcNow()));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return Results.Json(
                        new HealthReport("unhealthy", db.Describe(), 0, zones.Landing.Describe(), clock.GetUtcNow(), e.GetType().Name + ": " + e.Message),
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .WithName("Health")
            .WithTags("Operations")
            .WithSummary("Checks that the database answers and reports the applied schema versions.")
            .Produces<HealthReport>()
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
