using FuzzySharp;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Comparison;

/// <summary>
/// Name comparison levels. Latin names: joined-spelling equality, else a token overlap where each token
/// counts by its rarity weight and near-identical tokens (FuzzySharp ratio &gt;= 85) count in part, so a
/// shared rare word says much more than a shared "trading". Khmer names: equality, else equality of the
/// cores (trade words removed: ហាង បុប្ផា ពាណិជ្ជកម្ម = បុប្ផា), else FuzzySharp ratio. Across scripts, and
/// whenever the same-script comparison says less: FuzzySharp ratio of the phonetic keys of the cores, so
/// "Bopha Trading" meets "ហាង បុប្ផា". The strongest of these is the pair's level.
/// </summary>
public static class NameSimilarity
{
    public static int Level(StandardRecord a, StandardRecord b)
    {
        var level = -1;
        if (a.LatinTokens.Length > 0 && b.LatinTokens.Length > 0)
        {
            level = LatinLevel(a, b);
        }

        if (level < 4 && a.Khmer.Length > 0 && b.Khmer.Length > 0)
        {
            level = Math.Max(level, KhmerLevel(a, b));
        }

        if (level >= 3)
        {
            return level;
        }

        var sound = SoundLevel(a, b);
        return sound >= 0 && Fields.NameStrength(sound) > Math.Max(level, 0) ? sound : level >= 0 ? level : sound;
    }

    /// <summary>Cross-script level from the cores' phonetic keys: 7 same sound, 6 similar, 5 weak, 0 different, -1 nothing to compare.</summary>
    private static int SoundLevel(StandardRecord a, StandardRecord b)
    {
        var best = -1;
        foreach (var ka in Keys(a))
        {
            foreach (var kb in Keys(b))
            {
                if (ka == kb && ka.Length >= 3)
                {
                    return 7;
                }

                // The ratio cannot reach 70 when one key is far longer than the other: skip the work.
                if (200 * Math.Min(ka.Length, kb.Length) < 70 * (ka.Length + kb.Length))
                {
                    best = Math.Max(best, 0);
                    continue;
                }

                var r = Fuzz.Ratio(ka, kb);
                best = Math.Max(best, r >= 85 ? 6 : r >= 70 ? 5 : 0);
            }
        }

        return best;
    }

    /// <summary>The cores' keys and the whole names' keys (a transliterated trade word, ត្រេឌីង, is not known to be one).</summary>
    private static IEnumerable<string> Keys(StandardRecord r)
    {
        var seen = new List<string>(4);
        foreach (var k in new[] { r.CoreKey, r.KhmerCoreKey, r.LatinKey, r.KhmerKey })
        {
            if (k.Length > 0 && !seen.Contains(k))
            {
                seen.Add(k);
                yield return k;
            }
        }
    }

    private static int KhmerLevel(StandardRecord a, StandardRecord b)
    {
        if (a.Khmer == b.Khmer)
        {
            return 4;
        }

        if (a.KhmerCore == b.KhmerCore && a.KhmerCore.Length >= 2)
        {
            return 3;
        }

        var r = Math.Max(Fuzz.Ratio(a.Khmer, b.Khmer), Fuzz.Ratio(a.KhmerCore, b.KhmerCore));
        return r >= 92 ? 3 : r >= 80 ? 2 : r >= 65 ? 1 : 0;
    }

    private static int LatinLevel(StandardRecord a, StandardRecord b)
    {
        if (a.LatinJoined == b.LatinJoined)
        {
            return 4;
        }

        var sim = WeightedTokenSimilarity(a, b);
        if (sim < 0.92 && a.LatinTokens.Length != b.LatinTokens.Length)
        {
            // Joined or split words ("Angkorwat Trading" / "Angkor Wat Trading") with a typo on top.
            var joined = Fuzz.Ratio(a.LatinJoined, b.LatinJoined) / 100.0;
            if (joined >= 0.9)
            {
                sim = Math.Max(sim, joined - 0.05);
            }
        }

        return sim >= 0.92 ? 3 : sim >= 0.75 ? 2 : sim >= 0.5 ? 1 : 0;
    }

    /// <summary>Share of both names' token weight that the other name matches, 0..1.</summary>
    public static double WeightedTokenSimilarity(StandardRecord a, StandardRecord b)
    {
        var total = a.TotalWeight + b.TotalWeight;
        if (total <= 0)
        {
            return 0;
        }

        return (Matched(a, b) + Matched(b, a)) / total;
    }

    private static double Matched(StandardRecord a, StandardRecord b)
    {
        double matched = 0;
        for (var i = 0; i < a.LatinTokens.Length; i++)
        {
            var token = a.LatinTokens[i];
            double best = 0;
            for (var j = 0; j < b.LatinTokens.Length; j++)
            {
                var other = b.LatinTokens[j];
                if (token == other)
                {
                    best = 1;
                    break;
                }

                if (token.Length >= 4 && other.Length >= 4 && Math.Abs(token.Length - other.Length) <= 2)
                {
                    var r = Fuzz.Ratio(token, other);
                    if (r >= 85)
                    {
                        best = Math.Max(best, r / 100.0);
                    }
                }
            }

            matched += best * a.TokenWeights[i];
        }

        return matched;
    }
}
