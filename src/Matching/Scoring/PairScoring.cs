using System.Collections.Concurrent;
using Integration.Matching.Blocking;
using Integration.Matching.Comparison;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Scoring;

/// <summary>
/// Generates candidate pairs from the block index and compares them in parallel, keeping only
/// (record, record, pattern) triples; estimates the model; then weighs every pair.
/// </summary>
public sealed class PairScoring
{
    private readonly StandardRecord[] _records;
    private readonly Dictionary<string, int> _nameCounts = new(StringComparer.Ordinal);

    public PairScoring(StandardRecord[] records)
    {
        _records = records;
        foreach (var r in records)
        {
            if (r.LatinJoined.Length > 0)
            {
                _nameCounts[r.LatinJoined] = _nameCounts.GetValueOrDefault(r.LatinJoined) + 1;
            }

            if (r.Khmer.Length > 0)
            {
                _nameCounts[r.Khmer] = _nameCounts.GetValueOrDefault(r.Khmer) + 1;
            }
        }
    }

    public static List<(int A, int B, int Pattern)> CompareCandidates(StandardRecord[] records, BlockIndex index)
    {
        var bags = new ConcurrentBag<List<(int, int, int)>>();
        Parallel.For(
            0,
            records.Length,
            () => (Seen: new HashSet<int>(), Out: new List<(int, int, int)>()),
            (i, _, local) =>
            {
                var a = records[i];
                var output = local.Out;
                index.Candidates(i, records, local.Seen, j => output.Add((i, j, PairComparer.Compare(a, records[j]))));
                return local;
            },
            local => bags.Add(local.Out));

        var all = new List<(int A, int B, int Pattern)>(bags.Sum(b => b.Count));
        foreach (var bag in bags)
        {
            all.AddRange(bag);
        }

        // Deterministic order whatever the thread scheduling was.
        all.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return all;
    }

    /// <summary>Level patterns of random cross-feed pairs: the data's own picture of chance agreement.</summary>
    public static Dictionary<int, long> RandomPatterns(StandardRecord[] records, int samples, int seed)
    {
        var counts = new Dictionary<int, long>();
        if (records.Length < 2)
        {
            return counts;
        }

        var rng = new Random(seed);
        var tries = 0;
        for (var s = 0; s < samples && tries < samples * 4; tries++)
        {
            var i = rng.Next(records.Length);
            var j = rng.Next(records.Length);
            if (i == j || records[i].Feed == records[j].Feed)
            {
                continue;
            }

            var p = PairComparer.Compare(records[i], records[j]);
            counts[p] = counts.GetValueOrDefault(p) + 1;
            s++;
        }

        return counts;
    }

    public static Dictionary<int, long> PatternCounts(List<(int A, int B, int Pattern)> pairs)
    {
        var counts = new Dictionary<int, long>();
        foreach (var (_, _, p) in pairs)
        {
            counts[p] = counts.GetValueOrDefault(p) + 1;
        }

        return counts;
    }

    /// <summary>Match weight of one pair, with the term-frequency adjustment for an exact Latin name.</summary>
    public double Weight(FellegiSunterModel model, int a, int b, int pattern)
    {
        double? exact = null;
        if (Pattern.Level(pattern, Fields.Name) == 4)
        {
            // The exact name is the Latin one or the Khmer one; a common one (a bare family name) says little.
            var ra = _records[a];
            var rb = _records[b];
            var name = ra.LatinJoined.Length > 0 && ra.LatinJoined == rb.LatinJoined ? ra.LatinJoined
                : ra.Khmer.Length > 0 && ra.Khmer == rb.Khmer ? ra.Khmer
                : null;
            if (name is not null)
            {
                exact = model.ExactNameWeight((double)_nameCounts[name] / _records.Length);
            }
        }

        return model.MatchWeight(pattern, exact);
    }
}
