using System.Data.Common;
using Dapper;
using Integration.Core.Database;

namespace Integration.Matching.Records;

/// <summary>Reads the current records of the three registry feeds (is_current = 1) from the ingest tables.</summary>
public sealed class RecordStore(Db db)
{
    private const string Address = "isic_code, house_no, street, village, commune, district, province, address, phone, email, status, last_seen_on";

    private static readonly string[] Selects =
    [
        $"SELECT registration_no AS source_key, name_km, name_en, NULL AS own_tin, registration_no AS own_moc_no, tin AS ref_tin, NULL AS ref_moc_no, {Address} FROM moc_licences",
        $"SELECT tin AS source_key, name_km, name_en, tin AS own_tin, NULL AS own_moc_no, NULL AS ref_tin, moc_registration_no AS ref_moc_no, {Address} FROM gdt_taxpayers",
        $"SELECT nssf_id AS source_key, name_km, name_en, NULL AS own_tin, NULL AS own_moc_no, tin AS ref_tin, moc_registration_no AS ref_moc_no, {Address} FROM nssf_employers",
    ];

    private static readonly string[] KeyColumns = ["registration_no", "tin", "nssf_id"];

    /// <summary>All current records, feed by feed, in key order so that a run is deterministic.</summary>
    public Task<List<SourceRecord>> LoadCurrentAsync(CancellationToken ct = default) => Task.FromResult(ReadCurrent(ct).ToList());

    /// <summary>
    /// The current records one by one, in <see cref="LoadCurrentAsync"/>'s order, read row by row
    /// (unbuffered): the matcher standardises them as they arrive, so the raw columns of a national
    /// register are never all in memory at once.
    /// </summary>
    public IEnumerable<SourceRecord> ReadCurrent(CancellationToken ct = default)
    {
        using var conn = db.Open();
        for (var f = 0; f < Selects.Length; f++)
        {
            var sql = Selects[f] + $" WHERE is_current = 1 ORDER BY {KeyColumns[f]}";
            var lastSeen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in conn.Query<Row>(new CommandDefinition(sql, flags: CommandFlags.None, cancellationToken: ct)))
            {
                var r = row.ToRecord(f);
                if (r.LastSeenOn is { } d)
                {
                    // A few distinct dates for a million rows: one string each.
                    r = r with { LastSeenOn = lastSeen.TryGetValue(d, out var same) ? same : lastSeen[d] = d };
                }

                yield return r;
            }
        }
    }

    /// <summary>One record by feed and key (current or not), for the review queue and the API.</summary>
    public static async Task<SourceRecord?> LoadOneAsync(DbConnection conn, string feed, string key, CancellationToken ct = default)
    {
        var f = Feeds.Index(feed);
        var row = await conn.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            Selects[f] + $" WHERE {KeyColumns[f]} = @key", new { key }, cancellationToken: ct));
        return row?.ToRecord(f);
    }

    /// <summary>
    /// Records of one feed by key, in batches (one query per few hundred keys, not one per record), for the
    /// review queue and its export. A current row wins over an old one with the same key.
    /// </summary>
    public static async Task<Dictionary<string, SourceRecord>> LoadManyAsync(DbConnection conn, string feed, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        const int Batch = 500;
        var f = Feeds.Index(feed);
        var found = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        var all = keys.Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < all.Count; i += Batch)
        {
            // Parameters spelled out: Dapper would send a list to Npgsql as one array, which IN does not take.
            var chunk = all.GetRange(i, Math.Min(Batch, all.Count - i));
            var args = new DynamicParameters();
            for (var k = 0; k < chunk.Count; k++)
            {
                args.Add("k" + k, chunk[k]);
            }

            var list = string.Join(", ", Enumerable.Range(0, chunk.Count).Select(k => "@k" + k));
            var rows = await conn.QueryAsync<Row>(new CommandDefinition(
                Selects[f] + $" WHERE {KeyColumns[f]} IN ({list}) ORDER BY is_current", args, cancellationToken: ct));
            foreach (var row in rows)
            {
                found[row.SourceKey] = row.ToRecord(f);
            }
        }

        return found;
    }

    private sealed class Row
    {
        public string SourceKey { get; set; } = "";
        public string? NameKm { get; set; }
        public string? NameEn { get; set; }
        public string? OwnTin { get; set; }
        public string? OwnMocNo { get; set; }
        public string? RefTin { get; set; }
        public string? RefMocNo { get; set; }
        public string? IsicCode { get; set; }
        public string? HouseNo { get; set; }
        public string? Street { get; set; }
        public string? Village { get; set; }
        public string? Commune { get; set; }
        public string? District { get; set; }
        public string? Province { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Status { get; set; }
        public string? LastSeenOn { get; set; }

        public SourceRecord ToRecord(int feed) => new()
        {
            Feed = feed,
            SourceKey = SourceKey,
            NameKm = Blank(NameKm),
            NameEn = Blank(NameEn),
            OwnTin = Blank(OwnTin),
            OwnMocNo = Blank(OwnMocNo),
            RefTin = Blank(RefTin),
            RefMocNo = Blank(RefMocNo),
            IsicCode = Blank(IsicCode),
            HouseNo = Blank(HouseNo),
            Street = Blank(Street),
            Village = Blank(Village),
            Commune = Blank(Commune),
            District = Blank(District),
            Province = Blank(Province),
            Address = Blank(Address),
            Phone = Blank(Phone),
            Email = Blank(Email),
            Status = Blank(Status),
            LastSeenOn = Blank(LastSeenOn),
        };

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
