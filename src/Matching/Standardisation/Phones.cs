using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>Cambodian phone numbers to E.164 (+855...), several per cell.</summary>
public static class Phones
{
    private static readonly char[] Separators = [',', ';', '/', '|', '\n', '\\'];

    /// <summary>
    /// <c>012 345 678</c>, <c>012-345-678</c>, <c>+855 12 345 678</c> and <c>85512345678</c> all give
    /// <c>+85512345678</c>. Cells with several numbers split on , ; / | or on " or ".
    /// </summary>
    public static string[] Parse(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        var parts = cell.Replace(" or ", ",", StringComparison.OrdinalIgnoreCase).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var list = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            var digits = Digits(part);
            // Two numbers separated only by spaces: 012345678 098765432.
            if (digits.Length >= 18 && part.Trim().Contains(' ', StringComparison.Ordinal))
            {
                foreach (var piece in part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(list, Digits(piece));
                }

                continue;
            }

            Add(list, digits);
        }

        return list.ToArray();
    }

    private static void Add(List<string> list, string digits)
    {
        if (digits.StartsWith("00855", StringComparison.Ordinal))
        {
            digits = digits[5..];
        }
        else if (digits.StartsWith("855", StringComparison.Ordinal) && digits.Length >= 11)
        {
            digits = digits[3..];
        }

        digits = digits.TrimStart('0');
        if (digits.Length is < 8 or > 9)
        {
            return;
        }

        var e164 = "+855" + digits;
        if (!list.Contains(e164))
        {
            list.Add(e164);
        }
    }

    private static string Digits(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
