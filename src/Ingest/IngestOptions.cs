namespace Integration.Ingest;

/// <summary>
/// Bound from the <c>Ingest</c> configuration section. The shipped column mappings live in
/// <c>ingest-mappings.json</c> (copied beside the binary, same shape: <c>{"Ingest":{"Mappings":{...}}}</c>);
/// appsettings.json, environment variables and <c>--set Ingest:Mappings:&lt;feed&gt;:&lt;column&gt;=&lt;canonical&gt;</c>
/// add to or override them.
/// </summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Per feed: column name in the real export -> canonical column name (case-insensitive).</summary>
    public Dictionary<string, Dictionary<string, string>> Mappings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The mapping file read before the configuration section; default ingest-mappings.json beside the binary.</summary>
    public string? MappingsFile { get; set; }

    /// <summary>Examples per quarantine reason in the data-quality report.</summary>
    public int ReportExamples { get; set; } = 3;

    /// <summary>Sizes no delivery may exceed (<c>Ingest:Limits:*</c>): memory stays bounded whatever a file holds.</summary>
    public IngestLimits Limits { get; set; } = new();

    /// <summary>When a snapshot that would remove much of a feed waits for an operator (<c>Ingest:RemovalGuard:*</c>).</summary>
    public RemovalGuardOptions RemovalGuard { get; set; } = new();

    public IReadOnlyDictionary<string, string> MappingFor(string feed) =>
        Mappings.TryGetValue(feed, out var m) ? m : new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>Upper bounds on what one delivered file may hold; a file past one is rejected (or its row quarantined) naming the limit.</summary>
public sealed class IngestLimits
{
    /// <summary>Characters of one record (a CSV record, quoted line breaks included, or a JSONL line): past it the file is rejected (RECORD_TOO_LONG).</summary>
    public int MaxRecordChars { get; set; } = 1 << 20;

    /// <summary>Characters of one field: past it the row is quarantined (FIELD_TOO_LONG).</summary>
    public int MaxFieldChars { get; set; } = 32 * 1024;

    /// <summary>Bytes of one file after decompression: past it the file is rejected (FILE_TOO_LARGE), so a gzip bomb is read no further.</summary>
    public long MaxFileBytes { get; set; } = 4L << 30;
}

/// <summary>
/// A snapshot that would mark more than <see cref="MaxShare"/> of a feed's current records REMOVED is not applied
/// but HELD until an operator confirms it (a truncated or filtered extract looks exactly like that). Feeds with
/// fewer than <see cref="MinCurrentRecords"/> current records are not guarded.
/// </summary>
public sealed class RemovalGuardOptions
{
    /// <summary>Largest share (0..1) of the current records one snapshot may remove without confirmation; 1 turns the guard off.</summary>
    public double MaxShare { get; set; } = 0.2;

    public long MinCurrentRecords { get; set; } = 100;

    /// <summary>True when removing <paramref name="removed"/> of <paramref name="current"/> records needs an operator.</summary>
    public bool Holds(long removed, long current) =>
        current >= Math.Max(1, MinCurrentRecords) && MaxShare < 1 && removed > MaxShare * current;
}
