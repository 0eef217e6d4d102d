namespace Integration.Matching.Standardisation;

/// <summary>
/// The word lists shipped with the matcher as data (<c>Standardisation/Data/*.tsv</c>, embedded in the assembly):
/// tab-separated lines, '#' comments and blank lines skipped. Kept as data so that a ministry can extend them
/// from its own registers without touching the code.
/// </summary>
internal static class NameData
{
    /// <summary>The fields of every data line of <paramref name="file"/> (for example "abbreviations.tsv").</summary>
    public static IEnumerable<string[]> Rows(string file)
    {
        var assembly = typeof(NameData).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var fields = text.Split('\t');
            if (fields.Length < 2 || fields.Any(f => f.Trim().Length == 0))
            {
                throw new InvalidDataException($"{file} line {line}: expected tab-separated fields, got '{text}'");
            }

            yield return fields;
        }
    }
}
