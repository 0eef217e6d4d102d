using Integration.Core.Text;
using PhoneNumbers;

namespace Integration.Matching.Standardisation;

/// <summary>
/// Phone numbers of one cell to comparable tokens, through Google's libphonenumber with Cambodia as the
/// default region. Registers hold foreign-owned firms' foreign numbers and lists made abroad, so no valid
/// number is thrown away:
/// <list type="bullet">
/// <item>a valid number, Cambodian or foreign, becomes E.164 (<c>012 345 678</c>, <c>855 12 345 678</c>,
/// <c>00855 12 345 678</c> and <c>+855 12 345 678</c> all give <c>+85512345678</c>; <c>+1 310 246 1501</c>
/// gives <c>+13102461501</c>);</item>
/// <item>a foreign number is kept in its national digits as well (<c>3102461501</c>), because another
/// register may write the same number without its country code;</item>
/// <item>a number without a country code that is no valid Cambodian number (a prefix newer than the
/// library's metadata, <c>310/246-1501</c> or a seven-digit local number from a list made abroad) is kept as
/// its national digits, with a Cambodian trunk 0 or 855 taken off, so that records writing it alike still
/// compare. Tokens without '+' are such digits.</item>
/// <item>a foreign number written with its country code but no '+' (<c>66 926053626</c>) is read as the
/// international number too when it is no valid Cambodian one and is a valid foreign one;</item>
/// <item>digits of any script count (<c>០១១ ៥១៣ ៩៨២</c> is <c>011 513 982</c>): Khmer-script forms write them so.</item>
/// </list>
/// </summary>
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private const string DefaultRegion = "KH";

    private const int CambodiaCode = 855;

    /// <summary>Fewer digits than this are a fragment ("ext. 12", "n/a 0"), not a number.</summary>
    private const int MinDigits = 6;

    /// <summary>E.164 numbers have at most 15 digits; a part with more holds several numbers.</summary>
    private const int MaxDigits = 15;

    /// <summary>A country code and a national number: more digits than a Cambodian number has without its 0.</summary>
    private const int MinInternationalDigits = 10;

    /// <summary>Separators that always part two numbers; '/' and spaces part numbers only sometimes.</summary>
    private static readonly char[] Separators = [',', ';', '|', '\n', '\\'];

    /// <summary>
    /// The cell's numbers as tokens (see the class), each once, in the order written. Numbers part on
    /// , ; | \ or " or "; on '/' when every side holds a whole number (<c>012 345 678 / 017 888 999</c>),
    /// not inside one (<c>310/246-1501</c>); and a part with more digits than one number can have is cut
    /// into the valid numbers its digit groups make (<c>012345678 017888999</c>).
    /// </summary>
    public static string[] Parse(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        var list = new List<string>(2);
        foreach (var part in Digits.ToAscii(cell).Replace(" or ", ",", StringComparison.OrdinalIgnoreCase).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var slashed = part.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (slashed.Length > 1 && slashed.All(p => DigitCount(p) >= MinDigits))
            {
                foreach (var piece in slashed)
                {
                    AddPart(list, piece);
                }
            }
            else
            {
                AddPart(list, part);
            }
        }

        return list.ToArray();
    }

    private static void AddPart(List<string> list, string part)
    {
        if (DigitCount(part) <= MaxDigits)
        {
            Add(list, part);
            return;
        }

        // Several numbers with only spaces or dashes between them: the shortest runs of digit groups that
        // are valid numbers, left to right; what is left over counts on its own.
        var groups = part.Split([' ', '-', '.', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var run = "";
        foreach (var group in groups)
        {
            run = run.Length == 0 ? group : run + " " + group;
            if (DigitCount(run) >= MinDigits && Read(run) is { } n && Util.IsValidNumber(n))
            {
                Add(list, n);
                run = "";
            }
        }

        if (run.Length > 0 && DigitCount(run) <= MaxDigits)
        {
            Add(list, run);
        }
    }

    private static void Add(List<string> list, string text)
    {
        if (DigitCount(text) >= MinDigits && Read(text) is { } number)
        {
            Add(list, number);
            if (!Util.IsValidNumber(number) && WithoutPlus(text) is { } abroad)
            {
                Add(list, abroad);
            }
        }
    }

    private static void Add(List<string> list, PhoneNumber number)
    {
        var national = Util.GetNationalSignificantNumber(number);
        if (Util.IsValidNumber(number))
        {
            AddOnce(list, Util.Format(number, PhoneNumberFormat.E164));
            if (number.CountryCode != CambodiaCode)
            {
                AddOnce(list, national);
            }
        }
        else if (number.CountryCode == CambodiaCode)
        {
            if (national.Length is >= MinDigits and <= MaxDigits)
            {
                AddOnce(list, national);
            }
        }
        else if (Util.IsPossibleNumber(number))
        {
            AddOnce(list, Util.Format(number, PhoneNumberFormat.E164));
        }
    }

    private static void AddOnce(List<string> list, string token)
    {
        if (!list.Contains(token))
        {
            list.Add(token);
        }
    }

    /// <summary>
    /// The number libphonenumber reads with Cambodia as the default region. "00" before a country code is
    /// how most of the world (and Cambodian registers) write an international number, but Cambodia's own
    /// exit codes are 001 and 004-009, so the library would read 00855 as 008 + Brazil: a leading 00 is
    /// read as '+' first, and kept when that gives a valid number (or a possible Cambodian one).
    /// </summary>
    private static PhoneNumber? Read(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (first >= 0 && text.AsSpan(first).StartsWith("00") && (first == 0 || !text.AsSpan(0, first).Contains('+')))
        {
            var international = TryParse(string.Concat("+", text.AsSpan(first + 2)));
            if (international is not null && (Util.IsValidNumber(international) || (international.CountryCode == CambodiaCode && Util.IsPossibleNumber(international))))
            {
                return international;
            }
        }

        return TryParse(text);
    }

    /// <summary>
    /// A foreign number written with its country code but without '+' or 00 (<c>66 926053626</c>, as forms
    /// that strip punctuation keep it) is no valid Cambodian number; read with '+' it is the number another
    /// register writes <c>+66-926053626</c>. Only from <see cref="MinInternationalDigits"/> digits on and
    /// only when the '+' reading is valid and foreign: a Cambodian number without its trunk 0 has 8 or 9
    /// digits. It is a token besides the digits as written, which still meet a number written without its
    /// country code (<c>310-246-1501</c> and <c>+1 310 246 1501</c>).
    /// </summary>
    private static PhoneNumber? WithoutPlus(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (first < 0 || text[first] == '0' || text.AsSpan(0, first).Contains('+') || DigitCount(text) < MinInternationalDigits)
        {
            return null;
        }

        var international = TryParse(string.Concat("+", text.AsSpan(first)));
        return international is not null && international.CountryCode != CambodiaCode && Util.IsValidNumber(international) ? international : null;
    }

    private static PhoneNumber? TryParse(string text)
    {
        try
        {
            return Util.Parse(text, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static int DigitCount(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                n++;
            }
        }

        return n;
    }
}
