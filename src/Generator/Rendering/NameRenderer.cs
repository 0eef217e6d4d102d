using System.Text;
using Integration.Generator.Model;

namespace Integration.Generator.Rendering;

/// <summary>The three registers; each has its own house style for names and addresses.</summary>
public enum Register
{
    Moc,
    Gdt,
    Nssf,
}

/// <summary>
/// Writes a firm's name the way one register would: its house style for the legal-form suffix, then the
/// variations of <see cref="NoiseRates"/> drawn from the noise stream.
/// </summary>
public sealed class NameRenderer(NoiseRates noise, Random rng)
{
    /// <summary>Which suffix variant each register uses by default (MoC "Co., Ltd.", GDT "CO.,LTD", NSSF "Company Limited").</summary>
    private static int HouseSuffix(Register register, int variants) => register switch
    {
        Register.Moc => 0,
        Register.Gdt => Math.Min(1, variants - 1),
        _ => Math.Min(3, variants - 1),
    };

    /// <summary>(name_km, name_en) for one record; one of them may be null, never both.</summary>
    public (string? Km, string? En) Render(FirmName name, Register register)
    {
        var u = rng.NextDouble();
        var khmerOnly = u < noise.KhmerOnly;
        var latinOnly = !khmerOnly && u < noise.KhmerOnly + noise.LatinOnly;
        return (latinOnly ? null : Khmer(name, register), khmerOnly ? null : Latin(name, register));
    }

    public string Latin(FirmName name, Register register)
    {
        var words = new List<string>(6);
        for (var i = 0; i < name.Stems.Count; i++)
        {
            if (i == 1 && name.Ampersand)
            {
                words.Add("&");
            }

            words.Add(name.Stems[i].Latin);
        }

        if (rng.NextDouble() < noise.Translit)
        {
            Respell(words);
        }

        var activity = name.Activity.NameEn;
        if (rng.NextDouble() < noise.WordOrder)
        {
            words.Insert(0, activity);
        }
        else
        {
            words.Add(activity);
        }

        if (name.CambodiaTag)
        {
            words.Add("(Cambodia)");
        }

        var suffixes = name.Form.SuffixesEn;
        var suffix = suffixes[rng.NextDouble() < noise.Suffix ? rng.Next(suffixes.Length) : HouseSuffix(register, suffixes.Length)];
        var text = string.Join(' ', words);
        if (text.Contains('&', StringComparison.Ordinal) && rng.NextDouble() < noise.Ampersand)
        {
            text = text.Replace("&", "and", StringComparison.Ordinal);
        }

        if (rng.NextDouble() < noise.MissingSpace)
        {
            text = DropSpace(text);
            suffix = suffix.Replace(" ", "", StringComparison.Ordinal);
        }

        if (suffix.Length > 0)
        {
            text = text + " " + suffix;
        }

        if (rng.NextDouble() < noise.Typo)
        {
            text = Typo(text);
        }

        return rng.NextDouble() < noise.Uppercase ? text.ToUpperInvariant() : text;
    }

    public string Khmer(FirmName name, Register register)
    {
        var sb = new StringBuilder(64);
        var form = name.Form;
        var separator = register == Register.Moc || rng.Next(2) == 0 ? " " : "";
        var dropPrefix = rng.NextDouble() < noise.Suffix / 2;
        if (form.IsSoleProprietorship)
        {
            sb.Append(dropPrefix ? "" : name.Activity.Shop + separator);
        }
        else if (!dropPrefix)
        {
            sb.Append(form.KhmerPrefix).Append(separator);
        }

        for (var i = 0; i < name.Stems.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(name.Ampersand ? " និង " : separator);
            }

            sb.Append(name.Stems[i].Km);
        }

        if (!form.IsSoleProprietorship || (rng.Next(3) == 0 && name.Activity.Shop != name.Activity.NameKm))
        {
            sb.Append(separator).Append(name.Activity.NameKm);
        }

        if (name.CambodiaTag)
        {
            sb.Append(" (ខេមបូឌា)");
        }

        if (form.KhmerSuffix.Length > 0 && !(dropPrefix && rng.Next(2) == 0))
        {
            sb.Append(' ').Append(form.KhmerSuffix);
        }

        return sb.ToString();
    }

    private void Respell(List<string> words)
    {
        var start = rng.Next(words.Count);
        for (var k = 0; k < words.Count; k++)
        {
            var i = (start + k) % words.Count;
            var variants = Romanisation.WordVariants(words[i]);
            if (variants.Length > 0)
            {
                words[i] = variants[rng.Next(variants.Length)];
                return;
            }
        }
    }

    private string DropSpace(string text)
    {
        var spaces = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                spaces.Add(i);
            }
        }

        return spaces.Count == 0 ? text : text.Remove(spaces[rng.Next(spaces.Count)], 1);
    }

    /// <summary>One keyboard slip in a letter of the name: dropped, doubled, swapped with the next, or replaced.</summary>
    private string Typo(string text)
    {
        var letters = new List<int>();
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsAsciiLetterLower(text[i]))
            {
                letters.Add(i);
            }
        }

        if (letters.Count == 0)
        {
            return text;
        }

        var p = letters[rng.Next(letters.Count)];
        var sb = new StringBuilder(text);
        switch (rng.Next(4))
        {
            case 0:
                sb.Remove(p, 1);
                break;
            case 1:
                sb.Insert(p, text[p]);
                break;
            case 2 when char.IsAsciiLetterLower(text[p + 1]) && text[p] != text[p + 1]:
                (sb[p], sb[p + 1]) = (sb[p + 1], sb[p]);
                break;
            default:
                sb[p] = (char)('a' + ((text[p] - 'a' + 1 + rng.Next(24)) % 26));
                break;
        }

        return sb.ToString();
    }
}
