using System.Globalization;
using System.Text.RegularExpressions;
using Integration.Core.Dates;

namespace Integration.Ingest.Reading;

internal enum SourceFormat
{
    Csv,
    Jsonl,
}

/// <summary>A delivered file as named in the landing zone: its feed, format, compression and as-of date.</summary>
internal sealed partial record LandingFile(string Feed, string Path, string Name, SourceFormat Format, bool Gzip, long Size, DateTimeOffset ArrivedAt)
{
    /// <summary>The extract date in the name (yyyy-MM-dd or yyyyMMdd), if any.</summary>
    public DateOnly? NameDate => DateInName(Name);

    public DateOnly AsOf => NameDate ?? DateOnly.FromDateTime(ArrivedAt.UtcDateTime);

    public string AsOfSource => NameDate is null ? "ARRIVAL" : "NAME";

    /// <summary>Recognises <c>&lt;feed&gt;/&lt;name&gt;.(csv|jsonl)[.gz]</c>; anything else is not a delivery.</summary>
    public static LandingFile? TryParse(string feed, string path, long size, DateTimeOffset arrivedAt)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var lower = name.ToLowerInvariant();
        var gzip = lower.EndsWith(".gz", StringComparison.Ordinal);
        if (gzip)
        {
            lower = lower[..^3];
        }

        SourceFormat? format = lower.EndsWith(".csv", StringComparison.Ordinal) ? SourceFormat.Csv
            : lower.EndsWith(".jsonl", StringComparison.Ordinal) ? SourceFormat.Jsonl
            : null;
        return format is null || name.StartsWith('.') ? null : new LandingFile(feed, path, name, format.Value, gzip, size, arrivedAt);
    }

    public static DateOnly? DateInName(string name)
    {
        foreach (Match m in DatePattern().Matches(name))
        {
            var text = m.Groups["iso"].Success ? m.Groups["iso"].Value : m.Groups["compact"].Value;
            var format = m.Groups["iso"].Success ? IsoDate.Pattern : "yyyyMMdd";
            if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<!\d)(?:(?<iso>\d{4}-\d{2}-\d{2})|(?<compact>\d{8}))(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
