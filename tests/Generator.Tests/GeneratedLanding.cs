using System.Globalization;
using System.IO.Compression;
using System.Text;
using Integration.Core.Csv;
using Integration.Core.Reference;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.TestSupport;

namespace Integration.Generator.Tests;

/// <summary>One row of a generated file, read back with the real CSV reader.</summary>
public sealed record ReadRow(string File, long Line, IReadOnlyList<string> Header, IReadOnlyList<string> Fields)
{
    public string this[string column] => Header.ToList().IndexOf(column) is >= 0 and var i && i < Fields.Count ? Fields[i] : "";
}

/// <summary>A generator run into a temp folder, with helpers to read what it wrote.</summary>
public sealed class GeneratedLanding : IDisposable
{
    public static readonly DateOnly AsOf = new(2026, 10, 1);

    private readonly TempFolder _folder;

    public GeneratedLanding(GeneratorOptions? options = null, Gazetteer? gazetteer = null, PersonNames? names = null, string name = "gen")
    {
        _folder = new TempFolder(name);
        Options = options ?? new GeneratorOptions { Scale = 1500, Seed = 7, AsOf = AsOf };
        Summary = new RegistryGenerator(Options, gazetteer ?? Gazetteer.Shipped.Value, names ?? PersonNames.Shipped).Run(_folder.Path);
        BadRows = Read(Path.Combine(Dir, "ground-truth", RegistryGenerator.BadRowsFile)).ToList();
    }

    public GeneratorOptions Options { get; }

    public GenerationSummary Summary { get; }

    public string Dir => _folder.Path;

    /// <summary>ground-truth/bad-rows.csv.</summary>
    public IReadOnlyList<ReadRow> BadRows { get; }

    public ISet<(string File, long Line)> BadLines => BadRows.Select(r => (r["file"], long.Parse(r["line"], CultureInfo.InvariantCulture))).ToHashSet();

    /// <summary>Feed files written by the main run (whole bad files excluded), in as-of order.</summary>
    public IEnumerable<string> Files(string feed) =>
        Directory.EnumerateFiles(Path.Combine(Dir, feed))
            .Where(f => Path.GetFileName(f).Split('_').Length == 2 && !Path.GetFileName(f).Contains("resent", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Every row of a feed (CSV only).</summary>
    public IEnumerable<ReadRow> Rows(string feed) => Files(feed).SelectMany(Read);

    /// <summary>Rows not listed in bad-rows.csv: the ones a correct ingest loads.</summary>
    public IEnumerable<ReadRow> ValidRows(string feed)
    {
        var bad = BadLines;
        return Rows(feed).Where(r => !bad.Contains((r.File, r.Line)));
    }

    /// <summary>
    /// A listed bad row that ingest loads with a field warning: a legacy-font name_km, or a bad date in a column no
    /// rule reads (all date columns of MoC, GDT and contributions; NSSF's registration date and the inspection date
    /// quarantine). It is a record of its firm, with that one field lost.
    /// </summary>
    public static bool LoadsWithFieldWarning(ReadRow bad) =>
        bad["kind"] == "LegacyKhmerFont" || (bad["kind"] == "BadDate" && bad["feed"] is "moc-licences" or "gdt-taxpayers" or "nssf-contributions");

    /// <summary>The rows ingest loads: the valid ones and the bad ones that cost only a field.</summary>
    public IEnumerable<ReadRow> LoadedRows(string feed)
    {
        var quarantined = BadRows.Where(b => !LoadsWithFieldWarning(b)).Select(r => (r["file"], long.Parse(r["line"], CultureInfo.InvariantCulture))).ToHashSet();
        return Rows(feed).Where(r => !quarantined.Contains((r.File, r.Line)));
    }

    public static IEnumerable<ReadRow> Read(string path)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        using Stream raw = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var csv = new CsvReader(reader);
        var header = csv.Read()?.Fields ?? [];
        while (csv.Read() is { } record)
        {
            yield return new ReadRow(relative, record.Line, header, record.Fields);
        }
    }

    public static string[] HeaderOf(string path)
    {
        using Stream raw = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new CsvReader(reader).Read()!.Fields.ToArray();
    }

    public static bool HasKhmer(string s) => s.Any(c => c is >= '\u1780' and <= '\u17FF' or >= '\u19E0' and <= '\u19FF');

    public void Dispose() => _folder.Dispose();
}
