using System.Text;
using Integration.Core.Reference;
using Integration.Generator.Model;
using Integration.Generator.Reference;

namespace Integration.Generator.Rendering;

/// <summary>The address columns of one record: six parts and a free-text line, any of them empty.</summary>
public readonly record struct AddressColumns(string? HouseNo, string? Street, string? Village, string? Commune, string? District, string? Province, string? Line);

/// <summary>
/// Writes a firm's address as a register clerk would: parts, a free-text line or both; Latin script with the
/// gazetteer spelling, a popular romanisation or an abbreviation, with or without the unit word
/// (Khan, Sangkat, Srok, Khum, Phum); or Khmer script with Khmer digits.
/// </summary>
public sealed class AddressRenderer(NoiseRates noise, Random rng)
{
    public AddressColumns Render(FirmAddress a)
    {
        var khmer = rng.NextDouble() < noise.PlaceKhmer;
        var u = rng.NextDouble();
        var lineOnly = u < noise.AddressLineOnly;
        var partsOnly = !lineOnly && u < noise.AddressLineOnly + noise.AddressPartsOnly;

        var house = a.HouseNo.Length == 0 ? null : khmer ? KhmerDigits.Of(a.HouseNo) : a.HouseNo;
        var street = a.Street is null ? null : khmer ? a.Street.Km : a.Street.Latin;
        var village = a.Village is not null ? Place(a.Village, khmer)
            : a.Commune is not null && a.Province.Code == "12" ? (khmer ? "ភូមិ" + KhmerDigits.Of(a.VillageNo) : "Phum " + a.VillageNo.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
        var commune = a.Commune is null ? null : Place(a.Commune, khmer);
        var district = a.District == a.Province ? null : Place(a.District, khmer);
        var province = Place(a.Province, khmer);

        string? line = null;
        if (!partsOnly)
        {
            line = khmer ? KhmerLine(house, street, village, commune, district, province) : LatinLine(house, street, village, commune, district, province);
        }

        return lineOnly
            ? new AddressColumns(null, null, null, null, null, null, line)
            : new AddressColumns(house, street, village, commune, district, province, line);
    }

    private string Place(GazetteerUnit unit, bool khmer)
    {
        if (khmer)
        {
            // Khmer writes the unit word joined to the name (ខណ្ឌចំការមន) more often than not.
            return rng.NextDouble() < noise.PlaceUnitPrefix ? unit.UnitKm + unit.NameKm : unit.NameKm;
        }

        var name = rng.NextDouble() < noise.PlaceVariant ? Romanisation.PlaceVariant(unit.NameLatin, rng) : unit.NameLatin;
        var prefix = unit.Level != GazetteerLevel.Province && rng.NextDouble() < noise.PlaceUnitPrefix;
        return prefix ? unit.UnitLatin + " " + name : name;
    }

    private string LatinLine(string? house, string? street, string? village, string? commune, string? district, string? province)
    {
        var sb = new StringBuilder(96);
        var sep = rng.Next(4) == 0 ? " " : ", ";
        void Add(string? part, string? label = null)
        {
            if (string.IsNullOrEmpty(part))
            {
                return;
            }

            if (sb.Length > 0)
            {
                sb.Append(sep);
            }

            sb.Append(label).Append(part);
        }

        Add(house, rng.Next(3) switch { 0 => "No. ", 1 => "#", _ => "" });
        Add(street);
        Add(village);
        Add(commune);
        Add(district);
        Add(province);
        return sb.ToString();
    }

    private static string KhmerLine(string? house, string? street, string? village, string? commune, string? district, string? province)
    {
        var sb = new StringBuilder(96);
        if (!string.IsNullOrEmpty(house))
        {
            sb.Append("ផ្ទះលេខ ").Append(house).Append(' ');
        }

        foreach (var part in new[] { street, village, commune, district, province })
        {
            if (!string.IsNullOrEmpty(part))
            {
                sb.Append(part).Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }
}

/// <summary>
/// Cambodian phone numbers as registers hold them: 012 345 678, 012-345-678, 012345678, +855 12 345 678,
/// 85512345678, (+855) 12-345-678, several numbers in one cell.
/// </summary>
public sealed class PhoneRenderer(NoiseRates noise, Random rng)
{
    public string? Render(string phone, string other)
    {
        if (rng.NextDouble() < noise.PhoneEmpty)
        {
            return null;
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
}
