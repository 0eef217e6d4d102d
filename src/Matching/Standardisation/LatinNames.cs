namespace Integration.Matching.Standardisation;

/// <summary>
/// Standardises a Latin-script firm name: case, punctuation and spacing folded, legal-form words
/// (Co., Ltd., CO.,LTD, Company Limited, Plc, (Cambodia)...) removed, '&amp;'/'and' dropped, and each word
/// put into one romanisation (Kompong to kampong, doubled letters single, -h and -r endings dropped). Forms
/// of one name meet: letters written apart are one word (A.B.C., S K H, M E R C U R Y), short forms are read
/// as their word (Dev., Const., Imp-Exp, Int'l, Mfg, Svcs, Grp: <c>Data/abbreviations.tsv</c>), and numbers
/// written as words or ordinals as digits (Seven, 7th, 7).
/// </summary>
internal static class LatinNames
{
    /// <summary>Words that say what legal form a firm has, not which firm it is.</summary>
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "co", "company", "companies", "ltd", "limited", "plc", "inc", "incorporated", "corp", "corporation",
        "llc", "pte", "pvt", "private", "public", "sole", "proprietorship", "proprietor", "partnership",
        "branch", "representative", "office", "cambodia", "kh", "the", "and", "of", "smlc", "cl", "coltd",
        "enterprise", "shop", "rep", "partners", "general",
    };

    /// <summary>The legal-form words, for the forms of them <see cref="GenericWordForms"/> reads.</summary>
    public static IEnumerable<string> LegalFormWords => LegalForms;

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

        var parts = Expand(JoinLetters(words.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var list = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            if (LegalForms.Contains(p) || IsLegalCompound(p) || GenericWordForms.IsMistypedLegalForm(p))
            {
                continue;
            }

            var word = NormaliseWord(p);
            var named = GenericWordForms.RunOnNameLength(word);
            if (named == 0)
            {
                list.Add(GenericWordForms.TradeWordOf(word));
                continue;
            }

            // "bopharestaurant": the name and its trade word; "sokhacoltd": the name alone.
            list.Add(NormaliseWord(word[..named]));
            var ending = word[named..];
            if (!IsLegalCompound(ending))
            {
                list.Add(ending);
            }
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

    /// <summary>A one-word core of three to six letters, which may be initials (IBM, SKH; two letters name too many firms); else "".</summary>
    public static string Acronym(string[] core) =>
        core.Length == 1 && core[0].Length is >= 3 and <= 6 && core[0].AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0 ? core[0] : "";

    /// <summary>The first letters of a core of two to six words that each begin with a letter; else "".</summary>
    public static string Initials(string[] core)
    {
        if (core.Length is < 2 or > 6 || core.Any(w => !char.IsAsciiLetter(w[0])))
        {
            return "";
        }

        return string.Concat(core.Select(w => w[0]));
    }

    /// <summary>Short forms and spelling variants to their word(s), and number words to digits.</summary>
    private static readonly Dictionary<string, string[]> ShortForms = NameData.Rows("abbreviations.tsv")
        .ToDictionary(r => r[0].Trim(), r => r[1].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>Runs of two or more one-letter words made one word: "a b c" (A.B.C.), "m e r c u r y".</summary>
    private static string[] JoinLetters(string[] parts)
    {
        var runs = 0;
        for (var i = 1; i < parts.Length; i++)
        {
            runs += parts[i].Length == 1 && parts[i - 1].Length == 1 && char.IsAsciiLetter(parts[i][0]) && char.IsAsciiLetter(parts[i - 1][0]) ? 1 : 0;
        }

        if (runs == 0)
        {
            return parts;
        }

        var joined = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var end = i;
            while (end + 1 < parts.Length && IsLetter(parts[end + 1]) && IsLetter(parts[i]))
            {
                end++;
            }

            joined.Add(end == i ? parts[i] : string.Concat(parts[i..(end + 1)]));
            i = end;
        }

        return joined.ToArray();

        static bool IsLetter(string p) => p.Length == 1 && char.IsAsciiLetter(p[0]);
    }

    /// <summary>Each word as the word(s) it stands for; an ordinal's digits without the suffix (7th to 7).</summary>
    private static string[] Expand(string[] parts)
    {
        List<string>? expanded = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i];
            string[]? replacement = ShortForms.TryGetValue(p, out var words) ? words
                : IsOrdinal(p) ? [p[..^2]]
                : null;
            if (replacement is not null && expanded is null)
            {
                expanded = [.. parts[..i]];
            }

            if (replacement is not null)
            {
                expanded!.AddRange(replacement);
            }
            else
            {
                expanded?.Add(p);
            }
        }

        return expanded?.ToArray() ?? parts;
    }

    private static bool IsOrdinal(string word) =>
        word.Length >= 3 && char.IsAsciiDigit(word[0]) && word[^2..] is "st" or "nd" or "rd" or "th"
        && word.AsSpan(0, word.Length - 2).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>
    /// A word that is only legal-form words run together ("CompanyLimited", "SoleProprietorship", "CoLtd"),
    /// as registers write suffixes without spaces.
    /// </summary>
    public static bool IsLegalCompound(ReadOnlySpan<char> word)
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
                ok[i] = ok[j] && LegalFormSpans.Contains(word.Slice(j, i - j));
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
