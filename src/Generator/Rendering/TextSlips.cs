using System.Text;

namespace Integration.Generator.Rendering;

/// <summary>Keyboard slips a clerk makes, in Latin and in Khmer text.</summary>
public static class TextSlips
{
    /// <summary>One slip in a lower-case Latin letter: dropped, doubled, swapped with the next, or replaced.</summary>
    public static string Typo(string text, Random rng)
    {
        var letters = Positions(text, i => char.IsAsciiLetterLower(text[i]));
        if (letters.Count == 0)
        {
            return text;
        }

        var p = letters[rng.Next(letters.Count)];
        var sb = new StringBuilder(text);
        switch (rng.Next(4))
        {
            case 0:
                sb.Remove(p, 1);
                break;
            case 1:
                sb.Insert(p, text[p]);
                break;
            case 2 when char.IsAsciiLetterLower(text[p + 1]) && text[p] != text[p + 1]:
                (sb[p], sb[p + 1]) = (sb[p + 1], sb[p]);
                break;
            default:
                sb[p] = (char)('a' + ((text[p] - 'a' + 1 + rng.Next(24)) % 26));
                break;
        }

        return sb.ToString();
    }

    /// <summary>One slip in a Khmer character (U+1780..U+17FF): dropped, doubled, or swapped with the next Khmer character.</summary>
    public static string KhmerTypo(string text, Random rng)
    {
        var khmer = Positions(text, i => text[i] is >= '\u1780' and <= '\u17FF' && text[i + 1] is >= '\u1780' and <= '\u17FF');
        if (khmer.Count == 0)
        {
            return text;
        }

        var p = khmer[rng.Next(khmer.Count)];
        var sb = new StringBuilder(text);
        switch (rng.Next(3))
        {
            case 0:
                sb.Remove(p, 1);
                break;
            case 1:
                sb.Insert(p, text[p]);
                break;
            default:
                (sb[p], sb[p + 1]) = (sb[p + 1], sb[p]);
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
