namespace Integration.Alerts.Model;

/// <summary>An ISIC Rev.4 section (or the garment group), with the two-digit divisions it covers.</summary>
public sealed record Sector(string Code, string NameEn, string NameKm, IReadOnlyList<string> Divisions);

/// <summary>
/// Sectors of the firms' ISIC Rev.4 classes (the registers' isic_code, four digits): the 21 sections, and
/// "garment, textile and footwear" (divisions 13-15), the group the ILO and Oxfam studies report on.
/// </summary>
public static class Sectors
{
    public const string Garment = "garment";

    private static readonly (string Code, int From, int To, string En, string Km)[] Sections =
    [
        ("A", 1, 3, "Agriculture, forestry and fishing", "កសិកម្ម រុក្ខកម្ម និងនេសាទ"),
        ("B", 5, 9, "Mining and quarrying", "ការជីករ៉ែ និងយកថ្ម"),
        ("C", 10, 33, "Manufacturing", "ឧស្សាហកម្មផលិត"),
        ("D", 35, 35, "Electricity, gas and steam", "អគ្គិសនី ឧស្ម័ន និងចំហាយ"),
        ("E", 36, 39, "Water supply and waste", "ការផ្គត់ផ្គង់ទឹក និងកាកសំណល់"),
        ("F", 41, 43, "Construction", "សំណង់"),
        ("G", 45, 47, "Wholesale and retail trade", "ពាណិជ្ជកម្មលក់ដុំ និងលក់រាយ"),
        ("H", 49, 53, "Transport and storage", "ដឹកជញ្ជូន និងឃ្លាំង"),
        ("I", 55, 56, "Accommodation and food", "សណ្ឋាគារ និងភោជនីយដ្ឋាន"),
        ("J", 58, 63, "Information and communication", "ព័ត៌មាន និងទំនាក់ទំនង"),
        ("K", 64, 66, "Finance and insurance", "ហិរញ្ញវត្ថុ និងធានារ៉ាប់រង"),
        ("L", 68, 68, "Real estate", "អចលនទ្រព្យ"),
        ("M", 69, 75, "Professional and technical", "សេវាវិជ្ជាជីវៈ និងបច្ចេកទេស"),
        ("N", 77, 82, "Administrative and support", "សេវារដ្ឋបាល និងសេវាគាំទ្រ"),
        ("O", 84, 84, "Public administration", "រដ្ឋបាលសាធារណៈ"),
        ("P", 85, 85, "Education", "ការអប់រំ"),
        ("Q", 86, 88, "Health and social work", "សុខាភិបាល និងសង្គមកិច្ច"),
        ("R", 90, 93, "Arts and recreation", "សិល្បៈ និងការកម្សាន្ត"),
        ("S", 94, 96, "Other services", "សេវាកម្មផ្សេងទៀត"),
        ("T", 97, 98, "Households as employers", "គ្រួសារជានិយោជក"),
        ("U", 99, 99, "Extraterritorial bodies", "អង្គការក្រៅដែនដី"),
    ];

    public static IReadOnlyList<Sector> All { get; } =
    [
        .. Sections.Select(s => new Sector(s.Code, s.En, s.Km, Enumerable.Range(s.From, s.To - s.From + 1).Select(d => d.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToList())),
        new Sector(Garment, "Garment, textile and footwear", "កាត់ដេរ វាយនភណ្ឌ និងស្បែកជើង", ["13", "14", "15"]),
    ];

    public static Sector Unknown { get; } = new("?", "Not known", "មិនស្គាល់", []);

    public static Sector? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : All.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The section of an ISIC class or division (garment firms fall in C here); <see cref="Unknown"/> when none.</summary>
    public static Sector SectionOf(string? isic)
    {
        var division = Division(isic);
        return division is null ? Unknown : All.FirstOrDefault(s => s.Code != Garment && s.Divisions.Contains(division, StringComparer.Ordinal)) ?? Unknown;
    }

    public static bool IsGarment(string? isic) => Division(isic) is "13" or "14" or "15";

    /// <summary>The two-digit division of a class such as 1410; null when the code does not start with two digits.</summary>
    public static string? Division(string? isic)
    {
        var t = isic?.Trim();
        return t is { Length: >= 2 } && char.IsAsciiDigit(t[0]) && char.IsAsciiDigit(t[1]) ? t[..2] : null;
    }

    /// <summary>
    /// SQL: the sector's divisions over <paramref name="column"/> as one range of class codes (every sector's
    /// divisions are contiguous), so an index on the column serves it. Parameters @sectorFrom, @sectorTo.
    /// </summary>
    public static string SqlFilter(Sector sector, string column, Dapper.DynamicParameters args)
    {
        var last = int.Parse(sector.Divisions[^1], System.Globalization.CultureInfo.InvariantCulture);
        args.Add("sectorFrom", sector.Divisions[0]);
        args.Add("sectorTo", (last + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        return $"({column} >= @sectorFrom AND {column} < @sectorTo)";
    }
}
