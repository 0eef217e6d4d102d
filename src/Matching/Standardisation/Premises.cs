using System.Text;
using System.Text.RegularExpressions;

namespace Integration.Matching.Standardisation;

/// <summary>
/// House number and street of an address, from their own columns or from the free-text line (Latin
/// "No. 12, St. 271, ..." / "#12 ..." / "12, ..." or Khmer "ផ្ទះលេខ ១២ ផ្លូវលេខ ២៧១ ..."), in one form:
/// ASCII digits, upper case, no punctuation; streets as ST271, NR7 or BV + the phonetic key of a boulevard.
/// Within one commune the house number is what tells neighbouring firms apart.
/// </summary>
public static partial class Premises
{
    public static string? HouseNumber(string? houseNo, string? address)
    {
        if (!string.IsNullOrWhiteSpace(houseNo))
        {
            return Clean(AsciiDigits(houseNo));
        }

        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = AsciiDigits(address);
        var m = KhmerHouse().Match(text);
        if (m.Success)
        {
            return Clean(m.Groups[1].Value);
        }

        m = LatinHouse().Match(text);
        return m.Success ? Clean(m.Groups[1].Value) : null;
    }

    public static string? StreetKey(string? street, string? address)
    {
        foreach (var text in new[] { street, address })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var t = AsciiDigits(text);
            foreach (var (pattern, prefix, key) in StreetForms)
            {
                var m = pattern.Match(t);
                if (m.Success)
                {
                    return prefix + key(m.Groups[1].Value);
                }
            }

            if (text == street)
            {
                var folded = TextFold.LatinWords(text).Replace(" ", "", StringComparison.Ordinal);
                return folded.Length > 0 ? folded.ToUpperInvariant() : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The text with a leading house number (Latin "No. 12", "#12", "12" or Khmer "ផ្ទះលេខ ១២") and a
    /// numbered street or road cut off: what is left names places only, and repeats across records.
    /// </summary>
    public static string WithoutHouseNumber(string text)
    {
        var m = KhmerHouse().Match(text);
        if (m.Success)
        {
            text = text.Remove(m.Index, m.Length).Trim();
        }
        else
        {
            m = LatinHouse().Match(text);
            text = m.Success ? text[m.Length..].Trim() : text;
        }

        m = NumberedStreet().Match(text);
        return m.Success ? text.Remove(m.Index, m.Length).Trim() : text;
    }

    [GeneratedRegex(@"(?:ផ្លូវ\s*(?:ជាតិ\s*)?(?:លេខ)?\s*[0-9០-៩]+|\b(?:National\s*Road|St\.?|Street)\s*(?:No\.?\s*)?[0-9]+)[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedStreet();

    /// <summary>Street forms, most specific first: Khmer and Latin national roads, numbered streets, boulevards.</summary>
    private static readonly (Regex Pattern, string Prefix, Func<string, string> Key)[] StreetForms =
    [
        (KhmerNationalRoad(), "NR", n => n),
        (KhmerStreet(), "ST", n => n),
        (LatinNationalRoad(), "NR", n => n),
        (LatinStreet(), "ST", n => n),
        (KhmerBoulevard(), "BV", PhoneticKey.FromKhmer),
        (LatinBoulevard(), "BV", PhoneticKey.FromLatin),
    ];

    private static string? Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        var v = sb.ToString();
        if (v.StartsWith("NO", StringComparison.Ordinal))
        {
            v = v[2..];
        }

        return v.Length == 0 || !char.IsAsciiDigit(v[0]) ? null : v;
    }

    private static string AsciiDigits(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u17E0' and <= '\u17E9')
            {
                chars[i] = (char)('0' + (chars[i] - '\u17E0'));
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"ផ្ទះ\s*លេខ\s*([0-9០-៩][0-9០-៩A-Za-z]*)")]
    private static partial Regex KhmerHouse();

    [GeneratedRegex(@"^\s*(?:No\.?\s*|#\s*|House\s*)?([0-9]+[A-Za-z]?[0-9]*)(?=[\s,]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LatinHouse();

    [GeneratedRegex(@"ផ្លូវ\s*ជាតិ\s*(?:លេខ)?\s*([0-9]+)")]
    private static partial Regex KhmerNationalRoad();

    [GeneratedRegex(@"ផ្លូវ\s*(?:លេខ)?\s*([0-9]+)")]
    private static partial Regex KhmerStreet();

    [GeneratedRegex(@"\b(?:National\s*Road|NR\.?|Route\s*Nationale|RN)\s*(?:No\.?\s*)?([0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LatinNationalRoad();

    [GeneratedRegex(@"\b(?:St\.?|Street|Str\.?)\s*(?:No\.?\s*)?([0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LatinStreet();

    [GeneratedRegex(@"មហាវិថី\s*(\S+)")]
    private static partial Regex KhmerBoulevard();

    [GeneratedRegex(@"([A-Za-z][A-Za-z ]*?)\s+(?:Blvd|Boulevard)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LatinBoulevard();
}
