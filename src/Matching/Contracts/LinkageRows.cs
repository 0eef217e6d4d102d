using Integration.Ingest.Contracts;
using Integration.Matching.Scoring;

namespace Integration.Matching.Contracts;

/// <summary>How sure a stored pair's band (matching's <see cref="PairBand"/>, text from <see cref="StoredText"/>) makes the alerts.</summary>
public static class PairBands
{
    private static readonly Dictionary<string, PairBand> ByText =
        Enum.GetValues<PairBand>().ToDictionary(StoredText.Of, b => b, StringComparer.OrdinalIgnoreCase);

    /// <summary>The band of a stored text; null for a text this version does not know (treated as uncertain, never as proof).</summary>
    public static PairBand? Parse(string? band) => band is not null && ByText.TryGetValue(band.Trim(), out var b) ? b : null;

    /// <summary>A pair that proves the two records are one firm: an automatic link or a clerk's accept.</summary>
    public static bool IsCertain(this PairBand? band) => band is PairBand.Link or PairBand.ClerkAccept;

    /// <summary>A pair that says the two records may be one firm, and no more: the review band, or a band not known here.</summary>
    public static bool IsUncertain(this PairBand? band) => band is PairBand.Review or null;
}

/// <summary>
/// One row of match_pairs: two records of the latest match run that were linked, fell in the review band, or
/// were decided by a clerk. Which pairs join an enterprise's records, and how surely, is what tells a decision
/// resting on certain links from one resting on a review-band link.
/// </summary>
public sealed record PairRow
{
    public string FeedA { get; init; } = "";

    public string KeyA { get; init; } = "";

    public string FeedB { get; init; } = "";

    public string KeyB { get; init; } = "";

    public double Probability { get; init; }

    public string Band { get; init; } = "";

    public RecordKey A => new(FeedA, KeyA);

    public RecordKey B => new(FeedB, KeyB);

    /// <summary>The band; null when the stored text is not one this version knows.</summary>
    public PairBand? Kind => PairBands.Parse(Band);

    /// <summary>The other record of the pair, given one of them.</summary>
    public RecordKey Other(RecordKey one) => one == A ? B : A;
}

/// <summary>One row of entity_links: a source record's enterprise and how sure the matcher is.</summary>
public sealed record LinkRow
{
    public string Feed { get; init; } = "";

    public string SourceKey { get; init; } = "";

    public string EnterpriseId { get; init; } = "";

    public double Confidence { get; init; }

    public string Method { get; init; } = "";

    public string RunId { get; init; } = "";

    public RecordKey Record => new(Feed, SourceKey);
}

/// <summary>A source record by feed and key: how links, pairs and evidence name it.</summary>
public readonly record struct RecordKey(string Feed, string Key)
{
    /// <summary>e.g. <c>NSSF N00123</c>.</summary>
    public override string ToString() => $"{FeedNames.Label(Feed)} {Key}";
}
