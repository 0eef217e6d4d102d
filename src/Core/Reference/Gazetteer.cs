using System.Globalization;
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
/// Cambodia's administrative divisions. The full NCDD set is loaded from a folder given in configuration
/// (<c>Reference:GazetteerPath</c>, the layout of shared/data/gazetteer); without it a built-in subset is
/// used (all provinces and districts, communes of Phnom Penh, Siem Reap, Preah Sihanouk and Kandal), so the
/// product runs with no external files. Data: NCDD via dwilkie/pumi, MIT licence.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerUnit> _byCode;
    private readonly ILookup<string, GazetteerUnit> _children;

    public Gazetteer(IEnumerable<GazetteerUnit> units)
    {
        Units = units.ToList();
        _byCode = Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _children = Units.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!, StringComparer.Ordinal);
    }

    public IReadOnlyList<GazetteerUnit> Units { get; }

    /// <summary>True when this is the built-in subset rather than a full gazetteer.</summary>
    public bool IsBuiltIn { get; private init; }

    public IEnumerable<GazetteerUnit> Provinces => Units.Where(u => u.Level == GazetteerLevel.Province);

    public IEnumerable<GazetteerUnit> Districts => Units.Where(u => u.Level == GazetteerLevel.District);

    public IEnumerable<GazetteerUnit> Communes => Units.Where(u => u.Level == GazetteerLevel.Commune);

    public GazetteerUnit? Find(string code) => _byCode.GetValueOrDefault(code);

    public IEnumerable<GazetteerUnit> Children(string code) => _children[code];

    /// <summary>The full gazetteer from <paramref name="folder"/> when it exists, else the built-in subset.</summary>
    public static Gazetteer Load(string? folder) =>
        !string.IsNullOrWhiteSpace(folder) && File.Exists(Path.Combine(folder, "cambodia_provinces.csv"))
            ? LoadFolder(folder)
            : BuiltIn.Value;

    public static readonly Lazy<Gazetteer> BuiltIn = new(() =>
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("Integration.Core.Reference.gazetteer-builtin.csv")!;
        using var reader = new StreamReader(stream);
        return new Gazetteer(Read(reader, builtIn: true)) { IsBuiltIn = true };
    });

    private static Gazetteer LoadFolder(string folder)
    {
        var files = new[] { "cambodia_provinces.csv", "cambodia_districts.csv", "cambodia_communes.csv", "cambodia_villages.csv" };
        var units = new List<GazetteerUnit>();
        foreach (var file in files.Select(f => Path.Combine(folder, f)).Where(File.Exists))
        {
            using var reader = new StreamReader(file);
            units.AddRange(Read(reader, builtIn: false));
        }

        return new Gazetteer(units);
    }

    private static IEnumerable<GazetteerUnit> Read(TextReader reader, bool builtIn)
    {
        var csv = new CsvReader(reader);
        var header = csv.Read()!.Fields;
        int Col(string name) => header.ToList().IndexOf(name);
        var (code, level, km, latin) = (Col("code"), Col("level"), Col("name_km"), Col("name_latin"));
        var (unitKm, unitLatin) = builtIn ? (Col("unit_km"), Col("unit_latin")) : (Col("admin_unit_km"), Col("admin_unit_latin"));
        foreach (var r in csv.ReadAll())
        {
            if (r.Fields.Count < header.Count)
            {
                continue;
            }

            var lvl = Enum.Parse<GazetteerLevel>(r.Fields[level], ignoreCase: true);
            yield return new GazetteerUnit(r.Fields[code], lvl, r.Fields[km], r.Fields[latin], r.Fields[unitKm], r.Fields[unitLatin]);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Gazetteer({Units.Count} units{(IsBuiltIn ? ", built-in" : "")})");
}

/// <summary>Bound from the <c>Reference</c> configuration section.</summary>
public sealed class ReferenceOptions
{
    public const string Section = "Reference";

    /// <summary>Folder with the full NCDD gazetteer CSVs; empty for the built-in subset.</summary>
    public string GazetteerPath { get; set; } = "";
}
