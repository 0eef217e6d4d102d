using Integration.Generator.Model;
using Integration.Generator.Reference;

namespace Integration.Generator.Rendering;

/// <summary>The premises as one record writes them: the house_no cell, the street cell, and the phrase of the free-text line.</summary>
internal readonly record struct PremisesText(string? HouseColumn, string? StreetColumn, string? LinePhrase);

/// <summary>
/// How registers write where in a place a firm is (hard profile): the same number under many labels (No., #, House,
/// Bldg, Lot, Unit, Flat, Stall, ផ្ទះលេខ...), with or without the named site (a borey, a tower, a market, an economic
/// zone), the unit and the floor, in Latin or Khmer script.
/// </summary>
internal sealed class PremisesForms(Random rng)
{
    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("ABCDEFGH");
    private static readonly string[] HouseLabels = ["No. ", "No.", "#", "House ", "House No. ", "H. ", "N°", "No ", "Hse ", ""];
    private static readonly string[] BuildingLabels = ["Building ", "Bldg ", "Bldg. ", "Bldg. No. ", "Building No. ", "Block "];
    private static readonly string[] UnitLabels = ["Unit ", "Flat ", "Room ", "Apt. ", "Suite "];
    private static readonly string[] StallLabels = ["Stall ", "Stall No. ", "Booth ", "Table ", "Kiosk "];
    private static readonly string[] LotLabels = ["Lot ", "Plot ", "Lot No. ", "Land Lot ", "Factory Lot "];
    private static readonly string[] KhmerHouseLabels = ["ផ្ទះលេខ ", "ផ្ទះលេខ", "ផ្ទះ ", "លេខ "];

    public PremisesText Write(FirmAddress a, string? street, bool khmer)
    {
        if (a.HouseNo.Length == 0)
        {
            return new PremisesText(null, street, null);
        }

        var p = a.Premises;
        var number = Number(a.HouseNo, khmer);
        return khmer ? Khmer(p, number, street) : Latin(p, number, street);
    }

    /// <summary>The same number as registers type it: 12A, 12 A, 12a, 12-A; Khmer digits in Khmer script most of the time.</summary>
    private string Number(string n, bool khmer)
    {
        var letterAt = n.AsSpan().IndexOfAny(Letters);
        if (letterAt > 0 && char.IsAsciiDigit(n[letterAt - 1]) && rng.Next(5) == 0)
        {
            n = rng.Next(3) switch
            {
                0 => n.Insert(letterAt, " "),
                1 => n.ToLowerInvariant(),
                _ => n.Insert(letterAt, "-"),
            };
        }

        return khmer && rng.Next(10) < 7 ? KhmerDigits.Of(n) : n;
    }

    private string Pick(string[] options) => options[rng.Next(options.Length)];

    private string SiteName(Site site) => rng.Next(3) == 0 ? Pick(site.Variants) : site.Latin;

    private string Floor(int floor) => rng.Next(6) switch
    {
        0 => $"{Ordinal(floor)} Floor",
        1 => $"Floor {floor}",
        2 => $"Fl. {floor}",
        3 => $"{floor}F",
        4 => $"Level {floor}",
        _ => $"L{floor}",
    };

    private static string Ordinal(int n) => n % 100 is 11 or 12 or 13 ? n + "th" : (n % 10) switch { 1 => n + "st", 2 => n + "nd", 3 => n + "rd", _ => n + "th" };

    private PremisesText Latin(Premises? p, string number, string? street)
    {
        string house, phrase;
        switch (p?.Kind ?? PremisesKind.House)
        {
            case PremisesKind.Building:
                house = Pick(BuildingLabels) + number;
                phrase = rng.Next(3) == 0 ? Pick(HouseLabels) + number : house;
                house = rng.Next(3) == 0 ? number : house;
                break;
            case PremisesKind.Borey:
                var borey = SiteName(p!.Site!);
                var no = Pick(HouseLabels) + number;
                phrase = rng.Next(4) switch { 0 => $"{borey}, {no}", 1 => $"{no}, {borey}", 2 => $"{borey} {no}", _ => $"{no} {borey}" };
                house = rng.Next(2) == 0 ? number : no;
                street = street is null || rng.Next(3) > 0 ? street : $"{borey}, {street}";
                break;
            case PremisesKind.Unit:
                var unit = Pick(UnitLabels) + p!.Unit;
                var building = Pick(HouseLabels) + number;
                phrase = rng.Next(4) switch { 0 => $"{unit}, {building}", 1 => $"{building}, {unit}", 2 => $"{number} ({unit})", _ => $"{building}, {Floor(p.Floor ?? 1)}" };
                house = rng.Next(5) switch { 0 => unit, 1 => $"{unit}, {building}", _ => number };
                break;
            case PremisesKind.Tower:
                var tower = SiteName(p!.Site!);
                var office = Pick(UnitLabels) + p.Unit;
                var floor = Floor(p.Floor ?? 1);
                phrase = rng.Next(4) switch
                {
                    0 => $"{office}, {floor}, {tower}, No. {number}",
                    1 => $"{tower}, {floor}, #{number}",
                    2 => $"{floor} {tower}",
                    _ => $"No. {number}, {tower}",
                };
                house = rng.Next(4) switch { 0 => office, 1 => $"{floor}, {tower}", _ => number };
                street = street is null || rng.Next(2) == 0 ? street : $"{tower}, {street}";
                break;
            case PremisesKind.Stall:
                var market = SiteName(p!.Site!);
                var stall = Pick(StallLabels) + number;
                phrase = rng.Next(2) == 0 ? $"{stall}, {market}" : $"{market} {stall}";
                house = rng.Next(2) == 0 ? stall : number;
                street = rng.Next(2) == 0 ? market : street;
                break;
            case PremisesKind.ZoneLot:
                var zone = SiteName(p!.Site!);
                var lot = Pick(LotLabels) + number;
                phrase = rng.Next(2) == 0 ? $"{lot}, {zone}" : $"{zone}, {lot}";
                house = rng.Next(2) == 0 ? lot : number;
                street = rng.Next(3) == 0 ? $"{zone}, {street}" : street;
                break;
            default:
                house = rng.Next(2) == 0 ? number : Pick(HouseLabels) + number;
                phrase = Pick(HouseLabels) + number;
                break;
        }

        return new PremisesText(house, street, phrase);
    }

    private PremisesText Khmer(Premises? p, string number, string? street)
    {
        var no = Pick(KhmerHouseLabels) + number;
        var house = rng.Next(2) == 0 ? number : no;
        var phrase = (p?.Kind ?? PremisesKind.House) switch
        {
            PremisesKind.Building => (rng.Next(2) == 0 ? "អគារលេខ " : "អគារ ") + number,
            PremisesKind.Borey => rng.Next(2) == 0 ? $"{no} {p!.Site!.Km}" : $"{p!.Site!.Km} {no}",
            PremisesKind.Unit => rng.Next(2) == 0 ? $"បន្ទប់ {KhmerDigits.Of(p!.Unit!)} {no}" : $"ជាន់ទី{KhmerDigits.Of(p!.Floor ?? 1)} {no}",
            PremisesKind.Tower => $"{p!.Site!.Km} ជាន់ទី{KhmerDigits.Of(p.Floor ?? 1)} លេខ {number}",
            PremisesKind.Stall => $"តូបលេខ {number} {p!.Site!.Km}",
            PremisesKind.ZoneLot => $"ឡូតិ៍លេខ {number} {p!.Site!.Km}",
            _ => no,
        };
        return new PremisesText(house, street, phrase);
    }
}
