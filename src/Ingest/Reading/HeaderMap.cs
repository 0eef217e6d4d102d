using Integration.Ingest.Feeds;

namespace Integration.Ingest.Reading;

/// <summary>
/// Which canonical column each column of a delivered file holds, after the feed's configured mapping.
/// A column is canonical when the mapping names it, or when its own name is canonical once trimmed,
/// lower-cased and with spaces/dashes turned into underscores (so <c>Insured Workers</c> needs no entry).
/// </summary>
internal sealed class HeaderMap
{
    private HeaderMap(FeedDefinition feed, int[] targets, IReadOnlyList<string> unknown, IReadOnlyList<string> sourceNames)
    {
        Feed = feed;
        Targets = targets;
        Unknown = unknown;
        SourceNames = sourceNames;
    }

    public FeedDefinition Feed { get; }

    /// <summary>For each source column, the index of its canonical column in <see cref="FeedDefinition.Columns"/>, or -1.</summary>
    public int[] Targets { get; }

    /// <summary>Source columns that map to nothing: ignored, and reported.</summary>
    public IReadOnlyList<string> Unknown { get; }

    public IReadOnlyList<string> SourceNames { get; }

    public int SourceCount => Targets.Length;

    /// <summary>Number of source columns that are canonical columns of the feed.</summary>
    public int KnownCount => Targets.Count(t => t >= 0);

    public bool Has(string canonical)
    {
        var i = Feed.IndexOf(canonical);
        return i >= 0 && Array.IndexOf(Targets, i) >= 0;
    }

    /// <summary>
    /// Maps a header. Fails (returns an error) when two source columns land on the same canonical column,
    /// because which one to believe would be a guess.
    /// </summary>
    public static HeaderMap Build(FeedDefinition feed, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> mapping, out string? error)
    {
        error = null;
        var byName = new Dictionary<string, string>(mapping, StringComparer.OrdinalIgnoreCase);
        var targets = new int[header.Count];
        var unknown = new List<string>();
        var names = new List<string>(header.Count);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').Trim();
            names.Add(name);
            var canonical = byName.TryGetValue(name, out var mapped) ? mapped : Normalise(name);
            var index = feed.IndexOf(canonical);
            if (index < 0)
            {
                targets[i] = -1;
                if (name.Length > 0)
                {
                    unknown.Add(name);
                }

                continue;
            }

            var earlier = Array.IndexOf(targets, index, 0, i);
            if (earlier >= 0 && error is null)
            {
                error = $"columns '{Validation.Excerpt.Of(names[earlier])}' and '{Validation.Excerpt.Of(name)}' both map to {canonical}";
            }

            targets[i] = index;
        }

        return new HeaderMap(feed, targets, unknown, names);
    }

    public static string Normalise(string name) =>
        name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
