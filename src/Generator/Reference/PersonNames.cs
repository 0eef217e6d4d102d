using System.IO.Compression;
using Integration.Core.Csv;

namespace Integration.Generator.Reference;

/// <summary>A word in Khmer script with its usual romanisation.</summary>
public sealed record KhmerWord(string Km, string Latin);

/// <summary>
/// Khmer personal name parts (given names and surnames) with one romanisation each: the kname lexicon (29 given
/// names, 30 surnames; sovanken/kname, MIT licence, see Reference/khmer-names/README.md), shipped inside this
/// assembly so the generator needs no external files; <c>Reference:NamesPath</c> or <c>--names</c> loads another
/// CSV in the same layout.
/// </summary>
public sealed class PersonNames(IReadOnlyList<KhmerWord> given, IReadOnlyList<KhmerWord> surnames)
{
    public IReadOnlyList<KhmerWord> Given { get; } = given;

    public IReadOnlyList<KhmerWord> Surnames { get; } = surnames;

    /// <summary>True for the lexicon shipped in the assembly, false for one loaded from a file.</summary>
    public bool IsShipped { get; private init; }

    /// <summary>The kname lexicon embedded in this assembly (gzip), read once per process.</summary>
    public static PersonNames Shipped => ShippedNames.Value;

    private static readonly Lazy<PersonNames> ShippedNames = new(() =>
    {
        const string name = "Integration.Generator.Reference.khmer-names.kname_khmer_names.csv.gz";
        using var stream = typeof(PersonNames).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The shipped names resource {name} is missing from the build.");
        var names = Read(new GZipStream(stream, CompressionMode.Decompress), name);
        return new PersonNames(names.Given, names.Surnames) { IsShipped = true };
    });

    /// <summary>The kname CSV at <paramref name="path"/> (a file or the folder holding kname_khmer_names.csv), else the shipped lexicon.</summary>
    public static PersonNames Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Shipped;
        }

        var file = Directory.Exists(path) ? Path.Combine(path, "kname_khmer_names.csv") : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"Khmer names file not found: {file}", file);
        }

        return Read(File.OpenRead(file), file);
    }

    private static PersonNames Read(Stream stream, string file)
    {
        using var reader = new StreamReader(stream);
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
}
