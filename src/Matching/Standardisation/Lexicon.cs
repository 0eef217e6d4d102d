// Over 300 lines: the lexicon's loading, folding and lookup of one bilingual word list, kept together so a form is folded one way.
using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>
/// What a name means, for names that are translated rather than transliterated: Golden Star, ផ្កាយមាស and the
/// romanised Phkay Meas all mean "gold star". The words come from a bilingual lexicon (<c>Data/lexicon.tsv</c>:
/// English forms, Khmer forms, romanised Khmer forms); a phonetic key cannot see that មាស is "gold".
/// <para>
/// A name's meaning is the sorted list of the lexicon meanings of its words, trade words left out (as from its
/// core), digits as their own meaning (7, ៧, Seven, ប្រាំពីរ), and the phonetic key of the words that are not in
/// the lexicon (the rest, often a transliterated personal name: Golden Sokha / សុខាមាស). Latin words are read one
/// by one, several at a time for multi-word forms (rising sun), and split when a word is lexicon words run together
/// (goldenstar); Khmer text, which has no spaces between words, is cut into the lexicon's words at syllable starts,
/// leaving as little rest as possible.
/// </para>
/// </summary>
internal static class Lexicon
{
    /// <summary>Separates the meanings from the rest's key in a meaning string.</summary>
    public const char RestSeparator = '\u001F';

    private const char Coeng = '\u17D2';

    /// <summary>Latin forms (name tokens joined by single spaces) to their meaning; null for a trade word's.</summary>
    private static readonly Dictionary<string, string?> LatinForms = new(StringComparer.Ordinal);

    /// <summary>Latin forms without spaces, by their first two letters, for splitting words run together.</summary>
    private static readonly Dictionary<int, (string Form, string? Meaning)[]> LatinPieces;

    /// <summary>Khmer forms (compact, NFC) by their first two characters, longest first; null meaning for a trade word.</summary>
    private static readonly Dictionary<int, (string Form, string? Meaning)[]> KhmerPieces;

    private static readonly int MaxLatinWords;

