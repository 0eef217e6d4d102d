using Integration.Matching.Standardisation;

namespace Integration.Matching.Comparison;

/// <summary>
/// A person's name (two or three words) as a key that ignores word order and case: Khmer registers write the
/// surname first, Latin ones often the given name first (SOK DARA, Dara Sok). Names compare within one script only: a
/// phonetic key of a two-word person's name (Sok Chea and Ouch Srey share one) names too many people to be evidence.
/// A sole proprietorship's NSSF employer or GDT taxpayer is often
/// registered under the owner's personal name (sometimes with the shop's in brackets), which is MoC's
/// <c>director_name</c>: then the firm's name says nothing and the person's name is the evidence.
/// </summary>
public readonly record struct PersonName(long Key)
{
    private const int MinWords = 2;
    private const int MaxWords = 3;

    /// <summary>A director's or owner's name as given, in whichever script it is written; null when it is not two or three words.</summary>
    public static PersonName? Of(string? text) => TextFold.HasKhmer(text) ? FromKhmer(text) : FromLatin(text);

    /// <summary>
    /// The ways a record's own name may be a person's: each script, the text outside brackets and each bracketed
    /// part apart ("Ouch Cheurn (Chan Chan Electronics)", "Chan Chan Electronics (Ouch Cheurn)").
    /// </summary>
    public static List<PersonName> OfRecordName(string? nameEn, string? nameKm)
    {
        var found = new List<PersonName>(2);
        foreach (var name in (string?[])[nameEn, nameKm])
        {
            foreach (var part in Parts(name))
            {
                if (Of(part) is { } person && !found.Contains(person))
                {
                    found.Add(person);
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> Parts(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield break;
        }

        var outside = new System.Text.StringBuilder(name.Length);
        var depth = 0;
        var inside = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (c is '(' or '[')
            {
                depth++;
                continue;
            }

            if (c is ')' or ']' && depth > 0)
            {
                if (--depth == 0)
                {
                    yield return inside.ToString();
                    inside.Clear();
                }

                outside.Append(' ');
                continue;
            }

            (depth > 0 ? inside : outside).Append(c);
        }

        if (depth > 0)
        {
            yield return inside.ToString(); // an unclosed bracket still holds a name
        }

        yield return outside.ToString();
    }

    private static PersonName? FromLatin(string? text)
    {
        var words = LatinNames.Tokens(text);
        if (words.Length is < MinWords or > MaxWords || words.Any(w => w.Length < 2 || w.AsSpan().IndexOfAnyExceptInRange('a', 'z') >= 0))
        {
            return null;
        }

        return new PersonName(Hash(words, khmer: false));
    }

    private static PersonName? FromKhmer(string? text)
    {
        var words = text!.Split([' ', '\u200B', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(TextFold.KhmerCompact)
            .Where(w => w.Length > 0)
            .ToArray();
        if (words.Length is < MinWords or > MaxWords || !words.All(w => w.All(TextFold.IsKhmer)))
        {
            return null;
        }

        return new PersonName(Hash(words, khmer: true));
    }

    /// <summary>FNV-1a over the words in ordinal order: the same words in any order give the same key, stable across runs.</summary>
    private static long Hash(IEnumerable<string> words, bool khmer)
    {
        var h = khmer ? Fnv1a.Offset : Fnv1a.Offset ^ 0x4C;
        foreach (var w in words.Order(StringComparer.Ordinal))
        {
            h = Fnv1a.Add(Fnv1a.Add(h, w), 0x1F);
        }

        return (long)h;
    }
}
