using Dapper;
using Integration.Core.Database;
using Integration.Matching.Persistence;
using Integration.Matching.Records;
using Integration.Matching.Scoring;

namespace Integration.Matching.Review;

/// <summary>One side of a review pair, as the clerk sees it.</summary>
public sealed record ReviewRecord(string Feed, string SourceKey, string? NameEn, string? NameKm, string? Tin, string? MocNo, string? Address, string? Phone, string? Email);

/// <summary>A pair in the review band, best first, with both records side by side and the per-field evidence.</summary>
public sealed record ReviewItem(int Rank, double Probability, double MatchWeight, ReviewRecord A, ReviewRecord B, string Evidence, string RunId);

/// <summary>Thrown for a decision that cannot be recorded (unknown record, bad decision word); the message says why.</summary>
public sealed class ReviewException(string message) : Exception(message);

/// <summary>
/// The clerks' queue: review-band pairs of the latest run without a decision yet, and the decisions
/// themselves, stored in clerk_decisions, which every later run applies before anything else.
/// </summary>
public sealed class ReviewService(Db db, TimeProvider clock)
{
    public Task<List<ReviewItem>> QueueAsync(int? limit = null, CancellationToken ct = default) => QueueAsync(limit, null, ct);

    /// <param name="provinceCode">Only pairs with a record linked to an enterprise of this province (gazetteer code): a province-scoped clerk's queue.</param>
    public async Task<List<ReviewItem>> QueueAsync(int? limit, string? provinceCode, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        // The best pairs are chosen on keys and probability alone, then only those are read whole: evidence (and
        // run_id after it) sit in each row's overflow pages, which a sort of the whole band would read for every pair.
        var pairs = (await conn.QueryAsync<PairRow>(new CommandDefinition(
            """
            SELECT p.feed_a AS FeedA, p.key_a AS KeyA, p.feed_b AS FeedB, p.key_b AS KeyB, p.probability AS Probability,
                   p.match_weight AS MatchWeight, p.evidence AS Evidence, p.run_id AS RunId
            FROM match_pairs p JOIN (
            SELECT p.feed_a, p.key_a, p.feed_b, p.key_b
            FROM match_pairs p
            WHERE p.band = 'REVIEW'
              AND NOT EXISTS (SELECT 1 FROM clerk_decisions d
                              WHERE d.feed_a = p.feed_a AND d.key_a = p.key_a AND d.feed_b = p.feed_b AND d.key_b = p.key_b)
            """ + (provinceCode is null ? "" : """
              AND EXISTS (SELECT 1 FROM entity_links l JOIN enterprises e ON e.enterprise_id = l.enterprise_id
                          WHERE e.province_code = @provinceCode
                            AND ((l.feed = p.feed_a AND l.source_key = p.key_a) OR (l.feed = p.feed_b AND l.source_key = p.key_b)))
            """) + """
            ORDER BY p.probability DESC, p.feed_a, p.key_a, p.feed_b, p.key_b
            """ + (limit is null ? "" : " LIMIT @limit") + """
            ) best ON best.feed_a = p.feed_a AND best.key_a = p.key_a AND best.feed_b = p.feed_b AND best.key_b = p.key_b
            ORDER BY p.probability DESC, p.feed_a, p.key_a, p.feed_b, p.key_b
            """, new { provinceCode, limit = (long?)limit }, cancellationToken: ct))).ToList();
        if (limit is { } n && pairs.Count > n)
        {
            pairs.RemoveRange(n, pairs.Count - n);
        }

        // Both sides of every pair, loaded per feed in batches rather than two queries per pair.
        var records = new Dictionary<(string, string), SourceRecord>();
        foreach (var feed in Feeds.All)
        {
            var keys = pairs.Where(p => p.FeedA == feed).Select(p => p.KeyA).Concat(pairs.Where(p => p.FeedB == feed).Select(p => p.KeyB)).ToList();
            foreach (var (key, r) in await RecordStore.LoadManyAsync(conn, feed, keys, ct))
            {
                records[(feed, key)] = r;
            }
        }

        var items = new List<ReviewItem>(pairs.Count);
        foreach (var p in pairs)
        {
            items.Add(new ReviewItem(items.Count + 1, p.Probability, p.MatchWeight,
                Side(p.FeedA, p.KeyA, records.GetValueOrDefault((p.FeedA, p.KeyA))),
                Side(p.FeedB, p.KeyB, records.GetValueOrDefault((p.FeedB, p.KeyB))), p.Evidence, p.RunId));
        }

        return items;
    }

