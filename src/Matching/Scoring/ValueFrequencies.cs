namespace Integration.Matching.Scoring;

/// <summary>
/// How common each value of one kind is (a joined Latin name, a Khmer name, a name's sound key), per registry,
/// for term-frequency adjusted weights: agreeing on a value other firms also carry says less than agreeing on one
/// no other firm has. A value seen once in a registry is not as common as "one in that registry's size": most
/// names are one firm's alone, so the count of a rare value is smoothed the Good-Turing way, by how many values
/// are seen once, twice, three times.
/// </summary>
internal sealed class ValueFrequencies
{
    /// <summary>Counts up to this are smoothed; above it a count is taken as it is.</summary>
    private const int SmoothedCounts = 5;

    /// <summary>A smoothed count is never below this share of the count seen (a value seen once is never taken as unheard of).</summary>
    private const double LeastShare = 0.05;

    private readonly Dictionary<string, (int Moc, int Gdt, int Nssf)> _counts = new(StringComparer.Ordinal);
    private readonly long[] _feedSize = new long[3];
    private readonly double[][] _smoothed = [new double[SmoothedCounts + 1], new double[SmoothedCounts + 1], new double[SmoothedCounts + 1]];

    /// <summary>Counts <paramref name="value"/> once for a record of <paramref name="feed"/> (empty values are not counted).</summary>
    public void Add(string? value, int feed)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _);
        c = feed switch
        {
            0 => (c.Moc + 1, c.Gdt, c.Nssf),
            1 => (c.Moc, c.Gdt + 1, c.Nssf),
            _ => (c.Moc, c.Gdt, c.Nssf + 1),
        };
    }

    /// <summary>Fixes the registries' sizes and the smoothed counts once every value is added.</summary>
    public void Finish(IReadOnlyList<long> feedSizes)
    {
        for (var f = 0; f < 3; f++)
        {
            _feedSize[f] = Math.Max(feedSizes[f], 1);

            // Good-Turing: a value seen r times is as common as (r + 1) N(r+1) / N(r), N(r) values being seen r times
            // (no value seen r + 1 times counts as half of one: singletons are then rarer still, down to the floor).
            var seen = new long[SmoothedCounts + 2];
            foreach (var c in _counts.Values)
            {
                var n = Of(c, f);
                if (n is > 0 and <= SmoothedCounts + 1)
                {
                    seen[n]++;
                }
            }

            for (var r = 1; r <= SmoothedCounts; r++)
            {
                // Counts rarer than the previous one's would turn the order around: never below it.
                var gt = seen[r] == 0 || (r > 1 && seen[r + 1] == 0) ? r : (r + 1.0) * Math.Max(seen[r + 1], 0.5) / seen[r];
                _smoothed[f][r] = Math.Max(Math.Clamp(gt, LeastShare * r, r), r > 1 ? _smoothed[f][r - 1] : 0);
            }
        }
    }

    /// <summary>Records of <paramref name="feed"/> carrying <paramref name="value"/>.</summary>
    public int Count(string value, int feed) => _counts.TryGetValue(value, out var c) ? Of(c, feed) : 0;

    /// <summary>
    /// The chance that a firm other than the pair's carries <paramref name="value"/>, for a pair of records of
    /// <paramref name="feedA"/> and <paramref name="feedB"/> that both do: its smoothed frequency in the registry
    /// where it is commonest. Within one registry the pair itself accounts for one of the counts.
    /// </summary>
    public double Frequency(string value, int feedA, int feedB)
    {
        _counts.TryGetValue(value, out var c);
        var a = Of(c, feedA);
        var b = Of(c, feedB);
        if (feedA == feedB)
        {
            return Smoothed(Math.Max(a - 1, 1), feedA) / _feedSize[feedA];
        }

        return Math.Max(Smoothed(Math.Max(a, 1), feedA) / _feedSize[feedA], Smoothed(Math.Max(b, 1), feedB) / _feedSize[feedB]);
    }

    private double Smoothed(int count, int feed) => count <= SmoothedCounts ? _smoothed[feed][count] : count;

    private static int Of((int Moc, int Gdt, int Nssf) c, int feed) => feed switch
    {
        0 => c.Moc,
        1 => c.Gdt,
        _ => c.Nssf,
    };
}
