using System.Text;

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
    };

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
            if (LegalForms.Contains(p))
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

    /// <summary>One word to a canonical romanisation: doubled letters single, a trailing h after a vowel dropped (Chea/Cheah).</summary>
    public static string NormaliseWord(string word)
    {
        if (word.Length <= 2 || char.IsDigit(word[0]))
        {
            return word;
        }

        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (sb.Length > 0 && sb[^1] == c)
            {
                continue;
            }

            sb.Append(c);
        }

        if (sb.Length > 3 && sb[^1] == 'h' && IsVowel(sb[^2]))
        {
            sb.Length--;
        }

        var w = sb.ToString();
        return Variants.TryGetValue(w, out var v) ? v : w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
