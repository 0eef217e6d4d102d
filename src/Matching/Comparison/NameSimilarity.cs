// Over 300 lines: one ladder of name comparison levels (Latin, Khmer, cross-script, short forms, acronyms) sharing one token preparation.
using FuzzySharp;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Comparison;

/// <summary>
/// Name comparison levels. Latin names: joined-spelling equality, else a token overlap where each token
/// counts by its rarity weight and near-identical tokens (FuzzySharp ratio &gt;= 85) count in part, so a
/// shared rare word says much more than a shared "trading". Khmer names: equality, else equality of the
/// cores (trade words removed: ហាង បុប្ផា ពាណិជ្ជកម្ម = បុប្ផា), else FuzzySharp ratio. Across scripts, and
/// whenever the same-script comparison says less: FuzzySharp ratio of the phonetic keys of the cores, so
/// "Bopha Trading" meets "ហាង បុប្ផា". The strongest of these is the pair's level, unless the two names say two
/// kinds of establishment (<see cref="EstablishmentKinds"/>): then they are different.
/// </summary>
internal static class NameSimilarity
{
    public static int Level(StandardRecord a, StandardRecord b)
    {
        var level = SameScriptOrSound(a, b);

        // Two outlets in one building differ by the kind their names say (Ritz-Carlton Cafe / Ritz-Carlton Dining
        // Room): however alike the rest, those are the names of two establishments.
        return level > 0 && EstablishmentKinds.Conflict(a.Kinds, b.Kinds) ? 0 : level;
    }

    private static int SameScriptOrSound(StandardRecord a, StandardRecord b)
    {
        var level = -1;
        if (a.LatinTokens.Length > 0 && b.LatinTokens.Length > 0)
        {
            level = LatinLevel(a, b);
        }

        if (Fields.NameStrength(level) < 4 && a.Khmer.Length > 0 && b.Khmer.Length > 0)
        {
            level = Stronger(level, KhmerLevel(a, b));
        }

        if (Fields.NameStrength(level) >= 3)
        {
            return level;
        }

        level = Stronger(level, SoundLevel(a, b));
        return Fields.NameStrength(level) >= 3 ? level : Stronger(level, MeaningLevel(a, b));
    }

    /// <summary>
    /// Level of names that translate each other (Golden Star / ផ្កាយមាស / Phkay Meas, <see cref="Lexicon"/>), in
    /// either script or across: 7 when the same meanings and the same rest, 6 when the rests only sound alike;
    /// -1 otherwise (the other levels say what there is to say).
    /// </summary>
    private static int MeaningLevel(StandardRecord a, StandardRecord b)
    {
        var agreement = Math.Max(
            Math.Max(Lexicon.Agreement(a.LatinMeaning, b.LatinMeaning), Lexicon.Agreement(a.LatinMeaning, b.KhmerMeaning)),
            Math.Max(Lexicon.Agreement(a.KhmerMeaning, b.LatinMeaning), Lexicon.Agreement(a.KhmerMeaning, b.KhmerMeaning)));
        return agreement switch
        {
            2 => 7,
            1 => 6,
            _ => -1,
        };
    }

    /// <summary>The level that says more (-1 is nothing to compare); on a tie the first.</summary>
    private static int Stronger(int x, int y) => x < 0 ? y : y < 0 ? x : Fields.NameStrength(y) > Fields.NameStrength(x) ? y : x;

    /// <summary>Cross-script level from the cores' phonetic keys: 7 same sound, 6 similar, 5 weak, 0 different, -1 nothing to compare.</summary>
    private static int SoundLevel(StandardRecord a, StandardRecord b)
    {
        var best = -1;
        for (var x = 0; x < KeyCount; x++)
        {
            var ka = Key(a, x);
            if (!IsFirst(a, x, ka))
            {
                continue;
            }

            for (var y = 0; y < KeyCount; y++)
            {
                var kb = Key(b, y);
                if (!IsFirst(b, y, kb))
                {
                    continue;
                }

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

                var r = Ratio(ka, kb, 70);
                best = Math.Max(best, r >= 85 ? 6 : r >= 70 ? 5 : 0);
            }
        }

        return best;
    }

    private const int KeyCount = 4;

    /// <summary>The cores' keys and the whole names' keys (a transliterated trade word, ត្រេឌីង, is not known to be one).</summary>
    private static string Key(StandardRecord r, int i) => i switch
    {
        0 => r.CoreKey,
        1 => r.KhmerCoreKey,
        2 => r.LatinKey,
        _ => r.KhmerKey,
    };

