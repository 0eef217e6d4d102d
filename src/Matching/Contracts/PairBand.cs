namespace Integration.Matching.Contracts;

/// <summary>Why a pair is kept in match_pairs: linked automatically, in the review band, or decided by a clerk.</summary>
public enum PairBand
{
    Link,
    Review,
    ClerkAccept,
    ClerkReject,
}
