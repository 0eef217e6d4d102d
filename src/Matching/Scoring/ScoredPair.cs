namespace Integration.Matching.Scoring;

/// <summary>How a pair (or a record) came to be linked. The order is from most to least certain.</summary>
public enum LinkMethod
{
    Clerk,
    Id,
    Fuzzy,
    Review,
}

/// <summary>A clerk's verdict on a pair.</summary>
public enum ClerkVerdict
{
    Accept,
    Reject,
}

/// <summary>A candidate pair after comparison: record indices (A &lt; B) and the packed levels.</summary>
internal readonly record struct ComparedPair(int A, int B, int Pattern);

/// <summary>One compared candidate pair: record indices (A &lt; B), packed levels, weight and probability.</summary>
internal readonly record struct ScoredPair(int A, int B, int Pattern, double Weight, double Probability);

/// <summary>A pair chosen as an edge for clustering, and why.</summary>
public readonly record struct LinkEdge(int A, int B, int Pattern, double Weight, double Probability, LinkMethod Method);
