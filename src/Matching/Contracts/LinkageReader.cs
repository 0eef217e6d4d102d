using System.Data.Common;
using Dapper;
using Integration.Core.Database;
using Integration.Ingest.Contracts;
using Integration.Matching.Scoring;

namespace Integration.Matching.Contracts;

/// <summary>The match run whose links the alerts read: the latest successful one, else the newest run id on the links.</summary>
public sealed record MatchRunInfo(string RunId, string? AsOf);

/// <summary>What another module reads of an enterprise (a subset of the enterprises table).</summary>
public sealed record EnterpriseRecord
{
    public string EnterpriseId { get; init; } = "";
    public string? NameEn { get; init; }
    public string? NameKm { get; init; }
    public string? Province { get; init; }
    public string? District { get; init; }
    public string? ProvinceCode { get; init; }
    public string? DistrictCode { get; init; }
    public string? MocRegistrationNos { get; init; }
    public string? Tins { get; init; }
    public string? NssfIds { get; init; }
}

/// <summary>
/// Matching's published reader of the linkage (the current run, entity_links, match_pairs, enterprises): the only
/// way another module reads those tables. Callers pass their open connection, so a batch reads one snapshot.
/// </summary>
public static class LinkageReader
{
    private const string Enterprises = "SELECT enterprise_id, name_en, name_km, province, district, province_code, district_code, moc_registration_nos, tins, nssf_ids FROM enterprises";

    private const string Links = "SELECT feed, source_key, enterprise_id, confidence, method, run_id FROM entity_links";

    /// <summary>The pairs of the latest match run (a clerk's reject among them: it joins nothing). Not run_id, which is
    /// the links' (one run replaces both): stored after the evidence JSON, reading it would walk every row's overflow pages.</summary>
    private const string Pairs = "SELECT p.feed_a, p.key_a, p.feed_b, p.key_b, p.probability, p.band FROM match_pairs p";

    /// <summary>The pairs with either record in enterprise @e (each side through its own index; UNION drops a pair met twice).</summary>
    private const string PairsOfEnterpriseSql =
        Pairs + " JOIN entity_links l ON l.feed = p.feed_a AND l.source_key = p.key_a WHERE l.enterprise_id = @e"
        + " UNION " + Pairs + " JOIN entity_links l ON l.feed = p.feed_b AND l.source_key = p.key_b WHERE l.enterprise_id = @e";

    /// <summary>The latest successful match run, else the newest run id on the links; null before any match.</summary>
    public static MatchRunInfo? CurrentRun(DbConnection conn)
    {
        var run = conn.QueryFirstOrDefault<MatchRunInfo>(
            "SELECT run_id, as_of FROM match_runs WHERE outcome = 'SUCCEEDED' ORDER BY COALESCE(finished_at, started_at) DESC, run_id DESC LIMIT 1");
        if (run is not null)
        {
            return run;
        }

        var fromLinks = conn.ExecuteScalar<string?>("SELECT MAX(run_id) FROM entity_links");
        return fromLinks is null ? null : new MatchRunInfo(fromLinks, null);
    }

    public static EnterpriseRecord? Enterprise(DbConnection conn, string enterpriseId) =>
        conn.QueryFirstOrDefault<EnterpriseRecord>(Enterprises + " WHERE enterprise_id = @e", new { e = enterpriseId });

    /// <summary>Every enterprise not retired, unbuffered.</summary>
    public static IEnumerable<EnterpriseRecord> LiveEnterprises(DbConnection conn) =>
        conn.Query<EnterpriseRecord>(Enterprises + " WHERE retired_into IS NULL AND retired_run_id IS NULL", buffered: false);

    /// <summary>Every link, unbuffered.</summary>
    public static IEnumerable<LinkRow> AllLinks(DbConnection conn) => conn.Query<LinkRow>(Links, buffered: false);

