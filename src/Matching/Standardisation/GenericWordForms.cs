namespace Integration.Matching.Standardisation;

/// <summary>
/// Generic words (legal forms, trade words) in the shapes registers really write them: mistyped by one
/// letter ("Compnay", "Limted", "Resturant", "Constrution") and run on to the name ("BophaRestaurant",
/// "SokhaCoLtd"). A generic word that is not recognised stays in the name as if it named the firm, so two
/// records of one firm lose their common core and their blocking keys. Only long words are read this
/// way (seven letters for a legal form, eight for a trade word, six for a run-on ending): one letter from a
/// short word is often another word (shop/shot, bar/bay), one from a long generic word rarely is.
/// </summary>
internal static class GenericWordForms
{
    private const int MinLegalTypo = 7;
    private const int MinTradeTypo = 8;
    private const int MinRunOnEnding = 6;
    private const int MinRunOnLegalEnding = 5;
    private const int MinRunOnName = 3;

    private static readonly string[] LongLegalForms = LatinNames.LegalFormWords.Where(w => w.Length >= MinLegalTypo).ToArray();

    private static readonly string[] LongTradeWords = TradeWords.Latin.Where(w => w.Length >= MinTradeTypo).ToArray();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TradeSpans = TradeWords.Latin.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A word one typo from a long legal-form word (Compnay, Limted, Coporation, Cambodai).</summary>
    public static bool IsMistypedLegalForm(string word) =>
        word.Length >= MinLegalTypo - 1 && IsLetters(word) && LongLegalForms.Any(f => OneEditApart(word, f));

    /// <summary>
    /// The trade word a standardised word is one typo from (resturant: restaurant), or the word itself.
    /// A word that is a trade word, or one typo from two of them, is left as it is.
    /// </summary>
    public static string TradeWordOf(string word)
    {
        if (word.Length < MinTradeTypo - 1 || TradeWords.Latin.Contains(word) || !IsLetters(word))
        {
            return word;
        }

        string? found = null;
        foreach (var t in LongTradeWords)
        {
            if (OneEditApart(word, t))
            {
                if (found is not null)
                {
                    return word;
                }

                found = t;
            }
        }

        return found ?? word;
    }

    /// <summary>
    /// Where a standardised word ends in a generic word run on to the name (bopharestaurant, sokhacoltd), the
    /// length of the name part before it; else 0. The ending is a trade word of six letters or more, or legal-form
    /// words of five letters or more, and at least three letters of name come before it.
    /// </summary>
    public static int RunOnNameLength(string word)
    {
        if (word.Length < MinRunOnName + MinRunOnLegalEnding || !IsLetters(word) || TradeWords.Latin.Contains(word))
        {
            return 0;
        }

        // The longest ending first: "supermarket" rather than "market".
        for (var start = MinRunOnName; start <= word.Length - MinRunOnLegalEnding; start++)
        {
            var ending = word.AsSpan(start);
            if ((ending.Length >= MinRunOnEnding && TradeSpans.Contains(ending))
                || LatinNames.IsLegalCompound(ending))
            {
                return start;
            }
        }

        return 0;
    }

    /// <summary>True when one substitution, insertion, deletion or swap of neighbours turns one word into the other.</summary>
    public static bool OneEditApart(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        // a the shorter word, b the longer.
        var a = x.Length <= y.Length ? x : y;
        var b = x.Length <= y.Length ? y : x;
        if (b.Length - a.Length > 1)
        {
            return false;
        }

        var head = a.CommonPrefixLength(b);
        if (head == a.Length)
        {
            // Equal, or b is a with one letter added at the end.
            return b.Length == a.Length + 1;
        }

        if (a.Length == b.Length)
        {
            // One letter changed, or two neighbours swapped.
            return a[(head + 1)..].SequenceEqual(b[(head + 1)..])
                || (head + 1 < a.Length && a[head] == b[head + 1] && a[head + 1] == b[head] && a[(head + 2)..].SequenceEqual(b[(head + 2)..]));
        }

        // One letter added to the longer word.
        return a[head..].SequenceEqual(b[(head + 1)..]);
    }

    private static bool IsLetters(ReadOnlySpan<char> word) => word.IndexOfAnyExceptInRange('a', 'z') < 0;
}
