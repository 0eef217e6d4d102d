using Integration.Matching.Standardisation;

namespace Integration.Matching.Blocking;

/// <summary>
/// An inverted index from blocking key to records, built as one sorted array of (key, record) entries
/// so that a block is a contiguous run. Blocks larger than the cap are dropped: a key shared by hundreds
/// of records (a common word, a call-centre phone) cannot tell firms apart and would only cost time.
/// </summary>
public sealed class BlockIndex
{
    private readonly int[] _entryRecord;  // per entry, in key order: its record (hashes are not needed once blocks are known)
    private readonly int[] _blockStart;   // per entry (of kept blocks only): start of its block
    private readonly int[] _blockEnd;
    private readonly int[] _recordStart;  // CSR: entries of record i are _byRecord[_recordStart[i].._recordStart[i+1]]
    private readonly int[] _byRecord;

    private readonly bool _withinFeeds;

    private BlockIndex(int[] entryRecord, int[] blockStart, int[] blockEnd, int[] recordStart, int[] byRecord, BlockingStats stats, bool withinFeeds)
    {
        _withinFeeds = withinFeeds;
        _entryRecord = entryRecord;
        _blockStart = blockStart;
        _blockEnd = blockEnd;
        _recordStart = recordStart;
        _byRecord = byRecord;
        Stats = stats;
    }

    public BlockingStats Stats { get; }

    /// <param name="withinFeeds">Also pair records of one registry (deduplication, as Splink's link_and_dedupe).</param>
    public static BlockIndex Build(StandardRecord[] records, int maxBlockSize, int rareTokens, IReadOnlyCollection<BlockingKey>? keys = null, bool withinFeeds = true)
    {
        var enabled = new bool[BlockingKeyGenerator.KeyCount];
        foreach (var k in keys ?? Enum.GetValues<BlockingKey>())
        {
            enabled[(int)k] = true;
        }

        var df = TokenWeighting.DocumentFrequencies(records);
        var perRecord = new (ulong Hash, BlockingKey Key)[records.Length][];
        Parallel.For(0, records.Length, () => new List<(ulong, BlockingKey)>(16), (i, _, list) =>
        {
            BlockingKeyGenerator.Keys(records[i], df, rareTokens, list);
            list.RemoveAll(k => !enabled[(int)k.Item2]);
            perRecord[i] = list.ToArray();
            return list;
        }, _ => { });

        var total = 0;
        foreach (var k in perRecord)
        {
            total += k.Length;
        }

        var entries = new Entry[total];
        var n = 0;
        for (var i = 0; i < perRecord.Length; i++)
        {
            foreach (var (hash, key) in perRecord[i])
            {
                entries[n++] = new Entry(hash, i, key);
            }
        }

        Array.Sort(entries);
        // First pass: which blocks are kept (two to maxBlockSize records), with the statistics.
        var stats = new BlockingStats();
        var keptEntries = 0;
        for (var s = 0; s < total;)
        {
            var e = BlockEnd(entries, s);
            var size = e - s;
            var kind = (int)entries[s].Key;
            if (size >= 2 && size <= maxBlockSize)
            {
                stats.Blocks[kind]++;
                stats.PairsPerKey[kind] += withinFeeds ? (long)size * (size - 1) / 2 : CrossFeedPairs(entries, s, e, records);
                keptEntries += size;
            }
            else if (size >= 2)
            {
                stats.DroppedBlocks[kind]++;
            }

            s = e;
        }

        // Second pass: only the entries of kept blocks are indexed. Most keys (a TIN, a phone, a house) are
        // one record's alone, and comparison, the run's peak of memory, needs nothing of them.
        var entryRecord = new int[keptEntries];
        var blockStart = new int[keptEntries];
        var blockEnd = new int[keptEntries];
        var recordStart = new int[records.Length + 1];
        var kept = 0;
        for (var s = 0; s < total;)
        {
            var e = BlockEnd(entries, s);
            if (e - s >= 2 && e - s <= maxBlockSize)
            {
                var start = kept;
                for (var x = s; x < e; x++, kept++)
                {
                    entryRecord[kept] = entries[x].Record;
                    blockStart[kept] = start;
                    blockEnd[kept] = start + (e - s);
                    recordStart[entries[x].Record + 1]++;
                }
            }

            s = e;
        }

        // Entries per record, so that each record can walk its own blocks in parallel.
        for (var i = 0; i < records.Length; i++)
        {
            recordStart[i + 1] += recordStart[i];
        }

        var fill = (int[])recordStart.Clone();
        var byRecord = new int[keptEntries];
        for (var x = 0; x < keptEntries; x++)
        {
            byRecord[fill[entryRecord[x]]++] = x;
        }

        return new BlockIndex(entryRecord, blockStart, blockEnd, recordStart, byRecord, stats, withinFeeds);
    }

    /// <summary>The end of the block (run of one hash) that starts at <paramref name="start"/>.</summary>
    private static int BlockEnd(Entry[] entries, int start)
    {
        var end = start + 1;
        while (end < entries.Length && entries[end].Hash == entries[start].Hash)
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// Puts into <paramref name="found"/> each candidate j &gt; i sharing a kept block with i (of another feed only,
    /// unless the index pairs records within feeds), once, in ascending order.
    /// </summary>
    public void Candidates(int i, StandardRecord[] records, HashSet<int> seen, List<int> found)
    {
        seen.Clear();
        found.Clear();
        var feed = records[i].Feed;
        for (var p = _recordStart[i]; p < _recordStart[i + 1]; p++)
        {
            var x = _byRecord[p];
            for (var y = _blockStart[x]; y < _blockEnd[x]; y++)
            {
                var j = _entryRecord[y];
                if (j > i && (_withinFeeds || records[j].Feed != feed) && seen.Add(j))
                {
                    found.Add(j);
                }
            }
        }

        found.Sort();
    }

    private static long CrossFeedPairs(Entry[] entries, int s, int e, StandardRecord[] records)
    {
        Span<long> perFeed = stackalloc long[3];
        for (var x = s; x < e; x++)
        {
            perFeed[records[entries[x].Record].Feed]++;
        }

        return (perFeed[0] * perFeed[1]) + (perFeed[0] * perFeed[2]) + (perFeed[1] * perFeed[2]);
    }

    private readonly record struct Entry(ulong Hash, int Record, BlockingKey Key) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var c = Hash.CompareTo(other.Hash);
            return c != 0 ? c : Record.CompareTo(other.Record);
        }
    }
}

/// <summary>Per blocking key: blocks kept, blocks dropped as too large, and the pairs its blocks generate (overlapping).</summary>
public sealed class BlockingStats
{
    public long[] Blocks { get; } = new long[BlockingKeyGenerator.KeyCount];

    public long[] DroppedBlocks { get; } = new long[BlockingKeyGenerator.KeyCount];

    public long[] PairsPerKey { get; } = new long[BlockingKeyGenerator.KeyCount];

    /// <summary>Distinct candidate pairs over all keys (set after comparison).</summary>
    public long UniquePairs { get; set; }

    public Dictionary<string, long> PairsByKeyName() =>
        Enum.GetValues<BlockingKey>().ToDictionary(k => k.ToString(), k => PairsPerKey[(int)k], StringComparer.Ordinal);
}
