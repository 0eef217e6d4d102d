using Integration.Matching.Blocking;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching;

/// <summary>A clerk's decision on a pair, by feed and key (orientation free), as stored in clerk_decisions.</summary>
public sealed record ClerkDecision(string FeedA, string KeyA, string FeedB, string KeyB, string Decision, string DecidedBy, string DecidedAt)
{
    public ClerkVerdict? Verdict => StoredText.ParseVerdict(Decision);
}

/// <summary>
/// How one record ended up linked: through <paramref name="Edge"/> (its least certain accepted link), or
/// alone with <paramref name="BestProbability"/> its best candidate. The evidence text is made from these
/// when the link is stored (<see cref="Explanation.LinkExplanation.Explain"/>), not held for every record at once.
/// </summary>
public sealed record RecordLink(int Record, int Cluster, LinkMethod? Method, double Confidence, LinkEdge? Edge, double BestProbability);

/// <summary>A pair worth keeping: linked, in the review band, or decided by a clerk.</summary>
public sealed record KeptPair(int A, int B, int Pattern, double Weight, double Probability, PairBand Band, bool Accepted);

/// <summary>Everything one matching run decided, before ids are assigned and it is stored.</summary>
public sealed class LinkageResult
{
    public required StandardRecord[] Records { get; init; }
    public required FellegiSunterModel Model { get; init; }

    /// <summary>Weighs pairs with the run's term frequencies; used again to explain stored pairs.</summary>
    public required PairScoring Scoring { get; init; }
    public required List<int[]> Clusters { get; init; }
    public required RecordLink[] Links { get; init; }
    public required List<KeptPair> Pairs { get; init; }

    /// <summary>
    /// Pairs of records of one registry in one enterprise (not MoC branch licences): the registrations to clean
    /// up, each with the link that joins the two (their direct pair, or how the records were linked).
    /// </summary>
    public required List<LinkEdge> Duplicates { get; init; }
    public required BlockingStats Blocking { get; init; }
    public required Dictionary<string, double> Timings { get; init; }
    public int EmIterations { get; init; }
    public long CandidatePairs { get; init; }
}
