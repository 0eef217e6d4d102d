using System.Globalization;
using System.IO.Compression;
using Integration.Core.Csv;

namespace Integration.Core.Reference;

public enum GazetteerLevel
{
    Province,
    District,
    Commune,
    Village,
}

/// <summary>
/// One administrative unit of the NCDD gazetteer. Codes nest: province <c>PP</c>, district <c>PPDD</c>,
/// commune <c>PPDDCC</c>, village <c>PPDDCCVV</c>. <see cref="UnitLatin"/> is the unit word (Khan, Srok,
/// Krong, Sangkat, Khum, Phum...), which registries sometimes prefix to the name and sometimes drop.
/// </summary>
public sealed record GazetteerUnit(string Code, GazetteerLevel Level, string NameKm, string NameLatin, string UnitKm, string UnitLatin)
{
    public string? ParentCode => Code.Length > 2 ? Code[..^2] : null;

    public string ProvinceCode => Code[..2];
}

/// <summary>
/// Cambodia's administrative divisions: the NCDD gazetteer (25 provinces, 210 districts, 1,652 communes, 14,578
/// villages; NCDD via dwilkie/pumi, MIT licence, see Reference/gazetteer/README.md). The full set ships inside this
/// assembly, so the product resolves addresses with no external files; <c>Reference:GazetteerPath</c> points to a
/// newer copy in the same layout (cambodia_provinces.csv ... cambodia_villages.csv, plain or .gz).
/// </summary>
public sealed class Gazetteer
{
    private static readonly string[] Files = ["cambodia_provinces.csv", "cambodia_districts.csv", "cambodia_communes.csv", "cambodia_villages.csv"];
    private readonly Dictionary<string, GazetteerUnit> _byCode;
    private readonly ILookup<string, GazetteerUnit> _children;

    public Gazetteer(IEnumerable<GazetteerUnit> units)
    {
        Units = units.ToList();
        _byCode = Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _children = Units.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!, StringComparer.Ordinal);
    }

    public IReadOnlyList<GazetteerUnit> Units { get; }

    /// <summary>True when this is the copy shipped in the assembly, not one loaded from <c>Reference:GazetteerPath</c>.</summary>
    public bool IsShipped { get; private init; }

    public IEnumerable<GazetteerUnit> Provinces => Units.Where(u => u.Level == GazetteerLevel.Province);

    public IEnumerable<GazetteerUnit> Districts => Units.Where(u => u.Level == GazetteerLevel.District);

    public IEnumerable<GazetteerUnit> Communes => Units.Where(u => u.Level == GazetteerLevel.Commune);

    public GazetteerUnit? Find(string code) => _byCode.GetValueOrDefault(code);

    public IEnumerable<GazetteerUnit> Children(string code) => _children[code];

    /// <summary>The gazetteer in <paramref name="folder"/> when one is configured, else the shipped copy.</summary>
    public static Gazetteer Load(string? folder) => string.IsNullOrWhiteSpace(folder) ? Shipped.Value : LoadFolder(folder);

    /// <summary>The full NCDD gazetteer embedded in this assembly (gzip), read once per process.</summary>
    public static readonly Lazy<Gazetteer> Shipped = new(() =>
    {
        var units = new List<GazetteerUnit>();
        foreach (var file in Files)
        {
            var name = "Integration.Core.Reference.gazetteer." + file + ".gz";
            using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The shipped gazetteer resource {name} is missing from the build.");
            units.AddRange(Read(new GZipStream(stream, CompressionMode.Decompress), name));
        }

        return new Gazetteer(units) { IsShipped = true };
    });

    /// <summary>A configured copy: a folder that lacks the provinces file is a configuration error, not a reason to fall back.</summary>
    private static Gazetteer LoadFolder(string folder)
    {
        var units = new List<GazetteerUnit>();
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file);
            var gz = path + ".gz";
            if (File.Exists(path))
            {
                units.AddRange(Read(File.OpenRead(path), path));
            }
            else if (File.Exists(gz))
            {
                units.AddRange(Read(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress), gz));
            }
            else if (file == Files[0])
            {
                throw new FileNotFoundException($"Reference:GazetteerPath '{folder}' has no {file} (or {file}.gz); leave the setting empty to use the shipped gazetteer.", path);
            }
        }

        return new Gazetteer(units);
    }

    private static List<GazetteerUnit> Read(Stream stream, string source)
    {
        using var reader = new StreamReader(stream);
        var csv = new CsvReader(reader);
        var header = csv.Read()?.Fields.ToList() ?? throw new InvalidDataException($"{source}: empty file.");
        int Col(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw new InvalidDataException($"{source}: column '{name}' missing.");
        var (code, level, km, latin, unitKm, unitLatin) = (Col("code"), Col("level"), Col("name_km"), Col("name_latin"), Col("admin_unit_km"), Col("admin_unit_latin"));
        var units = new List<GazetteerUnit>();
        foreach (var r in csv.ReadAll())
        {
            if (r.Fields.Count < header.Count)
            {
                continue;
            }

            var lvl = Enum.Parse<GazetteerLevel>(r.Fields[level], ignoreCase: true);
            units.Add(new GazetteerUnit(r.Fields[code], lvl, r.Fields[km], r.Fields[latin], r.Fields[unitKm], r.Fields[unitLatin]));
        }

        return units;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Gazetteer({Units.Count} units{(IsShipped ? ", shipped" : "")})");
}

/// <summary>Bound from the <c>Reference</c> configuration section.</summary>
internal sealed class ReferenceOptions
{
    public const string Section = "Reference";

    /// <summary>Folder with a newer copy of the NCDD gazetteer CSVs; empty for the copy shipped in the build.</summary>
    public string GazetteerPath { get; set; } = "";
}