    /// <summary>Records ACCEPT or REJECT for a pair (either order); a later decision on the same pair replaces the earlier one.</summary>
    public async Task<ClerkDecision> DecideAsync(string feedA, string keyA, string feedB, string keyB, string decision, string decidedBy, string? note, CancellationToken ct = default)
    {
        if (StoredText.ParseVerdict(decision) is not { } verdict)
        {
            throw new ReviewException($"Decision must be {StoredText.Of(ClerkVerdict.Accept)} or {StoredText.Of(ClerkVerdict.Reject)}, not '{decision.Trim()}'.");
        }

        decision = StoredText.Of(verdict);

        if (string.IsNullOrWhiteSpace(decidedBy))
        {
            throw new ReviewException("A decision needs the name of the clerk who made it (--by).");
        }

        if (!Feeds.All.Contains(feedA) || !Feeds.All.Contains(feedB))
        {
            throw new ReviewException($"Feeds must be {string.Join(", ", Feeds.All)}; got '{feedA}' and '{feedB}'.");
        }

        if (feedA == feedB && keyA == keyB)
        {
            throw new ReviewException("Both sides are the same record.");
        }

        // Two records of one registry (a duplicate registration) are decided like any pair, keys in ordinal order.
        if (Feeds.Index(feedA) > Feeds.Index(feedB) || (feedA == feedB && string.CompareOrdinal(keyA, keyB) > 0))
        {
            (feedA, keyA, feedB, keyB) = (feedB, keyB, feedA, keyA);
        }

        await using var conn = await db.OpenAsync(ct);
        foreach (var (feed, key) in new[] { (feedA, keyA), (feedB, keyB) })
        {
            if (await RecordStore.LoadOneAsync(conn, feed, key, ct) is null)
            {
                throw new ReviewException($"No {feed} record with key '{key}'.");
            }
        }

        var at = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await conn.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO clerk_decisions (feed_a, key_a, feed_b, key_b, decision, decided_by, decided_at, note)
            VALUES (@feedA, @keyA, @feedB, @keyB, @decision, @decidedBy, @at, @note)
            ON CONFLICT (feed_a, key_a, feed_b, key_b) DO UPDATE
            SET decision = excluded.decision, decided_by = excluded.decided_by, decided_at = excluded.decided_at, note = excluded.note
            """,
            new { feedA, keyA, feedB, keyB, decision, decidedBy, at, note }, cancellationToken: ct));
        return new ClerkDecision(feedA, keyA, feedB, keyB, decision, decidedBy, at);
    }

    private static ReviewRecord Side(string feed, string key, SourceRecord? r) => new(
        feed, key, r?.NameEn, r?.NameKm, r?.AnyTin, r?.AnyMocNo,
        r is null ? null : string.Join(", ", new[] { r.HouseNo, r.Street, r.Village, r.Commune, r.District, r.Province, r.Address }.Where(s => !string.IsNullOrWhiteSpace(s))),
        r?.Phone, r?.Email);

    private sealed class PairRow
    {
        public string FeedA { get; set; } = "";
        public string KeyA { get; set; } = "";
        public string FeedB { get; set; } = "";
        public string KeyB { get; set; } = "";
        public double Probability { get; set; }
        public double MatchWeight { get; set; }
        public string Evidence { get; set; } = "";
        public string RunId { get; set; } = "";
    }
}
