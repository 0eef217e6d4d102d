using Integration.Core.Csv;

namespace Integration.Generator.Reference;

/// <summary>A word in Khmer script with its usual romanisation.</summary>
public sealed record KhmerWord(string Km, string Latin);

/// <summary>
/// Khmer personal name parts (given names and surnames) with one romanisation each. The full lexicon comes from
/// the kname CSV given in configuration (<c>Reference:NamesPath</c> or <c>--names</c>, layout of
/// shared/data/khmer-names); without it a small built-in list is used so the generator needs no external files.
/// </summary>
public sealed class PersonNames(IReadOnlyList<KhmerWord> given, IReadOnlyList<KhmerWord> surnames)
{
    public IReadOnlyList<KhmerWord> Given { get; } = given;

    public IReadOnlyList<KhmerWord> Surnames { get; } = surnames;

    public bool IsBuiltIn { get; private init; }

    /// <summary>The kname CSV at <paramref name="path"/> (a file or the folder holding kname_khmer_names.csv), else the built-in list.</summary>
    public static PersonNames Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return BuiltIn;
        }

        var file = Directory.Exists(path) ? Path.Combine(path, "kname_khmer_names.csv") : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"Khmer names file not found: {file}", file);
        }

        using var reader = new StreamReader(file);
        var csv = new CsvReader(reader);
        var header = csv.Read()?.Fields.ToList() ?? throw new InvalidDataException($"{file}: empty file.");
        int Col(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw new InvalidDataException($"{file}: column '{name}' missing.");
        var (gKm, sKm, gLat, sLat) = (Col("givenName"), Col("surname"), Col("romanizedGiven"), Col("romanizedSurname"));
        var given = new List<KhmerWord>();
        var surnames = new List<KhmerWord>();
        var seenGiven = new HashSet<string>(StringComparer.Ordinal);
        var seenSurname = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in csv.ReadAll())
        {
            if (r.Fields.Count < header.Count)
            {
                continue;
            }

            if (seenGiven.Add(r.Fields[gKm]))
            {
                given.Add(new KhmerWord(r.Fields[gKm].Trim(), r.Fields[gLat].Trim()));
            }

            if (seenSurname.Add(r.Fields[sKm]))
            {
                surnames.Add(new KhmerWord(r.Fields[sKm].Trim(), r.Fields[sLat].Trim()));
            }
        }

        return given.Count > 0 && surnames.Count > 0
            ? new PersonNames(given, surnames)
            : throw new InvalidDataException($"{file}: no names read.");
    }

    /// <summary>Common Khmer given names and surnames (public knowledge, romanised as people usually write them).</summary>
    public static PersonNames BuiltIn { get; } = new(
        [
            new("ដារា", "Dara"), new("សុខា", "Sokha"), new("សុភា", "Sophea"), new("បុប្ផា", "Bopha"), new("ចក្រា", "Chakra"),
            new("រិទ្ធ", "Rith"), new("វិចិត្រ", "Vichet"), new("វិបុល", "Vibol"), new("សិរី", "Serey"), new("ស្រីណា", "Sreyna"),
            new("ពេជ្រ", "Pich"), new("មេត្តា", "Metta"), new("លក្ខិណា", "Lakhena"), new("ចន្ទ្រា", "Chantrea"), new("បុរី", "Borey"),
            new("សំណាង", "Samnang"), new("វណ្ណា", "Vanna"), new("សុផល", "Sophal"), new("ធារី", "Theary"), new("ម៉ាលី", "Maly"),
        ],
        [
            new("សុខ", "Sok"), new("ចាន់", "Chan"), new("លី", "Ly"), new("គឹម", "Kim"), new("ហេង", "Heng"),
            new("សេង", "Seng"), new("ជា", "Chea"), new("ឡុង", "Long"), new("អ៊ុំ", "Um"), new("អ៊ូច", "Ouch"),
            new("យី", "Yi"), new("ស៊ុំ", "Sum"), new("ហួត", "Huot"), new("ប៊ុន", "Bun"), new("នួន", "Nuon"),
            new("ថោង", "Thong"), new("ឆៃ", "Chhay"), new("វង្ស", "Vong"), new("សែន", "Saen"), new("ថាច់", "Thach"),
        ])
    { IsBuiltIn = true };
}
