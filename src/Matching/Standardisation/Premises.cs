// Over 300 lines: the house-number and street forms with their generated regexes; every way of writing premises must fold to one token in one place.
using System.Text;
using System.Text.RegularExpressions;
using Integration.Core.Text;

namespace Integration.Matching.Standardisation;

/// <summary>
/// The premises of an address, house number and street, from their own columns or from the free-text line, in
/// one form. Within one commune the house number is what tells neighbouring firms apart, so every way registers
/// write it must give the same token:
/// <list type="bullet">
/// <item>the number under any label, anywhere in the text: No., #, N°, House, H., Building, Bldg, Block, Villa,
/// Stall, Booth, Kiosk, Lot, Plot, Shop, Khmer ផ្ទះលេខ, អគារ, តូប, ឡូតិ៍; a bare number at the start of the line;
/// a number after one word of any other kind at the start of the line (an unknown label: "Depot 12, ...");</item>
/// <item>the number in any form: 12, 12A, 12 A, 12a, 12-A, 517A, 27E1, 12Eo (= 12E0), A45, A-12, ranges 45-47,
/// sub-numbers 12/3, Khmer digits, leading zeros dropped;</item>
/// <item>a unit, flat, room, suite or office apart (Unit 3B, បន្ទប់ ៣): tenants of one tower share the house
/// number and differ by unit; floors (12th Floor, Fl. 12, 12F, Level 12) are skipped.</item>
/// </list>
/// Streets as ST271, NR7 or BV + the phonetic key of a boulevard; any other street as SN + the phonetic key of its
/// name without directions and street-type words ("S. Karlov Ave" = "S KARLOV"), taken from the street column, or
/// from the line: what follows the house number in its part, else the next part naming a street.
/// </summary>
public static partial class Premises
{
    /// <summary>The house number token (see the class), from the house column, else the street column, else the line.</summary>
    public static string? HouseNumber(string? houseNo, string? address) => Parse(houseNo, null, address).House;

    /// <summary>House number and unit of an address (each null where not given).</summary>
    public static (string? House, string? Unit) Parse(string? houseNo, string? street, string? address)
    {
        string? house = null, unit = null;
        foreach (var (text, cell) in (ReadOnlySpan<(string?, Cell)>)[(houseNo, Cell.House), (street, Cell.Street), (address, Cell.Line)])
        {
            if (string.IsNullOrWhiteSpace(text) || (house is not null && unit is not null))
            {
                continue;
            }

            var t = Digits.ToAscii(text);
            unit ??= UnitOf(t);
            house ??= HouseOf(t, cell);
        }

        return (house, unit);
    }

    /// <summary>Where a text comes from: what a bare number in it means depends on that.</summary>
    private enum Cell
    {
        /// <summary>The house column: its first number is the house, whatever label it has.</summary>
        House,

        /// <summary>The street column: only a labelled number is a house ("No. 12, St. 271"); a bare one is the street's.</summary>
        Street,

        /// <summary>The address line: a labelled number anywhere, or the number it starts with.</summary>
        Line,
    }

    private static string? HouseOf(string text, Cell cell)
    {
        var m = LabelledHouse().Match(text);
        if (m.Success)
        {
            return Token(m.Groups["n"].Value);
        }

        if (cell == Cell.Street)
        {
            return null;
        }

        m = cell == Cell.House ? AnyNumber().Match(text) : Leading(text);
        return m.Success && !IsFloorOrUnit(text, m.Groups["n"].Index) ? Token(m.Groups["n"].Value) : null;
    }

    private static string? UnitOf(string text)
    {
        var m = LabelledUnit().Match(text);
        return m.Success ? Token(m.Groups["n"].Value) : null;
    }