    /// <summary>
    /// Where the chunk of enterprise ids after <paramref name="after"/> ends when it is to hold at most <paramref name="size"/>
    /// of the live enterprises and at most <paramref name="size"/> of the ids the links name (the ids a batch reads): the
    /// last id of the chunk, or null when the chunk runs to the end. Ids are compared by the database, as
    /// <see cref="LiveEnterprisesIn"/> and <see cref="LinksIn"/> compare them, so the chunks tile the ids whatever the collation.
    /// </summary>
    public static string? ChunkEnd(DbConnection conn, string after, int size) =>
        conn.ExecuteScalar<string?>(
            """
            SELECT MIN(hi) FROM (
              SELECT MAX(enterprise_id) AS hi FROM (SELECT enterprise_id FROM enterprises WHERE retired_into IS NULL AND retired_run_id IS NULL AND enterprise_id > @after ORDER BY enterprise_id LIMIT @size) e HAVING COUNT(*) = @size
              UNION ALL
              SELECT MAX(enterprise_id) AS hi FROM (SELECT DISTINCT enterprise_id FROM entity_links WHERE enterprise_id > @after ORDER BY enterprise_id LIMIT @size) l HAVING COUNT(*) = @size
            ) ends
            """,
            new { after, size = (long)size });

    /// <summary>The live enterprises with an id after <paramref name="after"/> and up to <paramref name="last"/> (to the end when null).</summary>
    public static List<EnterpriseRecord> LiveEnterprisesIn(DbConnection conn, string after, string? last) =>
        conn.Query<EnterpriseRecord>(Enterprises + " WHERE retired_into IS NULL AND retired_run_id IS NULL AND " + IdRange(last) + " ORDER BY enterprise_id", new { after, last }).AsList();

    /// <summary>
    /// The links to enterprise ids after <paramref name="after"/> and up to <paramref name="last"/> (to the end when null),
    /// by enterprise and, within one, in the order the table is stored in: the order <see cref="AllLinks"/> gives an
    /// enterprise's links, so a batch read in chunks sees each enterprise as the whole-register read did.
    /// </summary>
    public static List<LinkRow> LinksIn(DbConnection conn, string after, string? last) =>
        conn.Query<LinkRow>(Links + " WHERE " + IdRange(last) + " ORDER BY enterprise_id, " + KeySet.StorageOrder(conn), new { after, last }).AsList();

    private static string IdRange(string? last) => last is null ? "enterprise_id > @after" : "enterprise_id > @after AND enterprise_id <= @last";

    public static List<LinkRow> LinksOf(DbConnection conn, string enterpriseId) =>
        conn.Query<LinkRow>(Links + " WHERE enterprise_id = @e", new { e = enterpriseId }).ToList();

    /// <summary>The links of these records (those that have one).</summary>
    public static List<LinkRow> LinksOfRecords(DbConnection conn, IReadOnlyCollection<RecordKey> records)
    {
        var result = new List<LinkRow>();
        foreach (var chunk in records.Chunk(200))
        {
            var args = new DynamicParameters();
            var where = string.Join(" OR ", chunk.Select((k, i) =>
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                args.Add("f" + n, k.Feed);
                args.Add("k" + n, k.Key);
                return $"(feed = @f{n} AND source_key = @k{n})";
            }));
            result.AddRange(conn.Query<LinkRow>(Links + " WHERE " + where, args));
        }

