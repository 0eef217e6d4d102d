using Integration.Generator.Reference;

namespace Integration.Generator.Rendering;

/// <summary>
/// Cambodian phone numbers as registers hold them: 012 345 678, 012-345-678, 012345678, +855 12 345 678,
/// 85512345678, (+855) 12-345-678, several numbers in one cell.
/// </summary>
internal sealed class PhoneRenderer(NoiseRates noise, Random rng)
{
    /// <param name="foreign">A foreign number of the firm (hard profile): country code, a space, the national number.</param>
    public string? Render(string phone, string other, string? foreign = null)
    {
        if (rng.NextDouble() < noise.PhoneEmpty)
        {
            return null;
        }

        if (foreign is not null)
        {
            // Foreign-owned firms give the owner's number abroad, alone or with the Cambodian one.
            switch (rng.Next(4))
            {
                case < 2:
                    return Foreign(foreign);
                case 2:
                    return Foreign(foreign) + (rng.Next(2) == 0 ? " / " : ", ") + Format(phone);
            }
        }

        var first = rng.NextDouble() < noise.PhoneOther ? other : phone;
        var text = Format(first);
        if (rng.NextDouble() < noise.PhoneTwo)
        {
            var second = first == phone ? other : phone;
            text += rng.Next(3) switch { 0 => " / ", 1 => ", ", _ => "; " } + Format(second);
        }

        return text;
    }

    public string Format(string national)
    {
        // national = 0XX + 6 or 7 digits
        var prefix = national[1..3];
        var rest = national[3..];
        var (a, b) = (rest[..3], rest[3..]); // 345 678 or 345 6789
        if (noise.PhoneFormat > 0 && rng.NextDouble() < noise.PhoneFormat)
        {
            return rng.Next(8) switch
            {
                0 => $"Tel: 0{prefix} {a} {b}",
                1 => $"+855 (0){prefix} {a} {b}",
                2 => $"0{prefix}.{a}.{b}",
                3 => $"{prefix} {a} {b}",
                4 => KhmerDigits.Of($"0{prefix} {a} {b}"),
                5 => $"HP: 0{prefix}-{a}-{b}",
                6 => $"Tel/Fax: 0{prefix} {rest}",
                _ => $"(855) {prefix} {a} {b}",
            };
        }

        return rng.Next(9) switch
        {
            0 => $"0{prefix} {a} {b}",
            1 => $"0{prefix}-{a}-{b}",
            2 => national,
            3 => $"+855 {prefix} {a} {b}",
            4 => $"855{prefix}{rest}",
            5 => $"+855{prefix}{rest}",
            6 => $"(+855) {prefix}-{a}-{b}",
            7 => $"0{prefix} {rest}",
            _ => $"0{prefix} {a} {b}",
        };
    }

    /// <summary>A foreign number as Cambodian forms hold it: +86 139 1234 5678, 0086 13912345678, (+66) 81-234-5678...</summary>
    private string Foreign(string number)
    {
        var space = number.IndexOf(' ', StringComparison.Ordinal);
        var (code, national) = (number[..space], number[(space + 1)..]);
        var half = national.Length / 2;
        var grouped = national[..(half - 1)] + " " + national[(half - 1)..(half + 2)] + " " + national[(half + 2)..];
        return rng.Next(6) switch
        {
            0 => $"+{code} {grouped}",
            1 => $"00{code} {national}",
            2 => $"+{code}-{national}",
            3 => $"(+{code}) {national[..2]}-{national[2..]}",
            4 => $"+{code}{national}",
            _ => $"{code} {national}",
        };
    }
}
