using System.Data.Common;
using System.Globalization;
using Dapper;
using Integration.Core.Database;
using Integration.Matching.Clustering;

namespace Integration.Matching.Persistence;

/// <summary>What a run needs from the previous one: each record's enterprise id and the ids issued so far.</summary>
public sealed record PreviousLinkage(
    Dictionary<(string Feed, string Key), string> EnterpriseOf,
    Dictionary<string, EnterpriseRow> Enterprises,
    List<ClerkDecision> Decisions)
{
    public long LastIssuedNumber(string prefix) =>
        Enterprises.Keys.Select(id => id.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
}

/// <summary>Reads and writes the linkage tables. A run's results replace the previous ones in one transaction.</summary>
public sealed class LinkageStore(Db db)
{
    public Db Db => db;

    public async Task<PreviousLinkage> LoadPreviousAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var links = (await conn.QueryAsync<(string Feed, string SourceKey, string EnterpriseId)>(
                new CommandDefinition("SELECT feed, source_key, enterprise_id FROM entity_links", cancellationToken: ct)))
            .ToDictionary(l => (l.Feed, l.SourceKey), l => l.EnterpriseId);
        var enterprises = (await conn.QueryAsync<EnterpriseRow>(new CommandDefinition("SELECT * FROM enterprises", cancellationToken: ct)))
            .ToDictionary(e => e.EnterpriseId, StringComparer.Ordinal);
        var decisions = await LoadDecisionsAsync(conn, ct);
        return new PreviousLinkage(links, enterprises, decisions);
    }

    public static async Task<List<ClerkDecision>> LoadDecisionsAsync(DbConnection conn, CancellationToken ct) =>
        (await conn.QueryAsync<ClerkDecision>(new CommandDefinition(
            "SELECT feed_a AS FeedA, key_a AS KeyA, feed_b AS FeedB, key_b AS KeyB, decision AS Decision, decided_by AS DecidedBy, decided_at AS DecidedAt FROM clerk_decisions ORDER BY decided_at, feed_a, key_a, feed_b, key_b",
            cancellationToken: ct))).ToList();

    public async Task StartRunAsync(string runId, string startedAt, string asOf, string modelVersion, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO match_runs (run_id, started_at, as_of, model_version, outcome) VALUES (@runId, @startedAt, @asOf, @modelVersion, 'RUNNING')",
            new { runId, startedAt, asOf, modelVersion }, cancellationToken: ct));
    }

    public async Task FinishRunAsync(string runId, string finishedAt, string outcome, string? parameters, string? summary, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE match_runs SET finished_at = @finishedAt, outcome = @outcome, parameters = @parameters, summary = @summary WHERE run_id = @runId",
            new { runId, finishedAt, outcome, parameters, summary }, cancellationToken: ct));
    }

    /// <summary>Replaces links, pairs, the enterprise table and the duplicate registrations, and appends the run's id events, atomically.</summary>
    public async Task SaveAsync(
        string runId,
        IEnumerable<object?[]> links,
        IEnumerable<object?[]> pairs,
        IEnumerable<EnterpriseRow> enterprises,
        IReadOnlyList<EnterpriseEvent> events,
        IEnumerable<object?[]> duplicates,
        CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM entity_links", transaction: tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM match_pairs", transaction: tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM enterprises", transaction: tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM registration_duplicates", transaction: tx, cancellationToken: ct));

        // On SQLite the secondary indexes of the links and pairs are built once after the load rather than kept up
        // to date row by row (837k links: 4.2 s -> 2.1 s plus 0.6 s to build it; links and 389k pairs together, in
        // SQLite alone: 7.4 s -> 3.9 s of CPU, most of the difference the pages a random-order index spills).
        // Readers keep seeing the previous run, indexes included, until the commit. Not on PostgreSQL: DROP INDEX
        // would lock readers out of the table.
        var rebuildIndexes = !db.Dialect.IsPostgres;
        if (rebuildIndexes)
        {
            foreach (var index in RebuiltIndexes)
            {
                await conn.ExecuteAsync(new CommandDefinition($"DROP INDEX IF EXISTS {index.Name}", transaction: tx, cancellationToken: ct));
            }
        }

        await BulkInsert.WriteAsync(conn, tx, "entity_links", LinkColumns, links, ct);
        await BulkInsert.WriteAsync(conn, tx, "match_pairs", PairColumns, pairs, ct);
        if (rebuildIndexes)
        {
            foreach (var index in RebuiltIndexes)
            {
                await conn.ExecuteAsync(new CommandDefinition(index.Create, transaction: tx, cancellationToken: ct));
            }
        }

        await BulkInsert.WriteAsync(conn, tx, "enterprises", EnterpriseRow.Columns, enterprises.Select(e => e.Values()), ct);
        await BulkInsert.WriteAsync(conn, tx, "enterprise_events", ["run_id", "kind", "enterprise_id", "related_ids", "detail"],
            events.Select(e => new object?[] { runId, e.Kind, e.EnterpriseId, e.RelatedIds, e.Detail }), ct);
        await BulkInsert.WriteAsync(conn, tx, "registration_duplicates", DuplicateRegistrations.Columns, duplicates, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The secondary indexes of 0001_linkage.sql, 0003 and 0004, as they are rebuilt after a SQLite load.</summary>
    private static readonly (string Name, string Create)[] RebuiltIndexes =
    [
        ("ix_entity_links_enterprise", "CREATE INDEX ix_entity_links_enterprise ON entity_links (enterprise_id)"),
        ("ix_match_pairs_b", "CREATE INDEX ix_match_pairs_b ON match_pairs (feed_b, key_b)"),
        ("ix_match_pairs_review", "CREATE INDEX ix_match_pairs_review ON match_pairs (probability) WHERE band = 'REVIEW'"),
    ];

    public static readonly string[] LinkColumns = ["feed", "source_key", "enterprise_id", "confidence", "method", "evidence", "run_id"];

    public static readonly string[] PairColumns = ["feed_a", "key_a", "feed_b", "key_b", "probability", "match_weight", "band", "evidence", "run_id"];
}