    /// <summary>Whether the number at <paramref name="index"/> is a floor's (12th Floor, 12F) or a unit's (Unit 3B).</summary>
    private static bool IsFloorOrUnit(string text, int index)
    {
        foreach (var regex in (ReadOnlySpan<Regex>)[Floor(), LabelledUnit()])
        {
            foreach (var f in regex.EnumerateMatches(text))
            {
                if (f.Index <= index && index < f.Index + f.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether two house tokens name the same premises: true when equal, when ranges overlap (45-47 and 46), or when
    /// one is the other with its sub-number (12/3 and 12/3); false when the numbers differ; null when they cannot be
    /// told apart (12A and 12: one register may have dropped the letter, or 12A is the house next door).
    /// </summary>
    public static bool? SameNumber(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var (aFrom, aTo, aRest) = Range(a);
        var (bFrom, bTo, bRest) = Range(b);
        if (aFrom < 0 || bFrom < 0)
        {
            return false;
        }

        if (aTo > aFrom || bTo > bFrom)
        {
            return aFrom <= bTo && bFrom <= aTo;
        }

        if (aFrom != bFrom)
        {
            return false;
        }

        // Same number: a letter or sub-number on one side only says nothing; two different ones are two premises.
        return aRest.Length == 0 || bRest.Length == 0 ? null : false;
    }

    /// <summary>The numeric range of a token ("45-47": 45..47, "12A": 12..12 with "A" left); -1 when it starts with a letter.</summary>
    private static (int From, int To, string Suffix) Range(string token)
    {
        var n = 0;
        while (n < token.Length && char.IsAsciiDigit(token[n]))
        {
            n++;
        }

        if (n == 0 || n > 9)
        {
            return (-1, -1, token);
        }

        var from = int.Parse(token.AsSpan(0, n), System.Globalization.CultureInfo.InvariantCulture);
        var rest = token[n..];
        if (rest.Length > 1 && rest[0] == '-' && int.TryParse(rest.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var to) && to > from && to - from <= 20)
        {
            return (from, to, "");
        }

        return (from, from, rest);
    }

    public static string? StreetKey(string? street, string? address)
    {
        foreach (var text in new[] { street, address })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var t = Digits.ToAscii(text);
            foreach (var (pattern, prefix, key) in StreetForms)
            {
                var m = pattern.Match(t);
                if (m.Success)
                {
                    return prefix + key(m.Groups[1].Value);
                }
            }

            var named = text == street ? NamedStreet(t) : NamedStreetInLine(t);
            if (named is not null)
            {
                return named;
            }
        }

        return null;
    }

    /// <summary>The street of a line that none of the numbered or boulevard forms found: after the house number in its part, else a part naming a street.</summary>
    private static string? NamedStreetInLine(string line)
    {
        var parts = line.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length && i < 3; i++)
        {
            var m = Leading(parts[i]);
            if (m.Success)
            {
                // The rest of the house's part when the line is cut in parts and it does not start naming a
                // place ("12 S. Karlov, Chicago"; not "12 Phum 2 Tuol Tumpung ..."); else the next part if a street.
                var rest = parts[i][(m.Index + m.Length)..].Trim();
                var street = TextFold.LatinWords(rest).Length > 0 && !PlaceWord().IsMatch(rest) && (parts.Length > 1 || StreetTypeWord().IsMatch(rest)) ? rest
                    : i + 1 < parts.Length && StreetTypeWord().IsMatch(parts[i + 1]) ? parts[i + 1]
                    : null;
                return street is null ? null : NamedStreet(street);
            }
        }

        return null;
    }

    /// <summary>SN + the phonetic key of a street's name without directions, street-type words and house labels.</summary>
    private static string? NamedStreet(string text)
    {
        var words = TextFold.LatinWords(LabelledHouse().Replace(text, " "));
        if (words.Length == 0)
        {
            return null;
        }

        var kept = words.Split(' ').Where(w => !StreetNoise.Contains(w)).Select(w => IsOrdinal(w) ? w[..^2] : w).ToArray();
        if (kept.Length == 0)
        {
            return null;
        }

        if (kept.Length == 1 && kept[0].All(char.IsAsciiDigit))
        {
            return "ST" + kept[0].TrimStart('0');
        }

        var key = PhoneticKey.FromLatin(string.Join(' ', kept));
        return key.Length >= 2 ? "SN" + key : null;
    }

    private static bool IsOrdinal(string w) =>
        w.Length >= 3 && char.IsAsciiDigit(w[0]) && w[^2..] is "st" or "nd" or "rd" or "th" && w[..^2].All(char.IsAsciiDigit);

    /// <summary>Words that say which way or what kind of street, not which street.</summary>
    private static readonly HashSet<string> StreetNoise = new(StringComparer.Ordinal)
    {
        "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west", "st", "street", "str", "rd", "road", "ave", "av",
        "avenue", "blv", "blvd", "boulevard", "ln", "lane", "dr", "drive", "way", "pl", "place", "ct", "court", "hwy", "highway", "pkwy",
        "parkway", "sq", "square", "ter", "terrace", "cir", "circle", "quay", "no", "the", "of", "and", "at", "near", "between", "corner",
    };

    /// <summary>
    /// The text with its premises cut off (a house number under any label, a unit, a floor; the leading number) and
    /// a numbered street or road: what is left names places only, and repeats across records. In a place column
    /// (<paramref name="placeColumn"/>) a number after a word is the place's own (Ph. 2, Krom 3) and stays.
    /// </summary>
    public static string WithoutHouseNumber(string text, bool placeColumn = false)
    {
        // Most pieces of a line hold no digit at all (Khmer digits included): nothing to cut.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0 && text.AsSpan().IndexOfAnyInRange('\u17E0', '\u17E9') < 0)
        {
            return text;
        }

        var t = LabelledHouse().Replace(text, " ");
        t = LabelledUnit().Replace(t, " ");
        t = Floor().Replace(t, " ");
        // The house number goes, an unknown word before it stays: it may name the place ("Singapore 238839" is not cut at all).
        var m = Leading(t);
        t = !m.Success || (placeColumn && m.Groups["w"].Success) ? t
            : m.Groups["w"].Success ? t[..m.Groups["n"].Index] + t[(m.Index + m.Length)..]
            : t[(m.Index + m.Length)..];
        m = NumberedStreet().Match(t);
        t = m.Success ? t.Remove(m.Index, m.Length) : t;
        return t.Length == text.Length ? text : CollapseSpaces(t);
    }

    private static string CollapseSpaces(string t)
    {
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
        {
            if (c is ',' or ';' && sb.Length > 0 && sb[^1] == ' ')
            {
                sb.Length--;
            }

            if (c != ' ' || (sb.Length > 0 && sb[^1] != ' '))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim(' ', ',');
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

    /// <summary>
    /// A matched number in one form: upper-case letters and digits, a range dash or sub-number slash between digits
    /// kept, other separators dropped, an O after a letter read as a zero (12Eo = 12E0), leading zeros dropped.
    /// </summary>
    private static string? Token(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = char.ToUpperInvariant(s[i]);
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c is 'O' && sb.Length > 0 && char.IsAsciiLetter(sb[^1]) ? '0' : c);
            }
            else if (c is '-' or '/' && sb.Length > 0 && char.IsAsciiDigit(sb[^1]) && NextIsDigit(s, i))
            {
                sb.Append(c);
            }
        }

        var start = 0;
        while (start < sb.Length - 1 && sb[start] == '0' && char.IsAsciiDigit(sb[start + 1]))
        {
            start++;
        }

        var v = sb.ToString(start, sb.Length - start);
        return v.Length == 0 || !v.Any(char.IsAsciiDigit) ? null : v;

        static bool NextIsDigit(string s, int i)
        {
            for (var j = i + 1; j < s.Length; j++)
            {
                if (s[j] != ' ')
                {
                    return char.IsAsciiDigit(s[j]);
                }
            }

            return false;
        }
    }

    // A premises number: an optional letter before it (A45, A-12), digits, a letter or two and digits after (517A,
    // 27E1, 12Eo) or one letter apart (12 A, 12-A, 27 E1), a range or sub-number (45-47, 12/3); never the start of a word.
    // A letter apart ends the part or has its digits (12 A, 27 E1); followed by a word it is that word's (4600 S
    // Hermitage Ave, 1845 E 79th St: a direction, not house 4600S).
    private const string Number = @"(?<n>(?:[A-Z]\s?-?\s?)?[0-9]+(?:[A-Z]{1,2}[0-9]*|\s?-?\s?[A-Z](?![A-Z])(?:[0-9]+|(?=\s*(?:[,;/)]|$))))?(?:\s?[-/]\s?[0-9]+[A-Z]?)?)(?![A-Z0-9])";

    /// <summary>A house number under a label of the house, building or plot, anywhere in the text.</summary>
    [GeneratedRegex(@"(?:(?<![A-Z])(?:No|Nos|Number|House|Hse|Home|Building|Bldg|Block|Blk|Villa|Stall|Booth|Kiosk|Lot|Plot|Shophouse|Shop)\b\.?|N°|Nº|(?<![A-Z])H\.|#)\s*[:.]?\s*(?:No\.?\s*)?" + Number + "|(?:ផ្ទះ\\s*លេខ|ផ្ទះ|អគារ\\s*លេខ|អគារ|តូប\\s*លេខ|តូប|ឡូតិ៍\\s*លេខ|ឡូតិ៍|ដីឡូតិ៍)\\s*[:.]?\\s*" + Number, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledHouse();

    /// <summary>A unit, flat, room, suite or office number under its label, anywhere in the text.</summary>
    [GeneratedRegex(@"(?:(?<![A-Z])(?:Unit|Flat|Room|Rm|Suite|Ste|Apt|Apartment|Office)\b\.?|បន្ទប់\s*លេខ|បន្ទប់)\s*[:.]?\s*(?:No\.?\s*)?" + Number, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledUnit();

    /// <summary>
    /// A floor: 12th Floor, 12 Fl, 12th F, Floor 12, Fl. 12, Level 12, L12, ជាន់ទី ១២. A bare 12F is not one: house
    /// numbers take letters (56F, 12A), and a floor is rarely written so short without its ordinal.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Z0-9])(?:[0-9]+(?:st|nd|rd|th)?\s*(?:Floor|Flr|Fl\.?)(?![A-Z])|[0-9]+(?:st|nd|rd|th)\s*F(?![A-Z])|(?:Floor|Flr|Fl\.?|Level|Lvl|L)\s*[0-9]+(?![A-Z0-9])|ជាន់\s*(?:ទី)?\s*[0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Floor();

    /// <summary>
    /// A number at the start of a line (12, 12B, 45E1), after one word of a label this class does not know
    /// ("Depot 12,"), or after a known house label. Street, road and place words are not labels.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:No\.?|#|House)\s*|(?!(?:St|Str|Street|Road|Rd|NR|RN|Route|Phum|Phoum|Ph|Village|Vil|Krom|Group|Grp|Sangkat|Sk|Khan|Khum|Srok|Krong|Unit|Flat|Room|Floor|Level|Fl)\b)(?<w>[A-Z]{2,12})\.?\s+)?" + Number + @"(?=[\s,;]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingHouse();

    /// <summary>
    /// The leading house number of a text, or no match. After a word this class does not know, only a number of up
    /// to four digits counts: "Depot 12" is a house, "Singapore 238839" a postcode after a place.
    /// </summary>
    private static Match Leading(string text)
    {
        var m = LeadingHouse().Match(text);
        if (m.Success && m.Groups["w"].Success)
        {
            var n = m.Groups["n"].Value;
            var digits = 0;
            foreach (var c in n)
            {
                if (!char.IsAsciiDigit(c))
                {
                    if (digits > 0)
                    {
                        break;
                    }

                    continue;
                }

                digits++;
            }

            return digits <= 4 ? m : Match.Empty;
        }

        return m;
    }

    /// <summary>The first number of a house column, whatever label it has.</summary>
    [GeneratedRegex(@"(?<![A-Z0-9])" + Number, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyNumber();

    /// <summary>A place-unit word at the start: the text names a place, not a street.</summary>
    [GeneratedRegex(@"^\s*(?:Phum|Phoum|Village|Sangkat|Songkat|Khan|Khum|Srok|Krong|Commune|District|Province|ភូមិ|សង្កាត់|ខណ្ឌ|ឃុំ|ស្រុក|ក្រុង|ខេត្ត)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceWord();

    /// <summary>A street-type word: the part of a line that names the street.</summary>
    [GeneratedRegex(@"\b(?:St|Street|Str|Rd|Road|Ave|Av|Avenue|Blvd?|Boulevard|Ln|Lane|Dr|Drive|Way|Pl|Place|Hwy|Highway|Quay)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StreetTypeWord();

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
