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

    public IReadOnlyDictionary<string, string> MappingFor(string feed) =>
        Mappings.TryGetValue(feed, out var m) ? m : new Dictionary<string, string>();
}
