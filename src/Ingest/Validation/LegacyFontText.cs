namespace Integration.Ingest.Validation;

/// <summary>
/// Tells a Latin-script name typed into name_km ("Sokha Trading Co., Ltd.") from Khmer typed in a legacy font
/// (Limon, ABC: Khmer glyphs stored on Latin-1 code points, "kÈP±BsÀ±f ¤.k"), for a name_km without any Khmer
/// Unicode character. Legacy-font text shows itself by what names never hold: Latin-1 symbols (± ¤ ® ¬ « ·),
/// ASCII symbols a Limon keyboard puts on consonant clusters ([ ] { } | \ ~ ^ _ ` @), words of consonants
/// only, and words that start lower case and go on upper case ("kRkum"). Decoding it is not attempted: the
/// Limon/ABC families disagree on the mapping, and a wrong decoding would be a wrong name, not a missing one.
/// </summary>
internal static class LegacyFontText
{
    /// <summary>True when <paramref name="text"/> (no Khmer character in it) reads as a Latin-script name.</summary>
    public static bool IsLatinName(string text)
    {
        int letters = 0, vowels = 0;
        foreach (var c in text)
        {
            if (c < '\u0080')
            {
                if (char.IsAsciiLetter(c))
                {
                    letters++;
                    vowels += IsVowel(c) ? 1 : 0;
                }
                else if (!char.IsAsciiDigit(c) && !char.IsWhiteSpace(c) && !NamePunctuation.Contains(c))
                {
                    return false;
                }
            }
            else if (c is >= '\u00C0' and <= '\u024F' and not '\u00D7' and not '\u00F7' && char.IsLetter(c))
            {
                letters++; // é, ô...: French and Vietnamese names; legacy fonts also use these, caught below
                vowels += IsVowel(c.ToString().Normalize(System.Text.NormalizationForm.FormD)[0]) ? 1 : 0;
            }
            else if (!IsSpaceLike(c))
            {
                return false; // a Latin-1 symbol (± ¤ ®) or any other script: not a Latin name
            }
        }

        // A name has letters, and in Latin letters it has vowels (Cambodian romanisations included: Chhay, Phnom).
        if (letters < 2 || (letters >= 4 && vowels * 5 < letters))
        {
            return false;
        }

        foreach (var word in text.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 1 && char.IsLower(word[0]) && word.AsSpan(1).ContainsAnyInRange('A', 'Z'))
            {
                return false; // "kRkum": a legacy font's consonant + subscript, not a word
            }
        }

        return true;
    }

    private const string NamePunctuation = ".,&'()-/+:;\"#!?*";

    private static readonly char[] WordBreaks = [' ', '\t', '\u200B', '\u00A0', '.', ',', '&', '(', ')', '/', '+', '-', '\''];

    private static bool IsVowel(char c) => char.ToLowerInvariant(c) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>
    /// Spaces, zero-width spaces and joiners (Khmer keyboards type U+200B between words), the typographic apostrophe
    /// (Int’l) and dashes. Not ‘ “ ”: Limon puts Khmer signs on them ("Rkumh‘un").
    /// </summary>
    private static bool IsSpaceLike(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u2019' or '\u2013' or '\u2014';
}
