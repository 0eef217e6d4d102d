using System.Data.Common;
using Dapper;
using Integration.Core.Dates;
using Integration.Ingest.Feeds;
using Integration.Ingest.Validation;

namespace Integration.Ingest.Loading;

/// <summary>What the database holds for one key, kept in memory so unchanged rows cost no read.</summary>
/// <param name="Hash">row_hash of the stored row.</param>
/// <param name="LastSeenDay">DayNumber of last_seen_on: the as-of of the newest file the row was in.</param>
/// <param name="Current">is_current (always true for append feeds).</param>
internal readonly record struct KeyState(UInt128 Hash, int LastSeenDay, bool Current);

/// <summary>
/// The current state of one feed's table (key -> hash, last seen, current) and the as-of of the newest
/// snapshot applied. Loaded once per feed per run and kept in step with each committed file, so a
/// national snapshot is compared in memory rather than with a read per row.
/// </summary>
internal sealed class FeedState
{
    private FeedState(Dictionary<string, KeyState> keys, DateOnly? latestSnapshot)
    {
        Keys = keys;
        LatestSnapshot = latestSnapshot;
    }

    public Dictionary<string, KeyState> Keys { get; }

    /// <summary>As-of of the newest snapshot file applied to the feed; an older one must not roll it back.</summary>
    public DateOnly? LatestSnapshot { get; private set; }

    public static FeedState Load(DbConnection conn, FeedDefinition feed)
    {
        var count = conn.ExecuteScalar<long>($"SELECT COUNT(*) FROM {feed.Table}");
        var keys = new Dictionary<string, KeyState>((int)Math.Min(count + 1024, int.MaxValue), StringComparer.Ordinal);
        var current = feed.IsSnapshot ? "is_current" : "1";
        using (var reader = conn.ExecuteReader($"SELECT {feed.KeySqlExpression}, row_hash, last_seen_on, {current} FROM {feed.Table}"))
        {
            while (reader.Read())
            {
                var lastSeen = IsoDate.Parse(reader.GetString(2));
                keys[reader.GetString(0)] = new KeyState(ParsedRow.ParseHash(reader.GetString(1)), lastSeen.DayNumber, Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture) == 1);
            }
        }

        var latest = conn.ExecuteScalar<string?>(
            "SELECT MAX(as_of) FROM source_files WHERE feed = @feed AND status = 'LOADED'",
            new { feed = feed.Name });
        return new FeedState(keys, latest is null ? null : IsoDate.Parse(latest));
    }

    /// <summary>Takes over the changes of a committed file.</summary>
    public void Commit(Dictionary<string, KeyState> changes, DateOnly? snapshotAsOf)
    {
        foreach (var (key, state) in changes)
        {
            Keys[key] = state;
        }

        if (snapshotAsOf is { } asOf && (LatestSnapshot is null || asOf > LatestSnapshot))
        {
            LatestSnapshot = asOf;
        }
    }
}
