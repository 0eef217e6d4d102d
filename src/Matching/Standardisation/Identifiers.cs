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
