using System.Globalization;
using System.IO.Compression;
using System.Text;
using Integration.Core.Dates;

namespace Integration.Generator.Output;

/// <summary>
/// Whole files a landing zone receives by mistake, for demonstrating ingest's file checks (--bad-files). Each is
/// built so that whatever ingest does with it, the generated ground truth still holds: snapshot-feed bad files
/// are dated a month before the real snapshot (which therefore supersedes them), and append-feed bad files carry
/// no new values.
/// </summary>
public static class BadFiles
{
    /// <summary>The files written, relative to the output folder, with what is wrong with each.</summary>
    public static IReadOnlyList<(string File, string Problem)> Write(string outDir, GeneratorOptions options, IReadOnlyList<string> contributionFiles, string inspectionsFile)
    {
        var earlier = IsoDate.Format(options.AsOf.AddMonths(-1));
        var asOf = IsoDate.Format(options.AsOf);
        var written = new List<(string, string)>();

        // Not UTF-8: an inspection extract saved from a Windows-1252 spreadsheet.
        var latin1 = $"nssf-inspections/nssf-inspections_{earlier}_legacy-encoding.csv";
        var text = "nssf_id,registration_no,inspected_on,outcome,inspector,notes\n" +
                   $"990000001,,{earlier},COMPLIANT,Sok Dara,Visite effectuée; employeur présent\n";
        File.WriteAllBytes(Path.Combine(outDir, latin1), Encoding.Latin1.GetBytes(text));
        written.Add((latin1, "not UTF-8 (Windows-1252 bytes)"));

        // Wrong header: the GDT's own column titles instead of the canonical names.
        var header = $"gdt-taxpayers/gdt-taxpayers_{earlier}_wrong-header.csv";
        File.WriteAllText(
            Path.Combine(outDir, header),
            "TIN Number,Taxpayer Name (KH),Taxpayer Name (EN),Status\nK001-999999999,ក្រុមហ៊ុន សាកល្បង ឯ.ក,TEST Co., Ltd.,ACTIVE\n",
            new UTF8Encoding(false));
        written.Add((header, "wrong header (no canonical column names)"));

        // Truncated: the first lines of the real inspections file, cut inside the last line.
        var truncated = $"nssf-inspections/nssf-inspections_{asOf}_truncated.csv";
        var lines = ReadLines(Path.Combine(outDir, inspectionsFile)).Take(12).ToList();
        if (inspectionsFile.Contains(".jsonl", StringComparison.Ordinal))
        {
            truncated = truncated.Replace(".csv", ".jsonl", StringComparison.Ordinal);
        }

        var body = string.Join('\n', lines.Take(lines.Count - 1)) + (lines.Count > 1 ? "\n" : "") + (lines.Count > 0 ? lines[^1][..(lines[^1].Length / 2)] : "");
        File.WriteAllText(Path.Combine(outDir, truncated), body, new UTF8Encoding(false));
        written.Add((truncated, "truncated last line (no line break, fields missing)"));

        // Empty.
        var empty = $"nssf-contributions/nssf-contributions_{earlier}_empty.csv";
        File.WriteAllBytes(Path.Combine(outDir, empty), []);
        written.Add((empty, "empty (0 bytes)"));

        // The same file delivered twice under another name.
        var last = contributionFiles[^1];
        var resent = last.Replace("nssf-contributions_", "nssf-contributions-resent_", StringComparison.Ordinal);
        File.Copy(Path.Combine(outDir, last), Path.Combine(outDir, resent));
        written.Add((resent, $"same bytes as {last}"));

        // A contributions extract dropped into the MoC folder.
        var first = contributionFiles[0];
        var wrongFeed = $"moc-licences/moc-licences_{earlier}_wrong-feed" + first[first.IndexOf('.', StringComparison.Ordinal)..];
        File.Copy(Path.Combine(outDir, first), Path.Combine(outDir, wrongFeed));
        written.Add((wrongFeed, $"an nssf-contributions file ({first}) in the moc-licences folder"));

        File.WriteAllLines(
            Path.Combine(outDir, Core.Truth.GroundTruth.Folder, "bad-files.csv"),
            ["file,problem", .. written.Select(w => Core.Csv.CsvWriter.Join([w.Item1, w.Item2]))],
            new UTF8Encoding(false));
        return written;
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        using Stream raw = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