    /// <summary>A non-empty key not already among the record's earlier keys (each distinct key compared once, without allocating).</summary>
    private static bool IsFirst(StandardRecord r, int i, string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        for (var j = 0; j < i; j++)
        {
            if (Key(r, j) == key)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// FuzzySharp's ratio when it can reach <paramref name="atLeast"/>, else 0. The ratio is
    /// 100 (|a| + |b| - d) / (|a| + |b|) with d the insert/delete distance, and d is at least the difference of
    /// the two strings' character counts, so that difference bounds the ratio from above at a fraction of the
    /// cost; most candidate pairs are not matches and stop there (national scale: 4 million pairs).
    /// </summary>
    [ThreadStatic]
    private static int[]? t_counts;

    internal static int Ratio(string a, string b, int atLeast)
    {
        var total = a.Length + b.Length;
        if (total == 0)
        {
            return 0;
        }

        // Counts folded to 128 buckets: two characters sharing one only loosen the bound, never break it.
        // Each bucket is read once and left at zero, so the per-thread table never needs clearing.
        var counts = t_counts ??= new int[128];
        foreach (var c in a)
        {
            counts[c & 127]++;
        }

        foreach (var c in b)
        {
            counts[c & 127]--;
        }

        var apart = 0;
        foreach (var c in a)
        {
            apart += Math.Abs(counts[c & 127]);
            counts[c & 127] = 0;
        }

        foreach (var c in b)
        {
            apart += Math.Abs(counts[c & 127]);
            counts[c & 127] = 0;
        }

        // Below by more than half a point: no rounding of the true ratio can reach the threshold.
        return 100.0 * (total - apart) / total < atLeast - 0.5 ? 0 : Fuzz.Ratio(a, b);
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

        var r = Math.Max(Ratio(a.Khmer, b.Khmer, 65), Ratio(a.KhmerCore, b.KhmerCore, 65));
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
            var joined = Ratio(a.LatinJoined, b.LatinJoined, 90) / 100.0;
            if (joined >= 0.9)
            {
                sim = Math.Max(sim, joined - 0.05);
            }
        }

        var level = sim >= 0.92 ? 3 : sim >= 0.75 ? 2 : sim >= 0.5 ? 1 : 0;
        return level < 2 && IsShortForm(a, b) ? Fields.NameShortForm : level;
    }

    /// <summary>
    /// Least weight (log N/df + 0.5 per word) the words a short form shares with the longer name must carry, trade
    /// words apart: one rare word ("Edwards") is enough, a common one ("Chicago", "Sokha" where every tenth firm is
    /// a Sokha) is not.
    /// </summary>
    public const double MinShortFormWeight = 4.0;

    /// <summary>The acronym of <paramref name="a"/> is the initials of <paramref name="b"/>'s core words or of all its words.</summary>
    private static bool IsAcronymOf(StandardRecord a, StandardRecord b)
    {
        var acronym = a.LatinAcronym;
        if (acronym.Length == 0)
        {
            return false;
        }

        if (acronym == b.LatinInitials)
        {
            return true;
        }

        if (b.LatinTokens.Length != acronym.Length)
        {
            return false;
        }

        for (var i = 0; i < acronym.Length; i++)
        {
            if (b.LatinTokens[i][0] != acronym[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One name is the other's short form: initials of its core words (SKH / Sokha Kim Heng Trading, IBM /
    /// International Business Machines), or all its words found among the other's ("Edwards" / "Chicago Public
    /// Schools Edwards, Richard"; "Davis, N." / "Davis, Nathan"), carrying enough weight of their own.
    /// </summary>
    public static bool IsShortForm(StandardRecord a, StandardRecord b)
    {
        if (IsAcronymOf(a, b) || IsAcronymOf(b, a))
        {
            return true;
        }

        var (small, big) = a.TotalWeight <= b.TotalWeight ? (a, b) : (b, a);
        if (small.TotalWeight <= 0)
        {
            return false;
        }

        double all = 0, own = 0;
        for (var i = 0; i < small.LatinTokens.Length; i++)
        {
            var m = BestMatch(small.LatinTokens[i], big) * small.TokenWeights[i];
            all += m;
            own += TradeWords.Latin.Contains(small.LatinTokens[i]) ? 0 : m;
        }

        return all >= 0.9 * small.TotalWeight && own >= MinShortFormWeight;
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
            matched += BestMatch(a.LatinTokens[i], b) * a.TokenWeights[i];
        }

        return matched;
    }

    /// <summary>
    /// How well <paramref name="token"/> is matched by a word of <paramref name="b"/>: 1 when equal, the ratio when
    /// nearly equal (FuzzySharp ratio &gt;= 85), 0.9 for an initial and a word it begins ("n" of "Nathan").
    /// </summary>
    private static double BestMatch(string token, StandardRecord b)
    {
        double best = 0;
        for (var j = 0; j < b.LatinTokens.Length; j++)
        {
            var other = b.LatinTokens[j];
            if (token == other)
            {
                return 1;
            }

            if (token.Length >= 4 && other.Length >= 4 && Math.Abs(token.Length - other.Length) <= 2)
            {
                var r = Ratio(token, other, 85);
                if (r >= 85)
                {
                    best = Math.Max(best, r / 100.0);
                }
            }
            else if ((token.Length == 1) != (other.Length == 1) && token[0] == other[0] && char.IsAsciiLetter(token[0]))
            {
                best = Math.Max(best, 0.9);
            }
        }

        return best;
    }
}
