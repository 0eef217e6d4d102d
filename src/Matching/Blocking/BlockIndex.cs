// Over 300 lines: one flat (CSR) index; building it, the block shapes and the candidate walk share its arrays, which a split would have to expose.
using Integration.Matching.Standardisation;

namespace Integration.Matching.Blocking;

/// <summary>
/// An inverted index from blocking key to records, built as one sorted array of (key, record) entries so that a
/// block is a contiguous run. A block of up to <c>maxBlockSize</c> records pairs all its records. An identifier, phone
/// or e-mail shared by more is no one firm's (a wrong cross-reference, an agent) and pairs nothing. A larger place
/// block (house number 12 in a district, a city commune's names starting alike) is not dropped, which would leave its records without that key: its records are sorted by name sound and each is
/// paired with its <c>window</c> nearest neighbours on either side (sorted-neighbourhood blocking), so the cost
/// stays linear and the likeliest pairs are still made. A common name ("Sokha", a trade word) pairs nothing by
/// itself: the place keys already pair namesakes of one commune. But a record that would be left with no key at
/// all (no place, phone or identifier to share) keeps its common-name blocks as windows ordered by place, so
/// that no record silently loses every key to the cap.
/// </summary>
public sealed class BlockIndex
{
    private readonly int[] _entryRecord;  // per entry, in key order: its record (hashes are not needed once blocks are known)
    private readonly int[] _blockStart;   // per entry (of kept blocks only): start of its block
    private readonly int[] _blockEnd;
    private readonly byte[] _entryKind;   // per entry: its BlockingKey, high bit set when its block is windowed
    private readonly int[] _recordStart;  // CSR: entries of record i are _byRecord[_recordStart[i].._recordStart[i+1]]
    private readonly int[] _byRecord;
    private readonly bool _withinFeeds;
    private readonly int _window;
    private readonly int _maxBlockSize;

    private readonly bool[] _orphan;

    /// <summary>Largest name-only block whose records of one registry are paired with each other.</summary>
    public const int MaxWithinNameBlock = 5;

    private const byte Windowed = 0x80;
    private const byte OrphansOnly = 0x40;
    private const byte KindBits = 0x3F;

    private BlockIndex(int[] entryRecord, int[] blockStart, int[] blockEnd, byte[] entryKind, int[] recordStart, int[] byRecord, BlockingStats stats, bool withinFeeds, int window, bool[] orphan, int maxBlockSize)
    {
        _maxBlockSize = maxBlockSize;
        _orphan = orphan;
        _entryRecord = entryRecord;
        _blockStart = blockStart;
        _blockEnd = blockEnd;
        _entryKind = entryKind;
        _recordStart = recordStart;
        _byRecord = byRecord;
        Stats = stats;
        _withinFeeds = withinFeeds;
        _window = window;
    }

    public BlockingStats Stats { get; }