    static Lexicon()
    {
        var khmer = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in NameData.Rows("lexicon.tsv"))
        {
            var english = row[0].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var meaning = string.Join(' ', LatinNames.Tokens(english[0]));
            var forms = english.Concat(row.Length > 2 ? row[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : []);
            // A trade word's meaning, and any form that is a trade word in its script, is left out as from a core.
            var value = IsLatinTrade(LatinNames.Tokens(english[0])) ? null : meaning;
            foreach (var form in forms)
            {
                var tokens = LatinNames.Tokens(form);
                if (tokens.Length > 0)
                {
                    LatinForms.TryAdd(string.Join(' ', tokens), IsLatinTrade(tokens) ? null : value);
                    MaxLatinWords = Math.Max(MaxLatinWords, tokens.Length);
                }
            }

            foreach (var form in row[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var compact = TextFold.KhmerCompact(form);
                if (compact.Length >= 2)
                {
                    khmer.TryAdd(compact, KhmerTrade.Contains(compact) ? null : value);
                }
            }
        }

        // Trade words of the Khmer list that the lexicon does not hold are trade words still.
        foreach (var w in TradeWords.Khmer)
        {
            khmer.TryAdd(w, null);
        }

        LatinPieces = ByFirstTwo(LatinForms.Where(kv => kv.Key.Length >= 3).Select(kv => (kv.Key.Replace(" ", "", StringComparison.Ordinal), kv.Value)));
        KhmerPieces = ByFirstTwo(khmer.Select(kv => (kv.Key, kv.Value)));
    }

    private static readonly HashSet<string> KhmerTrade = new(TradeWords.Khmer, StringComparer.Ordinal);

    private static bool IsLatinTrade(string[] tokens) => tokens.Length > 0 && tokens.All(TradeWords.Latin.Contains);

    private static Dictionary<int, (string, string?)[]> ByFirstTwo(IEnumerable<(string Form, string? Meaning)> forms) =>
        forms.Where(f => f.Form.Length >= 2)
            .GroupBy(f => Pair(f.Form, 0))
            .ToDictionary(g => g.Key, g => g.DistinctBy(f => f.Form, StringComparer.Ordinal).OrderByDescending(f => f.Form.Length).ToArray());

    private static int Pair(string s, int i) => (s[i] << 16) | s[i + 1];

    /// <summary>The meaning of a Latin name from its tokens (<see cref="LatinNames.Tokens"/>); "" when no word of it is in the lexicon.</summary>
    public static string OfLatin(string[] tokens)
    {
        List<string>? meanings = null;
        List<string>? rest = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var (length, meaning) = LongestForm(tokens, i);
            if (length > 0)
            {
                Add(ref meanings, meaning);
                i += length - 1;
            }
            else if (tokens[i].AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
            {
                Add(ref meanings, tokens[i].TrimStart('0') is { Length: > 0 } n ? n : "0");
            }
            else if (!TradeWords.Latin.Contains(tokens[i]) && !Split(tokens[i], ref meanings))
            {
                (rest ??= []).Add(tokens[i]);
            }
        }

        return Compose(meanings, rest is null ? "" : PhoneticKey.FromLatin(string.Join(' ', rest)));
    }

    /// <summary>The longest lexicon form starting at token <paramref name="at"/>: its number of tokens (0 when none) and meaning.</summary>
    private static (int Length, string? Meaning) LongestForm(string[] tokens, int at)
    {
        for (var n = Math.Min(MaxLatinWords, tokens.Length - at); n >= 1; n--)
        {
            var key = n == 1 ? tokens[at] : string.Join(' ', tokens, at, n);
            if (LatinForms.TryGetValue(key, out var meaning))
            {
                return (n, meaning);
            }
        }

        return (0, null);
    }

    /// <summary>Adds the meanings of a word that is two or more lexicon forms of three letters or more run together (goldenstar); false when it is not.</summary>
    private static bool Split(string word, ref List<string>? meanings)
    {
        if (word.Length < 6)
        {
            return false;
        }

        var found = new List<string?>();
        if (!SplitFrom(word, 0, found) || found.Count < 2)
        {
            return false;
        }

        foreach (var m in found)
        {
            Add(ref meanings, m);
        }

        return true;
    }

    private static bool SplitFrom(string word, int at, List<string?> found)
    {
        if (at == word.Length)
        {
            return true;
        }

        if (word.Length - at < 3 || !LatinPieces.TryGetValue(Pair(word, at), out var pieces))
        {
            return false;
        }

        foreach (var (form, meaning) in pieces)
        {
            if (string.CompareOrdinal(word, at, form, 0, form.Length) == 0 && form.Length <= word.Length - at)
            {
                found.Add(meaning);
                if (SplitFrom(word, at + form.Length, found))
                {
                    return true;
                }

                found.RemoveAt(found.Count - 1);
            }
        }

        return false;
    }

    /// <summary>
    /// The meaning of a Khmer name in the compact form <see cref="KhmerNames.Standardise"/> gives: cut into lexicon
    /// words (trade words among them) and digits at syllable starts with the fewest characters left over; "" when
    /// no word of it is in the lexicon.
    /// </summary>
    public static string OfKhmer(string compact)
    {
        var n = compact.Length;
        if (n < 2)
        {
            return "";
        }

        // best[i]: fewest characters left over in compact[..i], then fewest pieces; from[i] the piece ending at i.
        var best = new (int Left, int Pieces)[n + 1];
        var from = new (int Start, string? Meaning, bool Piece)[n + 1];
        for (var i = 1; i <= n; i++)
        {
            best[i] = (int.MaxValue, 0);
        }

        for (var i = 0; i < n; i++)
        {
            if (best[i].Left == int.MaxValue)
            {
                continue;
            }

            Relax(i + 1, (best[i].Left + 1, best[i].Pieces), (i, null, false));
            if (!IsSyllableStart(compact, i))
            {
                continue;
            }

            if (IsKhmerDigit(compact[i]))
            {
                var end = i;
                while (end < n && IsKhmerDigit(compact[end]))
                {
                    end++;
                }

                Relax(end, (best[i].Left, best[i].Pieces + 1), (i, AsciiDigits(compact, i, end), true));
                continue;
            }

            if (i + 1 < n && KhmerPieces.TryGetValue(Pair(compact, i), out var pieces))
            {
                foreach (var (form, meaning) in pieces)
                {
                    var end = i + form.Length;
                    if (end <= n && string.CompareOrdinal(compact, i, form, 0, form.Length) == 0 && (end == n || IsSyllableStart(compact, end)))
                    {
                        Relax(end, (best[i].Left, best[i].Pieces + 1), (i, meaning, true));
                    }
                }
            }
        }

        List<string>? meanings = null;
        var rest = new StringBuilder();
        for (var i = n; i > 0;)
        {
            var (start, meaning, piece) = from[i];
            if (piece)
            {
                Add(ref meanings, meaning);
            }
            else
            {
                rest.Insert(0, compact[start]);
            }

            i = start;
        }

        return Compose(meanings, rest.Length == 0 ? "" : PhoneticKey.FromKhmer(rest.ToString()));

        void Relax(int end, (int Left, int Pieces) cost, (int, string?, bool) step)
        {
            if (cost.Left < best[end].Left || (cost.Left == best[end].Left && cost.Pieces < best[end].Pieces))
            {
                best[end] = cost;
                from[end] = step;
            }
        }
    }

    /// <summary>Where a Khmer word may start: a consonant or independent vowel not written under the one before (after a coeng), or a digit.</summary>
    private static bool IsSyllableStart(string s, int i)
    {
        var c = s[i];
        if (IsKhmerDigit(c))
        {
            return i == 0 || !IsKhmerDigit(s[i - 1]);
        }

        return c is >= '\u1780' and <= '\u17B3' && (i == 0 || s[i - 1] != Coeng);
    }

    private static bool IsKhmerDigit(char c) => c is >= '\u17E0' and <= '\u17E9';

    private static string AsciiDigits(string s, int start, int end)
    {
        var digits = new char[end - start];
        for (var i = start; i < end; i++)
        {
            digits[i - start] = (char)('0' + (s[i] - '\u17E0'));
        }

        var n = new string(digits).TrimStart('0');
        return n.Length > 0 ? n : "0";
    }

    private static void Add(ref List<string>? meanings, string? meaning)
    {
        if (meaning is not null)
        {
            (meanings ??= []).Add(meaning);
        }
    }

    /// <summary>The meanings sorted, then the rest's key; "" when nothing but digits (or nothing) has a meaning.</summary>
    private static string Compose(List<string>? meanings, string restKey)
    {
        if (meanings is null || meanings.TrueForAll(m => m.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0))
        {
            return "";
        }

        meanings.Sort(StringComparer.Ordinal);
        return string.Join(' ', meanings) + RestSeparator + restKey;
    }

    /// <summary>
    /// How two meanings agree: 2 when they have the same meanings and the same rest (or none), 1 when the rests are
    /// only similar (FuzzySharp ratio of their keys &gt;= 85), 0 when they differ, -1 when either is empty.
    /// </summary>
    public static int Agreement(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return -1;
        }

        var sa = a.IndexOf(RestSeparator, StringComparison.Ordinal);
        var sb = b.IndexOf(RestSeparator, StringComparison.Ordinal);
        if (sa != sb || string.CompareOrdinal(a, 0, b, 0, sa) != 0)
        {
            return 0;
        }

        var ra = a.AsSpan(sa + 1);
        var rb = b.AsSpan(sb + 1);
        if (ra.SequenceEqual(rb))
        {
            return 2;
        }

        return ra.Length >= 2 && rb.Length >= 2 && FuzzySharp.Fuzz.Ratio(ra.ToString(), rb.ToString()) >= 85 ? 1 : 0;
    }
}
