using Integration.Core.Reference;
using Integration.Generator.Model;

namespace Integration.Generator.Reference;

/// <summary>
/// Picks firm locations from the gazetteer. Provinces are weighted by where businesses are (Phnom Penh holds over
/// a third of registered firms; Kandal, Siem Reap, Preah Sihanouk, Battambang and the garment belts of Kampong
/// Speu and Svay Rieng follow); below the province every unit is equally likely.
/// </summary>
public sealed class Places
{
    private static readonly Dictionary<string, double> ProvinceWeights = new(StringComparer.Ordinal)
    {
        ["12"] = 38, ["08"] = 7, ["17"] = 7, ["18"] = 6, ["02"] = 5, ["03"] = 4, ["05"] = 3.5, ["21"] = 3, ["01"] = 3,
        ["14"] = 2.5, ["20"] = 2.5, ["07"] = 2, ["06"] = 2, ["04"] = 1.5, ["15"] = 1.5, ["25"] = 1.5, ["09"] = 1,
        ["10"] = 1, ["22"] = 0.8, ["16"] = 0.7, ["13"] = 0.6, ["19"] = 0.6, ["11"] = 0.5, ["23"] = 0.5, ["24"] = 0.5,
    };

    private static readonly Street[] PhnomPenhStreets =
    [
        new("Preah Monivong Blvd", "មហាវិថីព្រះមុនីវង្ស"), new("Preah Norodom Blvd", "មហាវិថីព្រះនរោត្តម"),
        new("Russian Federation Blvd", "មហាវិថីសហព័ន្ធរុស្ស៊ី"), new("Mao Tse Toung Blvd", "មហាវិថីម៉ៅសេទុង"),
        new("Preah Sihanouk Blvd", "មហាវិថីព្រះសីហនុ"), new("Kampuchea Krom Blvd", "មហាវិថីកម្ពុជាក្រោម"),
        new("Veng Sreng Blvd", "មហាវិថីវេងស្រេង"), new("Hun Sen Blvd", "មហាវិថីហ៊ុនសែន"),
    ];

    private static readonly int[] StreetNumbers = [51, 63, 93, 107, 110, 128, 136, 154, 163, 178, 182, 199, 217, 271, 289, 310, 336, 360, 371, 432, 450, 598, 1019, 2004, 2011];

    private readonly Gazetteer _gazetteer;
    private readonly GazetteerUnit[] _provinces;
    private readonly double[] _cumulative;
    private readonly Dictionary<string, GazetteerUnit[]> _children = new(StringComparer.Ordinal);

    public Places(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        _provinces = gazetteer.Provinces.OrderBy(p => p.Code, StringComparer.Ordinal).ToArray();
        if (_provinces.Length == 0)
        {
            throw new InvalidDataException("The gazetteer has no provinces.");
        }

        _cumulative = Weights.Cumulative(_provinces.Select(p => ProvinceWeights.GetValueOrDefault(p.Code, 0.5)));
    }

    public FirmAddress Pick(Random rng) => PickIn(_provinces[Weights.Pick(_cumulative, rng)], null, rng);

