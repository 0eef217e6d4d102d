using System.Text;
using Integration.Generator.Model;
using Integration.Generator.Reference;

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
internal sealed class NameRenderer(NoiseRates noise, Random rng)
{
    /// <summary>Which suffix variant each register uses by default (MoC "Co., Ltd.", GDT "CO.,LTD", NSSF "Company Limited").</summary>
    private static int HouseSuffix(Register register, int variants) => register switch
    {
        Register.Moc => 0,
        Register.Gdt => Math.Min(1, variants - 1),
        _ => Math.Min(3, variants - 1),
    };

    /// <summary>(name_km, name_en) for one record; one of them may be null, never both.</summary>
    /// <param name="owner">The owner's (surname, given name): GDT and NSSF may record a sole proprietorship under it (hard profile).</param>
    public (string? Km, string? En) Render(FirmName name, Register register, (KhmerWord Surname, KhmerWord Given)? owner = null)
    {
        var u = rng.NextDouble();
        var khmerOnly = u < noise.KhmerOnly;
        var latinOnly = !khmerOnly && u < noise.KhmerOnly + noise.LatinOnly;
        if (owner is { } o && register != Register.Moc && name.Form.IsSoleProprietorship && Chance(noise.OwnerName))
        {
            return OwnerName(name, register, o.Surname, o.Given, khmerOnly, latinOnly);
        }

        var (km, en) = (latinOnly ? null : Khmer(name, register), khmerOnly ? null : Latin(name, register));
        return Chance(noise.ScriptSwap) ? (en, km) : (km, en);
    }

    /// <summary>The owner's personal name, as GDT registers a sole proprietor; the shop's name in brackets now and then.</summary>
    private (string? Km, string? En) OwnerName(FirmName name, Register register, KhmerWord surname, KhmerWord given, bool khmerOnly, bool latinOnly)
    {
        var latin = surname.Latin + " " + given.Latin;
        latin = rng.Next(2) == 0 ? latin.ToUpperInvariant() : latin;
        if (rng.Next(2) == 0)
        {
            latin += " (" + Latin(name, register) + ")";
        }

        return (latinOnly ? null : surname.Km + " " + given.Km, khmerOnly ? null : latin);
    }

    private bool Chance(double p) => p > 0 && rng.NextDouble() < p;

    public string Latin(FirmName name, Register register)
    {
        var words = new List<string>(6);
        var english = name.English is not null && !Chance(noise.RomanisedTranslation);
        if (english)
        {
            words.AddRange(name.English!.Split(' '));
        }
        else
        {
            for (var i = 0; i < name.Stems.Count; i++)
            {
                if (i == 1 && name.Ampersand)
                {
                    words.Add("&");
                }

                words.Add(name.Stems[i].Latin);
            }
        }

        if (rng.NextDouble() < noise.Translit)
        {
            Respell(words);
        }

        Stylise(words);
        var dropActivity = Chance(noise.ActivityDropped);
        var activity = name.Activity.NameEn;
        if (rng.NextDouble() < noise.WordOrder)
        {
            if (!dropActivity)
            {
                words.Insert(0, activity);
            }
        }
        else if (!dropActivity)
        {
            words.Add(activity);
        }

        if (name.CambodiaTag)
        {
            words.Add("(Cambodia)");
        }

        if (Chance(noise.Abbreviation))
        {
            words = Abbreviate(words);
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

        if (Chance(noise.JoinedWords))
        {
            text = text.Replace(" ", "", StringComparison.Ordinal);
        }

        if (Chance(noise.NamePunctuation))
        {
            (text, suffix) = Punctuate(text, suffix);
        }

        if (suffix.Length > 0)
        {
            text = text + " " + suffix;
        }

        if (rng.NextDouble() < noise.Typo)
        {
            text = TextSlips.Typo(text, rng);
        }

        return rng.NextDouble() < noise.Uppercase ? text.ToUpperInvariant() : text;
    }

    /// <summary>Hard profile: a name of several words as its initials, a one-word name in spaced-out capitals.</summary>
    private void Stylise(List<string> words)
    {
        var parts = string.Join(' ', words).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "&").ToList();
        if (parts.Count >= 2 && Chance(noise.Acronym))
        {
            var initials = parts.Select(w => char.ToUpperInvariant(w[0])).ToList();
            var acronym = rng.Next(4) switch
            {
                0 => string.Concat(initials),
                1 => string.Concat(initials.Select(c => c + ".")),
                2 => string.Join(' ', initials),
                _ => string.Join('.', initials),
            };
            words.Clear();
            words.Add(acronym);
        }
        else if (parts.Count == 1 && parts[0].Length >= 4 && Chance(noise.SpacedLetters))
        {
            words.Clear();
            words.Add(string.Join(' ', parts[0].ToUpperInvariant().ToCharArray()));
        }
    }

    /// <summary>Known words and phrases replaced by one of their short or variant forms.</summary>
    private List<string> Abbreviate(List<string> words)
    {
        var tokens = string.Join(' ', words).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length;)
        {
            if (Abbreviations.At(tokens, i) is { } hit && rng.NextDouble() < 0.8)
            {
                result.Add(hit.Forms[rng.Next(hit.Forms.Length)]);
                i += hit.Length;
            }
            else
            {
                result.Add(tokens[i++]);
            }
        }

        return result;
    }

    /// <summary>Quotes, a leading "The", a trailing dot, doubled spaces, hyphens or a comma before the legal form.</summary>
    private (string Text, string Suffix) Punctuate(string text, string suffix) => rng.Next(6) switch
    {
        0 => ($"\"{text}\"", suffix),
        1 => ("The " + text, suffix),
        2 => (text, suffix.Length == 0 ? "." : suffix.TrimEnd('.') + "."),
        3 => (text.Replace(" ", "  ", StringComparison.Ordinal), suffix),
        4 => (text.Replace(' ', '-'), suffix),
        _ => (suffix.Length == 0 ? text : text + ",", suffix),
    };

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

        if (Chance(noise.MixedScript))
        {
            // The brand in Latin letters inside the Khmer name, as the firm writes it on its sign.
            sb.Append(name.English ?? string.Join(' ', name.Stems.Select(st => st.Latin))).Append(' ');
        }
        else
        {
            for (var i = 0; i < name.Stems.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(name.Ampersand ? " និង " : separator);
                }

                sb.Append(name.Stems[i].Km);
            }
        }

        var dropActivity = Chance(noise.ActivityDropped);
        if (!dropActivity && (!form.IsSoleProprietorship || (rng.Next(3) == 0 && name.Activity.Shop != name.Activity.NameKm)))
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

        var text = sb.ToString();
        if (Chance(noise.KhmerZeroWidth))
        {
            text = TextSlips.KhmerZeroWidth(text, rng);
        }

        if (Chance(noise.KhmerVowelParts))
        {
            text = TextSlips.KhmerVowelParts(text);
        }

        return Chance(noise.KhmerTypo) ? TextSlips.KhmerTypo(text, rng) : text;
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
}
