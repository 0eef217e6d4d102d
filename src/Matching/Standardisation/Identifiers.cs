using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>TINs and registration numbers in one canonical form: upper-case letters and digits only.</summary>
public static class Identifiers
{
    /// <summary><c>k001-901 234 567</c> and <c>K001901234567</c> both become <c>K001901234567</c>; null when nothing is left.</summary>
    public static string? Canonical(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var sb = new StringBuilder(id.Length);
        foreach (var ch in id)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(char.ToUpperInvariant(ch));
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>
    /// A TIN by its 9-digit serial: <c>K001-901234567</c>, <c>k001 - 901234567</c>, <c>K-001-901234567</c> and
    /// <c>901234567</c> are one taxpayer. The letter and tax-office code are often dropped or reformatted by
    /// other registries, while the serial is what identifies the taxpayer.
    /// </summary>
    public static string? CanonicalTin(string? id)
    {
        var c = Canonical(id);
        if (c is null)
        {
            return null;
        }

        var tail = 0;
        while (tail < c.Length && char.IsAsciiDigit(c[c.Length - 1 - tail]))
        {
            tail++;
        }

        return tail >= 9 ? c[^9..] : c;
    }

    /// <summary>
    /// A MoC registration number without its "Co." prefix and leading zeros: <c>Co.012345/15E</c>,
    /// <c>CO.012345/15E</c>, <c>Co 012345/15E</c> and <c>012345/15E</c> are one registration.
    /// </summary>
    public static string? CanonicalMocNo(string? id)
    {
        var c = Canonical(id);
        if (c is null)
        {
            return null;
        }

        if (c.StartsWith("CO", StringComparison.Ordinal) && c.Length > 2 && char.IsAsciiDigit(c[2]))
        {
            c = c[2..];
        }

        var trimmed = c.TrimStart('0');
        return trimmed.Length == 0 ? c : trimmed;
    }

    /// <summary>True when two canonical ids differ by one substituted or two swapped characters (a digit slip).</summary>
    public static bool OneSlipApart(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var first = -1;
        var diffs = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            if (++diffs > 2)
            {
                return false;
            }

            if (first < 0)
            {
                first = i;
            }
            else if (i != first + 1 || a[first] != b[i] || a[i] != b[first])
            {
                return false;
            }
        }

        return diffs > 0;
    }
}
