using System.Globalization;

namespace Integration.Core.Text;

/// <summary>
/// Decimal digits of any script as ASCII digits. Khmer-script forms write numbers in Khmer digits ០-៩ (phones,
/// house numbers, headcounts, dates such as ២០២៤-០៥-១២); lists typed abroad bring Thai, Lao, Myanmar,
/// Arabic-Indic or full-width digits. Each is the same number as its ASCII form.
/// </summary>
public static class Digits
{
    /// <summary>True for a decimal digit of a script other than ASCII.</summary>
    public static bool IsOtherScriptDigit(char c) => char.IsDigit(c) && !char.IsAsciiDigit(c);

    /// <summary>The ASCII digit of any decimal digit; other characters as they are.</summary>
    public static char ToAscii(char c) => IsOtherScriptDigit(c) ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)) : c;

    /// <summary>The text with every decimal digit as its ASCII digit; text without such digits comes back as it is.</summary>
    public static string ToAscii(string text)
    {
        var first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (first < 0)
        {
            return text; // plain ASCII, the usual case: nothing to fold, nothing allocated
        }

        char[]? chars = null;
        for (var i = first; i < text.Length; i++)
        {
            if (IsOtherScriptDigit(text[i]))
            {
                chars ??= text.ToCharArray();
                chars[i] = ToAscii(text[i]);
            }
        }

        return chars is null ? text : new string(chars);
    }
}