    /// <summary>A location in <paramref name="province"/> (and <paramref name="district"/> when given), drawn as <see cref="Pick"/> draws below it.</summary>
    public FirmAddress PickIn(GazetteerUnit province, GazetteerUnit? district, Random rng)
    {
        district ??= Child(province.Code, rng) ?? province;
        var commune = Child(district.Code, rng);
        var village = commune is null ? null : Child(commune.Code, rng);
        var villageNo = 1 + rng.Next(12);
        var houseNo = rng.Next(10) switch
        {
            < 6 => (1 + rng.Next(300)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            < 8 => (1 + rng.Next(120)).ToString(System.Globalization.CultureInfo.InvariantCulture) + (char)('A' + rng.Next(6)),
            9 => (1 + rng.Next(80)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "E" + (rng.Next(3) + 1),
            _ => "",
        };
        return new FirmAddress(province, district, commune, village, villageNo, houseNo, PickStreet(province.Code, rng));
    }

    /// <summary>The busiest districts: the first three of the heaviest-weighted province (Phnom Penh's inner khans), where shop names repeat most.</summary>
    public IReadOnlyList<GazetteerUnit> BusyDistricts()
    {
        var province = _provinces.OrderByDescending(p => ProvinceWeights.GetValueOrDefault(p.Code, 0.5)).ThenBy(p => p.Code, StringComparer.Ordinal).First();
        var districts = _gazetteer.Children(province.Code).OrderBy(c => c.Code, StringComparer.Ordinal).Take(3).ToList();
        return districts.Count > 0 ? districts : [province];
    }

    /// <summary>The province a location is in, by code; null when the gazetteer has no such province.</summary>
    public GazetteerUnit? Province(string code) => _provinces.FirstOrDefault(p => p.Code == code);

    /// <summary>Another district of the same province (what a register shows after a boundary change), or null.</summary>
    public GazetteerUnit? OtherDistrict(FirmAddress a, Random rng)
    {
        var siblings = _gazetteer.Children(a.Province.Code).Where(d => d.Code != a.District.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        return siblings.Count == 0 ? null : siblings[rng.Next(siblings.Count)];
    }

    /// <summary>A main street of the province (a boulevard in Phnom Penh, a national road elsewhere).</summary>
    public static Street MainStreet(string provinceCode, Random rng)
    {
        if (provinceCode == "12")
        {
            return PhnomPenhStreets[rng.Next(PhnomPenhStreets.Length)];
        }

        var road = 1 + rng.Next(7);
        return new Street($"National Road {road}", "ផ្លូវជាតិលេខ " + KhmerDigits.Of(road));
    }

    private static Street? PickStreet(string provinceCode, Random rng)
    {
        if (provinceCode == "12")
        {
            if (rng.Next(5) == 0)
            {
                return PhnomPenhStreets[rng.Next(PhnomPenhStreets.Length)];
            }

            var n = StreetNumbers[rng.Next(StreetNumbers.Length)];
            return new Street($"St. {n}", $"ផ្លូវលេខ {KhmerDigits.Of(n)}");
        }

        // One number per street, written in both scripts: the Latin and Khmer records of a firm name the same street.
        var kind = rng.Next(3);
        var number = kind == 1 ? 1 + rng.Next(7) : 1 + rng.Next(30);
        return kind switch
        {
            0 => null, // rural: villages have no street names
            1 => new Street($"National Road {number}", "ផ្លូវជាតិលេខ " + KhmerDigits.Of(number)),
            _ => new Street($"St. {number}", "ផ្លូវលេខ " + KhmerDigits.Of(number)),
        };
    }

    private GazetteerUnit? Child(string code, Random rng)
    {
        if (!_children.TryGetValue(code, out var children))
        {
            children = _gazetteer.Children(code).OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
            _children[code] = children;
        }

        return children.Length == 0 ? null : children[rng.Next(children.Length)];
    }
}

/// <summary>Khmer digits (U+17E0..U+17E9), which Khmer-script addresses use.</summary>
internal static class KhmerDigits
{
    public static string Of(int n) => Of(n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string Of(string s) => string.Create(s.Length, s, (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            span[i] = char.IsAsciiDigit(src[i]) ? (char)('\u17E0' + (src[i] - '0')) : src[i];
        }
    });
}

/// <summary>Weighted choice over cumulative weights.</summary>
public static class Weights
{
    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = weights.ToArray();
        var total = 0.0;
        for (var i = 0; i < list.Length; i++)
        {
            total += list[i];
            list[i] = total;
        }

        return list;
    }

    public static int Pick(double[] cumulative, Random rng)
    {
        var x = rng.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, cumulative.Length - 1);
    }
}
