using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>
/// Standardises a Khmer-script firm name: NFC, zero-width spaces and joiners removed, spaces and
/// punctuation removed (Khmer does not separate words reliably), legal-form words removed.
/// </summary>
internal static class KhmerNames
{
    /// <summary>Legal-form words as they appear in registers, compact (no spaces or dots), longest first.</summary>
    private static readonly string[] LegalForms = new[]
    {
        "ក្រុមហ៊ុន",        // company
        "ឯកជនទទួលខុសត្រូវមានកម្រិត", // private limited
        "ទទួលខុសត្រូវមានកម្រិត", // limited liability
        "សម្ព័ន្ធញាតិ",
        "ឯកបុគ្គល",          // single member
        "ឯកជន",             // private
        "មហាជន",            // public
        "ខូអិលធីឌី",          // "Co., Ltd." transliterated
        "លីមីតធីត",
        "ខេមបូឌា",           // "(Cambodia)" transliterated
        "កម្ពុជា",            // Cambodia
        "ភីអិលស៊ី",          // PLC transliterated
        "សាខា",             // branch
        "ឯក",               // ឯ.ក once its dot is gone
        "កក",               // ក.ក
        "មក",               // ម.ក
    }.Select(s => s.Normalize(NormalizationForm.FormC)).OrderByDescending(s => s.Length).ToArray();

    /// <summary>The compact, legal-form-free Khmer name; empty when there is no Khmer text.</summary>
    public static string Standardise(string? name)
    {
        if (!TextFold.HasKhmer(name))
        {
            return "";
        }

        var compact = KeepKhmer(TextFold.KhmerCompact(name));
        var stripped = compact;
        foreach (var form in LegalForms)
        {
            // The two-letter abbreviations only count at the end of the name, where registers put them.
            if (form.Length <= 2)
            {
                if (stripped.Length > form.Length + 2 && stripped.EndsWith(form, StringComparison.Ordinal))
                {
                    stripped = stripped[..^form.Length];
                }

                continue;
            }

            stripped = stripped.Replace(form, "", StringComparison.Ordinal);
        }

        return stripped.Length > 0 ? stripped : compact;
    }

    private static string KeepKhmer(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (TextFold.IsKhmer(c) && c is not ('\u17D4' or '\u17D5' or '\u17D6'))
            {
                sb.Append(c);
            }
            else if (char.IsAsciiDigit(c))
            {
                sb.Append((char)('\u17E0' + (c - '0'))); // ហាង 7 and ហាង ៧ are one name
            }
        }

        return sb.ToString();
    }
}
