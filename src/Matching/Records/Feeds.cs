using Integration.Ingest.Contracts;

namespace Integration.Matching.Records;

/// <summary>The three registry feeds that are linked, in the fixed order used to orient pairs (moc, gdt, nssf).</summary>
public static class Feeds
{
    public const string Moc = FeedNames.Moc;
    public const string Gdt = FeedNames.Gdt;
    public const string Nssf = FeedNames.Nssf;

    public static readonly string[] All = [Moc, Gdt, Nssf];

    /// <summary>Short names used in <c>feeds</c> columns and registry-pair labels.</summary>
    public static readonly string[] Short = ["moc", "gdt", "nssf"];

    public static int Index(string feed) => feed switch
    {
        Moc => 0,
        Gdt => 1,
        Nssf => 2,
        _ => throw new ArgumentException($"'{feed}' is not a registry feed that is matched.", nameof(feed)),
    };

    public static string PairLabel(int a, int b) => a <= b ? $"{Short[a]}-{Short[b]}" : $"{Short[b]}-{Short[a]}";
}
