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
    // Records per value, one table per kind so that a Latin name, a Khmer name, a sound key, an e-mail
    // and a phone never share a count (and no prefixed key string is made per lookup).
    private readonly Dictionary<string, int> _latinNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _khmerNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sounds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _emails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _phones = new(StringComparer.Ordinal);

    public PairScoring(StandardRecord[] records)
    {
        _records = records;
        foreach (var r in records)
        {
            Count(_latinNames, r.LatinJoined);
            Count(_khmerNames, r.Khmer);
            Count(_sounds, r.CoreKey);
            if (r.KhmerCoreKey != r.CoreKey)
            {
                Count(_sounds, r.KhmerCoreKey);
            }

            Count(_emails, r.Email);
            foreach (var p in r.Phones)
            {
                Count(_phones, p);
            }
        }
    }

    private static void Count(Dictionary<string, int> counts, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        }
    }

    public static List<(int A, int B, int Pattern)> CompareCandidates(StandardRecord[] records, BlockIndex index)
    {
        // Records in ranges, each range's pairs in (A, B) order: joined in range order they are sorted
        // whatever the thread scheduling was, with no sort and no second copy of four million pairs.
        const int Range = 4096;
        var ranges = new (int, int, int)[(records.Length + Range - 1) / Range][];
        Parallel.For(
            0,
            ranges.Length,
            () => (Seen: new HashSet<int>(), Found: new List<int>(), Out: new List<(int, int, int)>()),
            (r, _, local) =>
            {
                local.Out.Clear();
                for (var i = r * Range; i < Math.Min(records.Length, (r + 1) * Range); i++)
                {
                    index.Candidates(i, records, local.Seen, local.Found);
                    foreach (var j in local.Found)
                    {
                        local.Out.Add((i, j, PairComparer.Compare(records[i], records[j])));
                    }
                }

                ranges[r] = local.Out.ToArray();
                return local;
            },
            _ => { });

        var all = new List<(int A, int B, int Pattern)>(ranges.Sum(p => p.Length));
        for (var r = 0; r < ranges.Length; r++)
        {
            all.AddRange(ranges[r]);
            ranges[r] = null!;
        }

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

    /// <summary>A phone or e-mail carried by more records than this belongs to no one firm (an agent, a family's shops).</summary>
    public const int MaxContactRecords = 4;

    /// <summary>Match weight of one pair: the prior plus <see cref="FieldWeights"/>.</summary>
    public double Weight(FellegiSunterModel model, int a, int b, int pattern)
    {
        Span<double> w = stackalloc double[Fields.Count];
        FieldWeights(model, a, b, pattern, w);
        var total = model.PriorWeight;
        foreach (var x in w)
        {
            total += x;
        }

        return total;
    }

    public double[] FieldWeights(FellegiSunterModel model, int a, int b, int pattern)
    {
        var w = new double[Fields.Count];
        FieldWeights(model, a, b, pattern, w);
        return w;
    }

    /// <summary>
    /// Each field's weight for one pair (0 where missing). The model's log2(m/u), adjusted where fields are
    /// not independent of the name or not specific to one firm: an agreeing name weighs by how common it is
    /// (a bare family name or "Sokha" says little); the same line of business adds nothing to an agreeing
    /// name (the name already says "Trading"); a phone or e-mail shared by more records than one firm has
    /// (sokhatrading@gmail.com) is no evidence, and a rarely shared one weighs by its frequency.
    /// </summary>
    public void FieldWeights(FellegiSunterModel model, int a, int b, int pattern, Span<double> into)
    {
        var ra = _records[a];
        var rb = _records[b];
        var nameLevel = Pattern.Level(pattern, Fields.Name);
        for (var f = 0; f < Fields.Count; f++)
        {
            var l = Pattern.Level(pattern, f);
            into[f] = l < 0 ? 0 : model.Weights[f][l];
        }

        if (Fields.NameStrength(nameLevel) >= 2)
        {
            var share = SharedValueShare(ra, rb);
            if (share > 0)
            {
                into[Fields.Name] = model.AdjustedWeight(Fields.Name, nameLevel, share);
            }

            if (Pattern.Level(pattern, Fields.Isic) > 0)
            {
                into[Fields.Isic] = 0;
            }
        }

        if (Pattern.Level(pattern, Fields.Email) == 1)
        {
            var n = _emails.GetValueOrDefault(ra.Email!, 1);
            into[Fields.Email] = n > MaxContactRecords ? 0 : model.AdjustedWeight(Fields.Email, 1, (double)n / _records.Length);
        }

        if (Pattern.Level(pattern, Fields.Phone) == 1)
        {
            var n = SharedPhoneRecords(ra, rb);
            into[Fields.Phone] = n > MaxContactRecords ? 0 : model.AdjustedWeight(Fields.Phone, 1, (double)n / _records.Length);
        }
    }

    /// <summary>True when the pair shares an e-mail address specific enough to be one firm's.</summary>
    public bool SpecificEmail(int a, int b) =>
        _records[a].Email is { } e && e == _records[b].Email && _emails.GetValueOrDefault(e, 1) <= MaxContactRecords;

    /// <summary>True when the pair shares a phone number specific enough to be one firm's.</summary>
    public bool SpecificPhone(int a, int b) => SharedPhoneRecords(_records[a], _records[b]) <= MaxContactRecords;

    /// <summary>Fewest records carrying any phone number the two share (int.MaxValue when none is shared).</summary>
    private int SharedPhoneRecords(StandardRecord ra, StandardRecord rb)
    {
        var best = int.MaxValue;
        foreach (var x in ra.Phones)
        {
            if (Array.IndexOf(rb.Phones, x) >= 0)
            {
                best = Math.Min(best, _phones.GetValueOrDefault(x, 1));
            }
        }

        return best;
    }

    /// <summary>Share of records carrying the most specific name value the two records agree on (0 when none).</summary>
    private double SharedValueShare(StandardRecord ra, StandardRecord rb)
    {
        if (ra.LatinJoined.Length > 0 && ra.LatinJoined == rb.LatinJoined)
        {
            return Share(_latinNames, ra.LatinJoined);
        }

        if (ra.Khmer.Length > 0 && ra.Khmer == rb.Khmer)
        {
            return Share(_khmerNames, ra.Khmer);
        }

        if (SameSound(ra.CoreKey, rb))
        {
            return Share(_sounds, ra.CoreKey);
        }

        return SameSound(ra.KhmerCoreKey, rb) ? Share(_sounds, ra.KhmerCoreKey) : 0;
    }

    private static bool SameSound(string key, StandardRecord other) => key.Length > 0 && (key == other.CoreKey || key == other.KhmerCoreKey);

    private double Share(Dictionary<string, int> counts, string value) => (double)counts.GetValueOrDefault(value, 1) / _records.Length;
}
