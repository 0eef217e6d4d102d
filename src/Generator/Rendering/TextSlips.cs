using System.Text;

namespace Integration.Generator.Rendering;

/// <summary>Keyboard slips a clerk makes, in Latin and in Khmer text.</summary>
internal static class TextSlips
{
    /// <summary>One slip in a lower-case Latin letter: dropped, doubled, swapped with the next, or replaced.</summary>
    public static string Typo(string text, Random rng) => Slip(text, rng, i => char.IsAsciiLetterLower(text[i]), latin: true);

    /// <summary>One slip in a Khmer character (U+1780..U+17FF): dropped, doubled, or swapped with the next Khmer character.</summary>
    public static string KhmerTypo(string text, Random rng) =>
        Slip(text, rng, i => text[i] is >= '\u1780' and <= '\u17FF' && text[i + 1] is >= '\u1780' and <= '\u17FF', latin: false);

    /// <summary>A Latin letter may also be replaced by another; a Khmer character is only dropped, doubled or swapped.</summary>
    private static string Slip(string text, Random rng, Func<int, bool> eligible, bool latin)
    {
        var at = Positions(text, eligible);
        if (at.Count == 0)
        {
            return text;
        }

        var p = at[rng.Next(at.Count)];
        var sb = new StringBuilder(text);
        switch (rng.Next(latin ? 4 : 3))
        {
            case 0:
                sb.Remove(p, 1);
                break;
            case 1:
                sb.Insert(p, text[p]);
                break;
            case 2 when !latin || (char.IsAsciiLetterLower(text[p + 1]) && text[p] != text[p + 1]):
                (sb[p], sb[p + 1]) = (sb[p + 1], sb[p]);
                break;
            default:
                sb[p] = (char)('a' + ((text[p] - 'a' + 1 + rng.Next(24)) % 26));
                break;
        }

        return sb.ToString();
    }

    /// <summary>Positions 0 .. length-2 (each has a next character) where <paramref name="eligible"/> holds.</summary>
    private static List<int> Positions(string text, Func<int, bool> eligible)
    {
        var at = new List<int>();
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (eligible(i))
            {
                at.Add(i);
            }
        }

        return at;
    }

    /// <summary>
    /// Composite Khmer vowels typed as their visual parts: ោ as េ + ា, ើ as េ + ី. The text looks the same and is not
    /// canonically equivalent, so Unicode normalisation does not undo it.
    /// </summary>
    public static string KhmerVowelParts(string text) =>
        text.Replace("\u17C4", "\u17C1\u17B6", StringComparison.Ordinal).Replace("\u17BE", "\u17C1\u17B8", StringComparison.Ordinal);

    /// <summary>Zero-width spaces where a Khmer keyboard user separates words: instead of some spaces, and after the legal-form prefix.</summary>
    public static string KhmerZeroWidth(string text, Random rng)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            sb.Append(c == ' ' && rng.Next(2) == 0 ? '\u200B' : c);
        }

        return sb.ToString();
    }
}
