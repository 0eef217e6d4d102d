namespace Integration.Matching.Scoring;

/// <summary>
/// The text each fixed set of the linkage is stored and exported as (entity_links.method, match_pairs.band,
/// clerk_decisions.decision), in one place, so that code uses the enums and only storage sees the words.
/// </summary>
internal static class StoredText
{
    /// <summary>entity_links.method of a record that is linked to nothing.</summary>
    public const string Single = "single";

    public static string Of(LinkMethod? method) => method switch
    {
        null => Single,
        LinkMethod.Clerk => "clerk",
        LinkMethod.Id => "id",
        LinkMethod.Fuzzy => "fuzzy",
        LinkMethod.Review => "review",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static string Of(PairBand band) => band switch
    {
        PairBand.Link => "LINK",
        PairBand.Review => "REVIEW",
        PairBand.ClerkAccept => "CLERK_ACCEPT",
        PairBand.ClerkReject => "CLERK_REJECT",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    public static string Of(ClerkVerdict verdict) => verdict == ClerkVerdict.Accept ? "ACCEPT" : "REJECT";

    /// <summary>A clerk's decision word (any case, trimmed), or null when it is neither ACCEPT nor REJECT.</summary>
    public static ClerkVerdict? ParseVerdict(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "ACCEPT" => ClerkVerdict.Accept,
        "REJECT" => ClerkVerdict.Reject,
        _ => null,
    };
}
