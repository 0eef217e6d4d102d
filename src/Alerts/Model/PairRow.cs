namespace Integration.Alerts.Model;

/// <summary>How the matcher (or a clerk) settled one scored pair of records (match_pairs.band).</summary>
public enum PairBand
{
    /// <summary>Linked automatically: a verified identifier or a corroborated fuzzy match.</summary>
    Link,

    /// <summary>In the review band: linked provisionally, or refused for a better-supported rival, until a clerk decides.</summary>
    Review,

    /// <summary>A clerk accepted the pair: wins over the matcher.</summary>
    ClerkAccept,

    /// <summary>A clerk rejected the pair: the two records are not one firm.</summary>
    ClerkReject,

    /// <summary>A band this version does not know: treated as uncertain, never as proof.</summary>
    Unknown,
}

/// <summary>The stored text of <see cref="PairBand"/>, in one place.</summary>
public static class PairBands
{
    public static PairBand Parse(string? band) => band?.Trim().ToUpperInvariant() switch
    {
        "LINK" => PairBand.Link,
        "REVIEW" => PairBand.Review,
        "CLERK_ACCEPT" => PairBand.ClerkAccept,
        "CLERK_REJECT" => PairBand.ClerkReject,
        _ => PairBand.Unknown,
    };

    /// <summary>A pair that proves the two records are one firm: an automatic link or a clerk's accept.</summary>
    public static bool IsCertain(this PairBand band) => band is PairBand.Link or PairBand.ClerkAccept;

    /// <summary>A pair that says the two records may be one firm, and no more.</summary>
    public static bool IsUncertain(this PairBand band) => band is PairBand.Review or PairBand.Unknown;
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

    public string RunId { get; init; } = "";

    public RecordKey A => new(FeedA, KeyA);

    public RecordKey B => new(FeedB, KeyB);

    public PairBand Kind => PairBands.Parse(Band);

    /// <summary>The other record of the pair, given one of them.</summary>
    public RecordKey Other(RecordKey one) => one == A ? B : A;
}
