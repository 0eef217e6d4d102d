using Dapper;
using Integration.Core.Database;

namespace Integration.Core.Jobs;

/// <summary>
/// One lease per job in the shared database, so that hosts sharing it never run the same job at once.
/// Acquiring is a single atomic upsert: it inserts a free lease, or takes over one that has expired or that
/// this holder already has; a lease held by another live host is left alone (zero rows affected).
/// </summary>
public sealed class JobLeases(Db db)
{
    private const string AcquireSql = """
        INSERT INTO job_leases (job, holder, acquired_at, expires_at)
        VALUES (@job, @holder, @now, @expires)
        ON CONFLICT (job) DO UPDATE
            SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
            WHERE job_leases.expires_at <= excluded.acquired_at OR job_leases.holder = excluded.holder
        """;

    public async Task<bool> TryAcquireAsync(string job, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.ExecuteAsync(new CommandDefinition(
            AcquireSql,
            new { job, holder, now = Instants.ToText(now), expires = Instants.ToText(now + ttl) },
            cancellationToken: ct));
        return rows == 1;
    }

    /// <summary>Extends a lease this holder still has; false when it was lost (expired and taken by another host).</summary>
    public async Task<bool> RenewAsync(string job, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE job_leases SET expires_at = @expires WHERE job = @job AND holder = @holder",
            new { job, holder, expires = Instants.ToText(now + ttl) },
            cancellationToken: ct));
        return rows == 1;
    }

    public async Task ReleaseAsync(string job, string holder)
    {
        await using var conn = await db.OpenAsync();
        await conn.ExecuteAsync("DELETE FROM job_leases WHERE job = @job AND holder = @holder", new { job, holder });
    }

    public async Task<string?> HolderAsync(string job, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT holder FROM job_leases WHERE job = @job AND expires_at > @now",
            new { job, now = Instants.ToText(now) },
            cancellationToken: ct));
    }
}
