namespace Integration.Matching.Standardisation;

/// <summary>
/// Standardises a Latin-script firm name: case, punctuation and spacing folded, legal-form words
/// (Co., Ltd., CO.,LTD, Company Limited, Plc, (Cambodia)...) removed, '&amp;'/'and' dropped, and each word
/// put into one romanisation (Kompong to kampong, doubled letters single, -h and -r endings dropped).
/// </summary>
public static class LatinNames
{
    /// <summary>Words that say what legal form a firm has, not which firm it is.</summary>
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "co", "company", "companies", "ltd", "limited", "plc", "inc", "incorporated", "corp", "corporation",
        "llc", "pte", "pvt", "private", "public", "sole", "proprietorship", "proprietor", "partnership",
        "branch", "representative", "office", "cambodia", "kh", "the", "and", "of", "smlc", "cl", "coltd",
        "enterprise", "shop", "rep", "partners", "general",
    };

    // Looked up by span: the compound check tries every slice of every name word (a substring each, before).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LegalFormSpans = LegalForms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Romanisation variants of the same Khmer word, to one spelling (applied after the general rules).</summary>
    private static readonly Dictionary<string, string> Variants = new(StringComparer.Ordinal)
    {
        ["kompong"] = "kampong",
        ["kg"] = "kampong",
        ["kpg"] = "kampong",
        ["kompung"] = "kampong",
        ["kampung"] = "kampong",
        ["phnum"] = "phnom",
        ["pnom"] = "phnom",
        ["sihanoukvile"] = "sihanoukville",
        ["ankor"] = "angkor",
    };

    /// <summary>The standardised words of a name, legal forms removed, in their original order.</summary>
    public static string[] Tokens(string? name)
    {
        var words = TextFold.LatinWords(name);
        if (words.Length == 0)
        {
            return [];
        }

        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var list = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            if (LegalForms.Contains(p) || IsLegalCompound(p))
            {
                continue;
            }

            list.Add(NormaliseWord(p));
        }

        // A name that is nothing but legal-form words ("The Company Ltd") keeps its words.
        if (list.Count == 0)
        {
            foreach (var p in parts)
            {
                list.Add(NormaliseWord(p));
            }
        }

        return list.ToArray();
    }

    /// <summary>
    /// A word that is only legal-form words run together ("CompanyLimited", "SoleProprietorship", "CoLtd"),
    /// as registers write suffixes without spaces.
    /// </summary>
    public static bool IsLegalCompound(string word)
    {
        if (word.Length < 4)
        {
            return false;
        }

        // ok[i]: the first i letters split into legal-form words.
        Span<bool> ok = stackalloc bool[word.Length + 1];
        ok[0] = true;
        for (var i = 1; i <= word.Length; i++)
        {
            for (var j = Math.Max(0, i - 14); j <= i - 2 && !ok[i]; j++)
            {
                ok[i] = ok[j] && LegalFormSpans.Contains(word.AsSpan(j, i - j));
            }
        }

        return ok[word.Length];
    }

    /// <summary>One word to a canonical romanisation: doubled letters single, a trailing h after a vowel dropped (Chea/Cheah).</summary>
    public static string NormaliseWord(string word)
    {
        if (Variants.TryGetValue(word, out var direct))
        {
            return direct;
        }

        if (word.Length <= 2 || char.IsDigit(word[0]))
        {
            return word;
        }

        Span<char> single = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (length > 0 && single[length - 1] == c)
            {
                continue;
            }

            single[length++] = c;
        }

        if (length > 3 && single[length - 1] == 'h' && IsVowel(single[length - 2]))
        {
            length--;
        }

        // Most words need no change: the word itself, not a copy.
        var w = single[..length].SequenceEqual(word) ? word : new string(single[..length]);
        return Variants.TryGetValue(w, out var v) ? v : w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
