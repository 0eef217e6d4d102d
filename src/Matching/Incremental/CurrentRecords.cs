using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Matching.Records;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Incremental;

/// <summary>The standardised current records of a run, each with the row hash it was made from.</summary>
public sealed record StandardisedRecords(StandardRecord[] Records, string[] RowHashes, RecordChanges? Changes);

/// <summary>
/// The current records a run matches, standardised: all of them (a full run), or, for an incremental run, the saved
/// standardised form of every record whose row hash is unchanged since the last run and a fresh one of the rest.
/// Either way in the order <see cref="RecordStore.ReadCurrent"/> reads them (feed, then key), so that the matcher
/// sees the same array in both cases.
/// </summary>
public sealed class CurrentRecords(Db db, RecordStore store, Gazetteer gazetteer, MatchStateStore state)
{
    /// <summary>Every current record standardised afresh.</summary>
    public StandardisedRecords StandardiseAll(CancellationToken ct)
    {
        // Versions first: a row that changes between the two reads then carries its older hash, and the next run
        // standardises it again, rather than an old standardised form being saved under the new hash.
        var versions = store.ReadVersions(ct);
        var records = new Standardiser(gazetteer).StandardiseAll(store.ReadCurrent(ct));
        var hashes = new string[records.Length];
        var aligned = records.Length == versions.Count;
        for (var i = 0; i < records.Length; i++)
        {
            aligned = aligned && versions[i].Feed == records[i].Feed && versions[i].Key == records[i].Source.SourceKey;
            hashes[i] = aligned ? versions[i].Hash : ""; // an empty hash matches no row: re-standardised next time
        }

        return new(records, hashes, null);
    }

    /// <summary>The saved records reused where their row is unchanged, the others standardised; null when nothing usable is saved.</summary>
    public async Task<StandardisedRecords?> ReuseAsync(CancellationToken ct)
    {
        var versions = store.ReadVersions(ct);
        var at = new Dictionary<(int Feed, string Key), int>(versions.Count);
        for (var i = 0; i < versions.Count; i++)
        {
            at[(versions[i].Feed, versions[i].Key)] = i;
        }

        var saved = state.ReadRecords(MatchStateStore.Version(gazetteer), (feed, key) => at.TryGetValue((feed, key), out var i) ? versions[i].LastSeenOn : null);
        if (saved is null)
        {
            return null;
        }

        var records = new StandardRecord?[versions.Count];
        int reused = 0, gone = 0;
        foreach (var (record, hash) in saved)
        {
            ct.ThrowIfCancellationRequested();
            if (!at.TryGetValue((record.Feed, record.Source.SourceKey), out var i))
            {
                gone++;
            }
            else if (versions[i].Hash == hash && hash.Length > 0)
            {
                records[i] = record;
                reused++;
            }
        }

        // The rest: new, changed, back again, or not saved. Loaded by key and standardised.
        var missing = new List<int>();
        for (var i = 0; i < records.Length; i++)
        {
            if (records[i] is null)
            {
                missing.Add(i);
            }
        }

        var fresh = new List<SourceRecord>(missing.Count);
        await using (var conn = await db.OpenAsync(ct))
        {
            foreach (var feed in missing.GroupBy(i => versions[i].Feed))
            {
                var rows = await RecordStore.LoadManyAsync(conn, Feeds.All[feed.Key], feed.Select(i => versions[i].Key).ToList(), ct);
                fresh.AddRange(feed.Select(i => rows[versions[i].Key]));
            }
        }

        var standardised = new Standardiser(gazetteer).StandardiseAll(fresh);
        for (var j = 0; j < missing.Count; j++)
        {
            records[missing[j]] = standardised[j];
        }

        var all = records!;
        TokenWeighting.Apply(all!); // depends on every record, as in a full run
        return new(all!, versions.Select(v => v.Hash).ToArray(), new RecordChanges(reused, missing.Count, gone));
    }
}
