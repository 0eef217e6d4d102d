using System.Text;
using Integration.Core.Reference;
using Integration.Generator.Model;
using Integration.Generator.Reference;

namespace Integration.Generator.Rendering;

/// <summary>The address columns of one record: six parts and a free-text line, any of them empty.</summary>
internal readonly record struct AddressColumns(string? HouseNo, string? Street, string? Village, string? Commune, string? District, string? Province, string? Line);

/// <summary>
/// Writes a firm's address as a register clerk would: parts, a free-text line or both; Latin script with the
/// gazetteer spelling, a popular romanisation or an abbreviation, with or without the unit word
/// (Khan, Sangkat, Srok, Khum, Phum); or Khmer script with Khmer digits.
/// </summary>
internal sealed class AddressRenderer(NoiseRates noise, Random rng)
{
    private static readonly string[] CountrySuffixes = [", Cambodia", ", Kingdom of Cambodia", " Cambodia", ", KH", ", Cambodge"];

    private readonly PremisesForms _premises = new(rng);

    /// <summary>Whether any variation of the hard profile is on (the default profile never takes that path).</summary>
    private readonly bool _hard = noise.PremisesForm + noise.HouseInStreet + noise.KhmerHouseAnywhere + noise.PartBlank + noise.PartShifted
        + noise.JoinedAddress + noise.CountrySuffix + noise.PlaceTypo > 0;

    /// <param name="district">The district to write instead of the firm's (a register not told of a boundary change).</param>
    public AddressColumns Render(FirmAddress a, GazetteerUnit? district = null)
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
        var districtUnit = district ?? a.District;
        var districtText = districtUnit == a.Province ? null : Place(districtUnit, khmer);
        var province = Place(a.Province, khmer);
        if (_hard || a.Premises is not null)
        {
            return Hard(a, khmer, lineOnly, partsOnly, street, new Parts(village, commune, districtText, province));
        }

        string? line = null;
        if (!partsOnly)
        {
            line = khmer ? KhmerLine(house, street, village, commune, districtText, province) : LatinLine(house, street, village, commune, districtText, province);
        }

        return lineOnly
            ? new AddressColumns(null, null, null, null, null, null, line)
            : new AddressColumns(house, street, village, commune, districtText, province, line);
    }

    /// <summary>The place parts of one record, any of them empty.</summary>
    private sealed record Parts(string? Village, string? Commune, string? District, string? Province);

    private bool Chance(double p) => p > 0 && rng.NextDouble() < p;

    /// <summary>
    /// The hard profile's address: parts left blank or one column off, a slip in a place name, premises in many
    /// forms (in the street column now and then, in a Khmer line anywhere), words run together, a country added.
    /// </summary>
    private AddressColumns Hard(FirmAddress a, bool khmer, bool lineOnly, bool partsOnly, string? street, Parts parts)
    {
        parts = parts with
        {
            Village = Chance(noise.PartBlank) ? null : parts.Village,
            Commune = Chance(noise.PartBlank) ? null : parts.Commune,
            District = Chance(noise.PartBlank) ? null : parts.District,
        };
        if (!khmer && Chance(noise.PlaceTypo))
        {
            parts = rng.Next(3) switch
            {
                0 when parts.Commune is not null => parts with { Commune = TextSlips.Typo(parts.Commune, rng) },
                1 when parts.Village is not null => parts with { Village = TextSlips.Typo(parts.Village, rng) },
                _ when parts.District is not null => parts with { District = TextSlips.Typo(parts.District, rng) },
                _ => parts,
            };
        }

        var plain = a.HouseNo.Length == 0 ? null : khmer ? KhmerDigits.Of(a.HouseNo) : a.HouseNo;
        var premises = a.HouseNo.Length > 0 && (a.Premises is not null || Chance(noise.PremisesForm))
            ? _premises.Write(a, street, khmer)
            : new PremisesText(plain, street, null);
        var (houseColumn, streetColumn) = (premises.HouseColumn, premises.StreetColumn);
        if (houseColumn is not null && Chance(noise.HouseInStreet))
        {
            var labelled = premises.LinePhrase ?? (khmer ? "ផ្ទះលេខ " : "No. ") + houseColumn;
            (houseColumn, streetColumn) = (null, streetColumn is null ? labelled : labelled + ", " + streetColumn);
        }

        string? line = null;
        if (!partsOnly)
        {
            line = khmer
                ? KhmerLine(premises.LinePhrase ?? (plain is null ? null : "ផ្ទះលេខ " + plain), street, parts, Chance(noise.KhmerHouseAnywhere))
                : premises.LinePhrase is { } phrase ? Join([phrase, street, parts.Village, parts.Commune, parts.District, parts.Province])
                : LatinLine(plain, street, parts.Village, parts.Commune, parts.District, parts.Province);
            if (Chance(noise.JoinedAddress))
            {
                line = RunTogether(line);
            }

            if (Chance(noise.CountrySuffix))
            {
                line += rng.Next(3) == 0 && a.Province.Code == "12" && !khmer
                    ? " 12" + (rng.Next(1, 13) * 100 + rng.Next(1, 10)).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)
                    : khmer ? " ព្រះរាជាណាចក្រកម្ពុជា" : CountrySuffixes[rng.Next(CountrySuffixes.Length)];
            }
        }

        if (Chance(noise.PartShifted))
        {
            parts = rng.Next(2) == 0
                ? new Parts(parts.Commune, parts.District, parts.Province, null)
                : parts with { Commune = parts.Commune is null ? parts.District : parts.District is null ? parts.Commune : parts.Commune + ", " + parts.District, District = null };
        }

        return lineOnly
            ? new AddressColumns(null, null, null, null, null, null, line)
            : new AddressColumns(houseColumn, streetColumn, parts.Village, parts.Commune, parts.District, parts.Province, line);
    }

    /// <summary>The separator between two words of the line dropped, or every space (dangkorphnom penh, SangkatBoeungKengKang).</summary>
    private string RunTogether(string line)
    {
        if (rng.Next(3) == 0)
        {
            return line.Replace(" ", "", StringComparison.Ordinal);
        }

        var gaps = new List<(int At, int Length)>();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ' ')
            {
                var comma = i > 0 && line[i - 1] == ',';
                gaps.Add(comma ? (i - 1, 2) : (i, 1));
            }
        }

        if (gaps.Count == 0)
        {
            return line;
        }

        var (at, length) = gaps[rng.Next(gaps.Count)];
        return line.Remove(at, length);
    }

    private string Join(IEnumerable<string?> parts)
    {
        var sep = rng.Next(4) == 0 ? " " : ", ";
        return string.Join(sep, parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    private string KhmerLine(string? premises, string? street, Parts parts, bool anywhere)
    {
        var places = new List<string?> { street, parts.Village, parts.Commune, parts.District, parts.Province };
        if (premises is not null)
        {
            places.Insert(anywhere ? (rng.Next(2) == 0 ? 1 : places.Count) : 0, premises);
        }

        return string.Join(' ', places.Where(p => !string.IsNullOrEmpty(p)));
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