        return result;
    }

    /// <summary>The enterprise the record is linked to, or null.</summary>
    public static string? EnterpriseOf(DbConnection conn, string feed, string sourceKey) =>
        conn.QueryFirstOrDefault<string?>("SELECT enterprise_id FROM entity_links WHERE feed = @feed AND source_key = @sourceKey", new { feed, sourceKey });

    /// <summary>The stored pairs with a record of enterprise <paramref name="enterpriseId"/> on either side.</summary>
    public static List<PairRow> PairsOfEnterprise(DbConnection conn, string enterpriseId) =>
        conn.Query<PairRow>(PairsOfEnterpriseSql, new { e = enterpriseId }).ToList();

    /// <summary>The pairs not certain (review band, a clerk's reject, a band this version does not know): few, so buffered.</summary>
    public static List<PairRow> UncertainPairs(DbConnection conn) =>
        conn.Query<PairRow>(Pairs + " WHERE p.band NOT IN (@link, @accept)", new { link = StoredText.Of(PairBand.Link), accept = StoredText.Of(PairBand.ClerkAccept) }).ToList();

    /// <summary>The pairs with a record of <paramref name="records"/> on either side, each at most once, through the two
    /// indexes of match_pairs (a scan of the whole table reads every row's evidence JSON).</summary>
    public static IEnumerable<PairRow> PairsOfRecords(DbConnection conn, IEnumerable<RecordKey> records)
    {
        var seen = new HashSet<(RecordKey, RecordKey)>();
        foreach (var feed in records.GroupBy(l => l.Feed, StringComparer.Ordinal))
        {
            foreach (var side in new[] { ("p.feed_a", "p.key_a"), ("p.feed_b", "p.key_b") })
            {
                var args = new DynamicParameters();
                args.Add("feed", feed.Key);
                var keys = KeySet.In(conn, args, "k", side.Item2, feed.Select(l => l.Key));
                foreach (var p in conn.Query<PairRow>(Pairs + " WHERE " + side.Item1 + " = @feed AND " + keys, args))
                {
                    if (seen.Add((p.A, p.B)))
                    {
                        yield return p;
                    }
                }
            }
        }
    }

    /// <summary>The enterprise each of <paramref name="ids"/> was merged into, for those retired by a merge.</summary>
    public static Dictionary<string, string> RetiredInto(DbConnection conn, IReadOnlyCollection<string> ids)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var args = new DynamicParameters();
        foreach (var (id, into) in conn.Query<(string, string)>("SELECT enterprise_id, retired_into FROM enterprises WHERE retired_into IS NOT NULL AND " + KeySet.In(conn, args, "e", "enterprise_id", ids), args))
        {
            result[id] = into;
        }

        return result;
    }

    /// <summary>True when the id names an enterprise row or has links (an enterprise of a run not yet stored in full).</summary>
    public static bool IsKnown(DbConnection conn, string enterpriseId) =>
        conn.ExecuteScalar<long>("SELECT COUNT(*) FROM enterprises WHERE enterprise_id = @id", new { id = enterpriseId })
        + conn.ExecuteScalar<long>("SELECT COUNT(*) FROM entity_links WHERE enterprise_id = @id", new { id = enterpriseId }) > 0;

    /// <summary>
    /// Current MoC registrations whose number starts with <paramref name="upper"/> (upper-cased, LIKE wildcards removed),
    /// or whose Latin name contains it, or Khmer name contains <paramref name="khmer"/>; with <paramref name="provinceCode"/>,
    /// only those whose enterprise lies in that province. In number order. (Here, not in Ingest, because it joins the links.)
    /// </summary>
    public static async Task<IReadOnlyList<MocRecord>> SearchMocAsync(DbConnection conn, string upper, string khmer, string? provinceCode, int limit, CancellationToken ct)
    {
        var sql = """
            SELECT m.registration_no, m.name_en, m.name_km, m.province, m.status FROM moc_licences m
            WHERE m.is_current = 1 AND (UPPER(m.registration_no) LIKE @prefix OR UPPER(m.name_en) LIKE @contains OR m.name_km LIKE @khmer)
            """;
        if (provinceCode is not null)
        {
            sql += """
                 AND EXISTS (SELECT 1 FROM entity_links l JOIN enterprises e ON e.enterprise_id = l.enterprise_id
                            WHERE l.feed = 'moc-licences' AND l.source_key = m.registration_no AND e.province_code = @provinceCode)
                """;
        }

        return (await conn.QueryAsync<MocRecord>(new CommandDefinition(
            sql + " ORDER BY m.registration_no LIMIT @limit",
            new { prefix = upper + "%", contains = "%" + upper + "%", khmer = "%" + khmer + "%", provinceCode, limit = (long)limit },
            cancellationToken: ct))).AsList();
    }
}