    /// <param name="maxBlockSize">Blocks up to this size pair all their records; larger ones pair neighbours only.</param>
    /// <param name="window">How many neighbours on each side a record of a large block is paired with.</param>
    /// <param name="withinFeeds">Also pair records of one registry (deduplication, as Splink's link_and_dedupe).</param>
    public static BlockIndex Build(StandardRecord[] records, int maxBlockSize, int rareTokens, IReadOnlyCollection<BlockingKey>? keys = null, bool withinFeeds = true, int window = 3)
    {
        var enabled = new bool[BlockingKeyGenerator.KeyCount];
        foreach (var k in keys ?? Enum.GetValues<BlockingKey>())
        {
            enabled[(int)k] = true;
        }

        var df = TokenWeighting.DocumentFrequencies(records);
        var areas = BlockingAreas.From(records);
        var perRecord = new (ulong Hash, BlockingKey Key)[records.Length][];
        Parallel.For(0, records.Length, () => new List<(ulong, BlockingKey)>(16), (i, _, list) =>
        {
            BlockingKeyGenerator.Keys(records[i], df, rareTokens, areas, list);
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

            perRecord[i] = null!;
        }

        SortByHash(entries);

        // First pass: which records have a block to be paired in (a full one or a window of a place or contact key),
        // and which have common-name blocks only.
        var paired = new bool[records.Length];
        var commonName = new bool[records.Length];
        for (var s = 0; s < total;)
        {
            var e = BlockEnd(entries, s);
            var size = e - s;
            var kind = entries[s].Key;
            var common = size > maxBlockSize && BlockingKeyGenerator.SaysName(kind);
            for (var x = s; x < e && size >= 2 && (size <= maxBlockSize || !BlockingKeyGenerator.SaysContact(kind)); x++)
            {
                (common ? commonName : paired)[entries[x].Record] = true;
            }

            s = e;
        }

        // Records left with no key but common names: their common-name blocks become windows (for them only).
        var orphan = new bool[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            orphan[i] = commonName[i] && !paired[i];
        }

        // Second pass: the statistics and how many entries are indexed.
        var stats = new BlockingStats();
        var keptEntries = 0;
        var windowedRecord = new bool[records.Length];
        for (var s = 0; s < total;)
        {
            var e = BlockEnd(entries, s);
            var size = e - s;
            var kind = (int)entries[s].Key;
            var shape = Shape(entries, s, e, maxBlockSize, orphan);
            if (shape == BlockShape.Full)
            {
                stats.Blocks[kind]++;
                stats.PairsPerKey[kind] += withinFeeds ? (long)size * (size - 1) / 2 : CrossFeedPairs(entries, s, e, records);
                keptEntries += size;
            }
            else if (shape != BlockShape.None)
            {
                stats.WindowedBlocks[kind]++;
                keptEntries += size;
                for (var x = s; x < e; x++)
                {
                    windowedRecord[entries[x].Record] |= shape == BlockShape.Window || orphan[entries[x].Record];
                    stats.PairsPerKey[kind] += shape == BlockShape.Window || orphan[entries[x].Record] ? Math.Min(window, size - 1) : 0;
                }
            }
            else if (size > maxBlockSize)
            {
                stats.DroppedBlocks[kind]++;
            }

            s = e;
        }

        stats.RecordsInWindowedBlocks = windowedRecord.Count(w => w);
        stats.RecordsWithCommonNamesOnly = orphan.Count(o => o);
        stats.RecordsLosingKeys = Enumerable.Range(0, records.Length).Count(i => commonName[i] && !orphan[i]);

        // Third pass: only the entries of blocks that pair something are indexed. Most keys (a TIN, a phone, a house)
        // are one record's alone, and comparison, the run's peak of memory, needs nothing of them.
        var entryRecord = new int[keptEntries];
        var blockStart = new int[keptEntries];
        var blockEnd = new int[keptEntries];
        var entryKind = new byte[keptEntries];
        var recordStart = new int[records.Length + 1];
        var kept = 0;
        var order = new List<(ulong Order, int Record)>();

        // A record's sort orders, made once: it stands in several windowed blocks (house, place, name), and its
        // letters and codes were packed again for each (at national scale a tenth of building the index).
        var placeOrders = new ulong[records.Length];
        var nameOrders = new ulong[records.Length];
        var ordered = new byte[records.Length]; // bit 1: place order made, bit 2: name order made
        for (var s = 0; s < total;)
        {
            var e = BlockEnd(entries, s);
            var shape = Shape(entries, s, e, maxBlockSize, orphan);
            if (shape != BlockShape.None)
            {
                var start = kept;
                var kind = entries[s].Key;
                var windowed = shape != BlockShape.Full;
                if (windowed)
                {
                    // Neighbours by what the key does not say: a name key's records by place, the others by name.
                    order.Clear();
                    var byPlace = BlockingKeyGenerator.SaysName(kind);
                    var bit = (byte)(byPlace ? 1 : 2);
                    var orders = byPlace ? placeOrders : nameOrders;
                    for (var x = s; x < e; x++)
                    {
                        var i = entries[x].Record;
                        if ((ordered[i] & bit) == 0)
                        {
                            orders[i] = byPlace ? PlaceOrder(records[i]) : NameOrder(records[i]);
                            ordered[i] |= bit;
                        }

                        order.Add((orders[i], i));
                    }

                    order.Sort();
                }

                for (var x = s; x < e; x++, kept++)
                {
                    var record = windowed ? order[x - s].Record : entries[x].Record;
                    entryRecord[kept] = record;
                    blockStart[kept] = start;
                    blockEnd[kept] = start + (e - s);
                    entryKind[kept] = (byte)((byte)kind | (windowed ? Windowed : 0) | (shape == BlockShape.OrphanWindow ? OrphansOnly : 0));
                    recordStart[record + 1]++;
                }
            }

            s = e;
        }

        entries = null!;

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

        return new BlockIndex(entryRecord, blockStart, blockEnd, entryKind, recordStart, byRecord, stats, withinFeeds, window, orphan, maxBlockSize);
    }

    private enum BlockShape
    {
        /// <summary>One record, an identifier or contact shared by too many to be anyone's, or a common name's block with no record needing it: pairs nothing.</summary>
        None,

        /// <summary>Up to the block size: every pair.</summary>
        Full,

        /// <summary>A large place or contact block: each record with its nearest neighbours by name.</summary>
        Window,

        /// <summary>A common name's block holding records with no other key: those records with their nearest neighbours by place.</summary>
        OrphanWindow,
    }

    private static BlockShape Shape(Entry[] entries, int s, int e, int maxBlockSize, bool[] orphan)
    {
        if (e - s < 2)
        {
            return BlockShape.None;
        }

        if (e - s <= maxBlockSize)
        {
            return BlockShape.Full;
        }

        if (BlockingKeyGenerator.SaysContact(entries[s].Key))
        {
            return BlockShape.None;
        }

        if (!BlockingKeyGenerator.SaysName(entries[s].Key))
        {
            return BlockShape.Window;
        }

        for (var x = s; x < e; x++)
        {
            if (orphan[entries[x].Record])
            {
                return BlockShape.OrphanWindow;
            }
        }

        return BlockShape.None;
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
    /// Puts into <paramref name="found"/> each candidate j &gt; i sharing a block with i (of another feed only,
    /// unless the index pairs records within feeds; in a windowed block, only within the window), once, in
    /// ascending order, each with the set of keys that made it (bit k for <see cref="BlockingKey"/> k).
    /// </summary>
    public void Candidates(int i, StandardRecord[] records, List<(int Record, int Keys)> found)
    {
        found.Clear();
        var feed = records[i].Feed;
        for (var p = _recordStart[i]; p < _recordStart[i + 1]; p++)
        {
            var x = _byRecord[p];
            var kind = _entryKind[x];
            var from = _blockStart[x];
            var to = _blockEnd[x];
            if ((kind & Windowed) != 0)
            {
                from = Math.Max(from, x - _window);
                to = Math.Min(to, x + _window + 1);
            }

            var bit = 1 << (kind & KindBits);

            // Within one registry a name alone pairs only when it is rare (a small block): namesakes of one registry
            // are mostly two firms, and a registry's own duplicates share an identifier, a phone or an address.
            var within = _withinFeeds && (!BlockingKeyGenerator.SaysName((BlockingKey)(kind & KindBits)) || to - from <= MaxWithinNameBlock);
            var orphansOnly = (kind & OrphansOnly) != 0 && !_orphan[i];
            for (var y = from; y < to; y++)
            {
                var j = _entryRecord[y];
                if (j > i && (records[j].Feed != feed || within) && (!orphansOnly || _orphan[j]))
                {
                    found.Add((j, bit));
                }
            }

            if ((kind & OrphansOnly) != 0)
            {
                InsideOrphansPlace(i, x, _blockStart[x], _blockEnd[x], bit, records, found);
            }
        }

        // Each candidate once, with every key that found it.
        found.Sort();
        var w = 0;
        for (var r = 0; r < found.Count; r++)
        {
            if (w > 0 && found[w - 1].Record == found[r].Record)
            {
                found[w - 1] = (found[r].Record, found[w - 1].Keys | found[r].Keys);
            }
            else
            {
                found[w++] = found[r];
            }
        }

        found.RemoveRange(w, found.Count - w);
    }

    /// <summary>
    /// In a common name's block kept for its orphans (sorted by place), an orphan whose place is coarse (a province
    /// only: `Phnom Penh`) sits before every record of that province, so its window of neighbours holds other coarse
    /// records and never its twin with a full address. So an orphan also pairs, across registries, with the records of
    /// the block that lie inside its place, up to <c>maxBlockSize</c> positions either side (sorted by place, those are
    /// contiguous): the same condition seen from either record, so each pair is made once, by the lower record.
    /// </summary>
    private void InsideOrphansPlace(int i, int x, int start, int end, int bit, StandardRecord[] records, List<(int Record, int Keys)> found)
    {
        var from = Math.Max(start, x - _maxBlockSize);
        var to = Math.Min(end, x + _maxBlockSize + 1);
        for (var y = from; y < to; y++)
        {
            var j = _entryRecord[y];
            if (j > i && (_orphan[i] || _orphan[j]) && records[j].Feed != records[i].Feed
                && ((_orphan[i] && Inside(records[j], records[i])) || (_orphan[j] && Inside(records[i], records[j]))))
            {
                found.Add((j, bit));
            }
        }
    }

    /// <summary>True when <paramref name="r"/>'s place lies inside the orphan's known place (its finest code a prefix of r's).</summary>
    private static bool Inside(StandardRecord r, StandardRecord orphan) =>
        orphan.Place.Finest is { } place && r.Place.Finest is { } own && own.StartsWith(place, StringComparison.Ordinal);

    /// <summary>The name's sound for sorting: the Latin phonetic key, else the Khmer one (one order for both scripts).</summary>
    private static string SoundKey(StandardRecord r) => r.LatinKey.Length > 0 ? r.LatinKey : r.KhmerKey;

    /// <summary>Sort order by place (village code, missing parts first), then by the name's sound.</summary>
    private static ulong PlaceOrder(StandardRecord r) => (Digits(r.Place.Village ?? r.Place.Commune ?? r.Place.District ?? r.Place.Province, 8) << 35) | Letters(SoundKey(r), 7);

    /// <summary>Sort order by the name's sound (its first twelve letters), so that a window holds the most alike names.</summary>
    private static ulong NameOrder(StandardRecord r) => Letters(SoundKey(r) is { Length: > 0 } key ? key : r.LatinJoined, 12);

    /// <summary>A gazetteer code read as a number of <paramref name="width"/> digits, shorter codes padded with zeros (27 bits for 8).</summary>
    private static ulong Digits(string? code, int width)
    {
        ulong v = 0;
        for (var d = 0; d < width; d++)
        {
            var c = code is not null && d < code.Length ? code[d] : '0';
            v = (v * 10) + (c is >= '0' and <= '9' ? (ulong)(c - '0') : 0);
        }

        return v;
    }

    /// <summary>The first <paramref name="count"/> letters in five bits each, in alphabetical order.</summary>
    private static ulong Letters(string text, int count)
    {
        ulong v = 0;
        for (var k = 0; k < count; k++)
        {
            var c = k < text.Length ? char.ToUpperInvariant(text[k]) : '\0';
            v = (v << 5) | (c == '\0' ? 0u : c is >= 'A' and <= 'Z' ? (uint)(c - 'A' + 1) : 31u);
        }

        return v;
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

    /// <summary>
    /// Sorts entries made in record order into <see cref="Entry"/>'s order (hash, then record): a stable radix sort
    /// over the hash's four 16-bit digits keeps each hash's records in the order they were made. The comparison sort
    /// it replaces was most of a build's time (national scale: three builds of millions of entries).
    /// </summary>
    private static void SortByHash(Entry[] entries)
    {
        const int Digits = 4;
        const int Radix = 1 << 16;
        if (entries.Length < Radix)
        {
            Array.Sort(entries);
            return;
        }

        var counts = new int[Digits * Radix];
        foreach (var e in entries)
        {
            for (var d = 0; d < Digits; d++)
            {
                counts[(d * Radix) + (int)((e.Hash >> (16 * d)) & 0xFFFF)]++;
            }
        }

        var from = entries;
        var to = new Entry[entries.Length];
        for (var d = 0; d < Digits; d++)
        {
            var offsets = counts.AsSpan(d * Radix, Radix);
            var sum = 0;
            for (var v = 0; v < Radix; v++)
            {
                (offsets[v], sum) = (sum, sum + offsets[v]);
            }

            foreach (var e in from)
            {
                to[offsets[(int)((e.Hash >> (16 * d)) & 0xFFFF)]++] = e;
            }

            (from, to) = (to, from);
        }

        // An even number of passes: the sorted entries are back in the array given.
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

/// <summary>
/// What blocking did, per key and in all: blocks that pair all their records, blocks cut to windows, the pairs
/// each key makes (overlapping), and how many of the pairs sharing an identifier became candidates.
/// </summary>
public sealed class BlockingStats
{
    public long[] Blocks { get; } = new long[BlockingKeyGenerator.KeyCount];

    /// <summary>Blocks larger than the block size, whose records were paired with their nearest neighbours only.</summary>
    public long[] WindowedBlocks { get; } = new long[BlockingKeyGenerator.KeyCount];

    /// <summary>Common-name blocks that pair nothing (their records all have other keys).</summary>
    public long[] DroppedBlocks { get; } = new long[BlockingKeyGenerator.KeyCount];

    /// <summary>Records with a common-name key that pairs nothing for them, all of which have other keys.</summary>
    public long RecordsLosingKeys { get; set; }

    /// <summary>Records whose only shared keys are common names, kept in by windows of those.</summary>
    public long RecordsWithCommonNamesOnly { get; set; }

    public long[] PairsPerKey { get; } = new long[BlockingKeyGenerator.KeyCount];

    /// <summary>Records with a key whose block was cut to windows.</summary>
    public long RecordsInWindowedBlocks { get; set; }

    /// <summary>Pairs the second-chance search compared (employer-less enterprises against free employers, <see cref="Clustering.SecondChanceEmployers"/>).</summary>
    public long SecondChanceCompared { get; set; }

    /// <summary>Review-band pairs the second-chance search kept.</summary>
    public long SecondChancePairs { get; set; }

    /// <summary>Distinct candidate pairs over all keys (set after comparison).</summary>
    public long UniquePairs { get; set; }

    /// <summary>Pairs of records sharing a TIN or MoC number (set after training, from the counts over all records).</summary>
    public long IdentifierPairs { get; set; }

    /// <summary>Candidate pairs sharing a TIN or MoC number.</summary>
    public long IdentifierCandidates { get; set; }

    /// <summary>Candidate pairs sharing an identifier that a key other than TIN and MoC number also made.</summary>
    public long IdentifierCandidatesByOtherKeys { get; set; }

    /// <summary>Share of the pairs sharing an identifier that became candidates.</summary>
    public double Recall => IdentifierPairs == 0 ? 1 : Math.Min(1, (double)IdentifierCandidates / IdentifierPairs);

    /// <summary>
    /// Share of the candidate pairs sharing an identifier that the other keys found too: an estimate of blocking's
    /// recall for the pairs that have no identifier to share.
    /// </summary>
    public double RecallWithoutIdentifiers => IdentifierCandidates == 0 ? 1 : (double)IdentifierCandidatesByOtherKeys / IdentifierCandidates;

    public Dictionary<string, long> PairsByKeyName() =>
        Enum.GetValues<BlockingKey>().ToDictionary(k => k.ToString(), k => PairsPerKey[(int)k], StringComparer.Ordinal);
}
