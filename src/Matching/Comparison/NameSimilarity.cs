using FuzzySharp;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Comparison;

/// <summary>
/// Name comparison levels. Latin names: joined-spelling equality, else a token overlap where each token
/// counts by its rarity weight and near-identical tokens (FuzzySharp ratio &gt;= 85) count in part, so a
/// shared rare word says much more than a shared "trading". Khmer names: FuzzySharp ratio of the compact
/// text. Different scripts: FuzzySharp ratio of the phonetic keys.
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
            level = Math.Max(level, KhmerLevel(a.Khmer, b.Khmer));
        }

        if (level >= 0)
        {
            return level;
        }

        // No script in common: compare how the names sound.
        var ka = a.AnyKey;
        var kb = b.AnyKey;
        if (ka.Length == 0 || kb.Length == 0)
        {
            return -1;
        }

        if (ka == kb && ka.Length >= 3)
        {
            return 7;
        }

        var r = Fuzz.Ratio(ka, kb);
        return r >= 85 ? 6 : r >= 70 ? 5 : 0;
    }

    private static int KhmerLevel(string a, string b)
    {
        if (a == b)
        {
            return 4;
        }

        var r = Fuzz.Ratio(a, b);
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
