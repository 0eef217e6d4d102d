using System.Data.Common;
using Dapper;
using Integration.Core.Database;
using Integration.Ingest.Contracts;
using Microsoft.Data.Sqlite;

namespace Integration.Matching.Records;

/// <summary>
/// Reads the records of the three registry feeds through Ingest's published SQL (<see cref="RegistryRowSql"/>, built
/// from its feed catalog): Matching names no table or column of Ingest's itself.
/// </summary>
public sealed class RecordStore(Db db)
{
    /// <summary>
    /// All current records one by one, feed by feed in key order so that a run is deterministic, read row by row
    /// (unbuffered): the matcher standardises them as they arrive, so the raw columns of a national
    /// register are never all in memory at once.
    /// </summary>
    public IEnumerable<SourceRecord> ReadCurrent(CancellationToken ct = default)
    {
        using var conn = db.Open();
        for (var f = 0; f < Feeds.All.Length; f++)
        {
            var lastSeen = new Dictionary<string, string>(StringComparer.Ordinal);
            var feed = f;
            foreach (var row in Rows(conn, RegistryRowSql.Current(Feeds.All[f]), column => ToRecord(column, feed)))
            {
                ct.ThrowIfCancellationRequested();
                var r = row;
                if (r.LastSeenOn is { } d)
                {
                    // A few distinct dates for a million rows: one string each.
                    r = r with { LastSeenOn = lastSeen.TryGetValue(d, out var same) ? same : lastSeen[d] = d };
                }

                yield return r;
            }
        }
    }

    /// <summary>
    /// Feed, key, row hash and last_seen_on of every current record, in <see cref="ReadCurrent"/>'s order and with its
    /// keys and dates (trimmed, blank key empty): what an incremental run compares with the records it saved.
    /// </summary>
    public List<(int Feed, string Key, string Hash, string? LastSeenOn)> ReadVersions(CancellationToken ct = default)
    {
        var list = new List<(int, string, string, string?)>();
        var dates = new Dictionary<string, string>(StringComparer.Ordinal); // a few distinct dates for a million rows: one string each
        using var conn = db.Open();
        for (var f = 0; f < Feeds.All.Length; f++)
        {
            var feed = f;
            foreach (var version in Rows(conn, RegistryRowSql.CurrentVersions(Feeds.All[f]), column => (feed, Blank(column(0)) ?? "", column(1) ?? "", Blank(column(2)) is { } d ? Interned(d) : null)))
            {
                ct.ThrowIfCancellationRequested();
                list.Add(version);
            }
        }

        return list;

        string Interned(string d) => dates.TryGetValue(d, out var same) ? same : dates[d] = d;
    }

    // Read by column position, natively on SQLite (the provider's reader checks its handle on every value):
    // at national scale Dapper's mapper and then the ADO.NET reader were a fifth of the standardisation step.
    private static IEnumerable<T> Rows<T>(DbConnection conn, string sql, Func<Func<int, string?>, T> map)
    {
        if (conn is SqliteConnection lite)
        {
            using var query = new SqliteStatement(lite, sql);
            while (query.Step())
            {
                yield return map(query.Text);
            }

            yield break;
        }

        using var command = conn.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var column = Column(reader);
        while (reader.Read())
        {
            yield return map(column);
        }
    }

    /// <summary>A record from a row of <see cref="RegistryRowSql"/>, by the positions of <see cref="RegistryRowSql.Columns"/>.</summary>
    private static SourceRecord ToRecord(Func<int, string?> column, int feed)
    {
        string? Text(int i) => Blank(column(i));
        var key = Text(0) ?? "";

        // A record's own TIN or MoC number is its key (the same column): one string, not two.
        string? Own(int i) => Text(i) is { } own && own == key ? key : Text(i);
        return new SourceRecord
        {
            Feed = feed,
            SourceKey = key,
            NameKm = Text(1),
            NameEn = Text(2),
            OwnTin = Own(3),
            OwnMocNo = Own(4),
            RefTin = Text(5),
            RefMocNo = Text(6),
            IsicCode = Text(7),
            HouseNo = Text(8),
            Street = Text(9),
            Village = Text(10),
            Commune = Text(11),
            District = Text(12),
            Province = Text(13),
            Address = Text(14),
            Phone = Text(15),
            Email = Text(16),
            Status = Text(17),
            LastSeenOn = Text(18),
            DirectorName = Text(19),
        };
    }

    private static Func<int, string?> Column(DbDataReader reader) => i => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>One record by feed and key (current or not), for the review queue and the API.</summary>
    public static async Task<SourceRecord?> LoadOneAsync(DbConnection conn, string feed, string key, CancellationToken ct = default)
    {
        var f = Feeds.Index(feed);
        await using var reader = await conn.ExecuteReaderAsync(new CommandDefinition(
            RegistryRowSql.ByKey(feed), new { key }, cancellationToken: ct));
        return await reader.ReadAsync(ct) ? ToRecord(Column(reader), f) : null;
    }

    /// <summary>
    /// Records of one feed by key, in one statement (not one per record), for the
    /// review queue and its export. A current row wins over an old one with the same key.
    /// </summary>
    public static async Task<Dictionary<string, SourceRecord>> LoadManyAsync(DbConnection conn, string feed, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        var f = Feeds.Index(feed);
        var found = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        var args = new DynamicParameters();
        await using var reader = await conn.ExecuteReaderAsync(new CommandDefinition(
            RegistryRowSql.ByKeys(conn, args, feed, keys), args, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            var r = ToRecord(Column(reader), f);
            found[r.SourceKey] = r;
        }

        return found;
    }
}
