using Dapper;
using Integration.Core.Database;

namespace Integration.Ingest.Pull;

/// <summary>A row of pull_state: what the last pull of a feed saw.</summary>
internal sealed record PullStateRow
{
    public string Feed { get; init; } = "";

    public string? Etag { get; init; }

    public string? LastModified { get; init; }

    public string? Sha256 { get; init; }

    public string? LandingPath { get; init; }

    public string? LandedAt { get; init; }

    public string? CheckedAt { get; init; }

    public long ConsecutiveFailures { get; init; }

    public string? FailingSince { get; init; }

    public string? LastError { get; init; }
}

/// <summary>Reads and writes pull_state (one row per feed), on either database.</summary>
internal sealed class PullStateStore(Db db)
{
    public async Task<PullStateRow> GetAsync(string feed, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<PullStateRow>("SELECT * FROM pull_state WHERE feed = @feed", new { feed })
            ?? new PullStateRow { Feed = feed };
    }

    public async Task SaveAsync(PullStateRow row, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        await conn.ExecuteAsync(
            """
            INSERT INTO pull_state (feed, etag, last_modified, sha256, landing_path, landed_at, checked_at, consecutive_failures, failing_since, last_error)
            VALUES (@Feed, @Etag, @LastModified, @Sha256, @LandingPath, @LandedAt, @CheckedAt, @ConsecutiveFailures, @FailingSince, @LastError)
            ON CONFLICT (feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, sha256 = excluded.sha256,
                landing_path = excluded.landing_path, landed_at = excluded.landed_at, checked_at = excluded.checked_at,
                consecutive_failures = excluded.consecutive_failures, failing_since = excluded.failing_since, last_error = excluded.last_error
            """,
            row);
    }
}
