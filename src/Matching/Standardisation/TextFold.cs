using System.Globalization;
using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>Low-level text folding shared by names and places: case, accents, invisible characters, punctuation.</summary>
internal static class TextFold
{
    /// <summary>True for the invisible characters Khmer text carries between words: ZWSP, ZWNJ, ZWJ, BOM.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD';

    public static bool IsKhmer(char c) => c is >= '\u1780' and <= '\u17FF' or >= '\u19E0' and <= '\u19FF';

    /// <summary>
    /// Latin text to lower-case ASCII words separated by single spaces: accents dropped (Kratié to kratie),
    /// '&amp;' spelled as a word, an apostrophe inside a word dropped with a possessive s after it (Int'l to intl,
    /// Children's to children; also '?' or U+FFFD where a mis-decoded apostrophe stood), every other
    /// non-alphanumeric character a separator. Khmer characters are dropped.
    /// </summary>
    public static string LatinWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Most text is plain ASCII: no accents to take off, no need to decompose.
        var decomposed = System.Text.Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD);
        var folded = decomposed.Length <= 256 ? stackalloc char[4 * decomposed.Length] : new char[4 * decomposed.Length];
        var length = 0;
        var space = true;
        for (var i = 0; i < decomposed.Length; i++)
        {
            var ch = decomposed[i];
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark && !IsKhmer(ch))
            {
                continue;
            }

            if (IsApostrophe(ch) && !space && i + 1 < decomposed.Length && char.IsAsciiLetter(decomposed[i + 1]))
            {
                // A possessive s goes with its apostrophe; any other letters run on (Int'l, O'Neil).
                var possessive = (decomposed[i + 1] is 's' or 'S') && (i + 2 == decomposed.Length || !char.IsAsciiLetterOrDigit(decomposed[i + 2]));
                i += possessive ? 1 : 0;
                continue;
            }

            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                folded[length++] = c;
                space = false;
            }
            else if (c == '&')
            {
                if (!space)
                {
                    folded[length++] = ' ';
                }

                "and ".CopyTo(folded[length..]);
                length += 4;
                space = true;
            }
            else if (!space)
            {
                folded[length++] = ' ';
                space = true;
            }
        }

        var words = folded[..length].TrimEnd(' ');
        // Text that is already folded (most keys and tokens are) is returned as it is, not copied.
        return words.SequenceEqual(text) ? text : new string(words);
    }

    /// <summary>Khmer text in NFC with invisible joiners and spaces removed; Latin letters and digits are kept lower-cased.</summary>
    public static string KhmerCompact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var nfc = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        foreach (var ch in nfc)
        {
            if (IsInvisible(ch) || char.IsWhiteSpace(ch) || ch is '.' or ',' or '(' or ')' or '-' or '/' or '។' or '៕' or '"' or '\'')
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '?' or '\uFFFD';

    public static bool HasKhmer(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (IsKhmer(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasLatin(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                return true;
            }
        }

        return false;
    }
}
