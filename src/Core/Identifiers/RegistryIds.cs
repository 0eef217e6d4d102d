using System.Globalization;
using System.Text;
using Integration.Core.Text;

namespace Integration.Core.Identifiers;

/// <summary>Which register's numbering an identifier follows.</summary>
public enum IdentifierKind
{
    /// <summary>GDT taxpayer identification number, e.g. <c>K001-901234567</c>.</summary>
    Tin,

    /// <summary>MoC registration number: <c>Co.054321/19E</c> (older) or eight digits (online register).</summary>
    MocRegistrationNo,

    /// <summary>NSSF employer number: digits.</summary>
    NssfId,
}

/// <summary>
/// One written form per identifier, so that a record keeps its key however a register writes the number:
/// <c>K001-901234567</c>, <c>k001 901234567</c> and <c>K001901234567</c> are one TIN; <c>CO.054321/19E</c>,
/// <c>Co 054321/19E</c> and <c>054321/19E</c> one MoC registration. Only what cannot tell two numbers apart is
/// folded: letter case, spaces, the separators '-', '.' and '_', Khmer and full-width digits. The result is the
/// register's own layout when the number fits it, else the folded characters (letters, digits and '/').
/// </summary>
public static class RegistryIds
{
    /// <summary>The canonical form, or null when the text holds a character no identifier has (the caller says why).</summary>
    public static string? Canonical(IdentifierKind kind, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compact = Compact(text);
        if (compact is null || compact.Length == 0)
        {
            return null;
        }

        return kind switch
        {
            IdentifierKind.Tin => TinLayout(compact),
            IdentifierKind.MocRegistrationNo => MocLayout(compact),
            _ => compact,
        };
    }

    /// <summary>Upper-case ASCII letters, digits and '/', separators dropped; null on any other character.</summary>
    private static string? Compact(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '/')
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (Digits.IsOtherScriptDigit(c))
            {
                sb.Append(Digits.ToAscii(c)); // Khmer digits ០..៩ and those of other scripts
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '.' or '_' or '\u200B' or '\u2010' or '\u2011' or '\u2013'))
            {
                return null;
            }
        }

        return sb.ToString();
    }

    /// <summary><c>K001901234567</c> -> <c>K001-901234567</c>: a letter, the three-digit tax office, nine digits.</summary>
    private static string TinLayout(string c) =>
        c.Length == 13 && char.IsAsciiLetter(c[0]) && !c.AsSpan(1).ContainsAnyExceptInRange('0', '9')
            ? string.Create(CultureInfo.InvariantCulture, $"{c[..4]}-{c[4..]}")
            : c;

    /// <summary><c>CO054321/19E</c> and <c>054321/19E</c> -> <c>Co.054321/19E</c>; other numbers as folded.</summary>
    private static string MocLayout(string c)
    {
        var body = c.StartsWith("CO", StringComparison.Ordinal) && c.Length > 2 && char.IsAsciiDigit(c[2]) ? c[2..] : c;
        var slash = body.IndexOf('/', StringComparison.Ordinal);
        var old = slash > 0 && body.Length == slash + 4
            && !body.AsSpan(0, slash).ContainsAnyExceptInRange('0', '9')
            && char.IsAsciiDigit(body[slash + 1]) && char.IsAsciiDigit(body[slash + 2]) && char.IsAsciiLetter(body[slash + 3]);
        return old ? "Co." + body : c;
    }
}
