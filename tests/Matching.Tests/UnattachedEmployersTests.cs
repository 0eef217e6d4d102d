using Integration.Matching.Clustering;
using Integration.Matching.Comparison;
using Integration.Matching.Explanation;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>
/// <see cref="UnattachedEmployers"/>: an NSSF employer clustering left without any licence or taxpayer record keeps
/// its best candidate below the review band as an unjoined review-band pair; and <see cref="LinkExplanation.KeepPairs"/>
/// keeps a strong pair the constraints refused in the review band instead of dropping it.
/// </summary>
public class UnattachedEmployersTests
{
    private const int Moc = 0, Gdt = 1, Nssf = 2;

    /// <summary>A decide stage that answers with the probability given per pair: below 0.8 nothing links, from 0.8 review.</summary>
    private static Func<int, int, int, PairDecision> Scores(Dictionary<(int, int), double> p) =>
        (a, b, pattern) =>
        {
            var probability = p[(a, b)];
            LinkMethod? method = probability >= 0.99 ? LinkMethod.Fuzzy : probability >= 0.8 ? LinkMethod.Review : null;
            return new PairDecision(pattern, Math.Log2(probability / (1 - probability)), probability, method);
        };

    [Fact]
    public void An_employer_left_alone_keeps_its_best_licence_or_taxpayer_candidate_below_review_ties_included()
    {
        // 0 MoC, 1 GDT, 2 MoC, 3 NSSF employer alone; 4 NSSF whose candidates are all under the floor.
        int[] feeds = [Moc, Gdt, Moc, Nssf, Nssf];
        var p = new Dictionary<(int, int), double> { [(0, 3)] = 0.35, [(1, 3)] = 0.35, [(2, 3)] = 0.2, [(0, 4)] = 0.05, [(3, 4)] = 0.5 };
        var candidates = p.Keys.Select(k => new ComparedPair(k.Item1, k.Item2, 0)).ToList();

        var best = UnattachedEmployers.BestBelowReview(candidates, feeds, Scores(p), floor: 0.1, reviewThreshold: 0.8);
        var pairs = UnattachedEmployers.Pairs(best, feeds, [[0], [1], [2], [3], [4]], [], []);

        Assert.Equal([(0, 3), (1, 3)], pairs.Select(e => (e.A, e.B)).Order());
        Assert.All(pairs, e => Assert.Equal(LinkMethod.Review, e.Method));
    }

    [Fact]
    public void An_employer_joined_to_a_licence_or_with_a_review_pair_of_its_own_or_rejected_by_a_clerk_keeps_no_candidate()
    {
        // 0 MoC, 1 NSSF (joined to 0), 2 GDT, 3 NSSF alone with a review-band pair to 2, 4 MoC, 5 NSSF alone whose candidate a clerk rejected.
        int[] feeds = [Moc, Nssf, Gdt, Nssf, Moc, Nssf];
        var p = new Dictionary<(int, int), double> { [(1, 2)] = 0.4, [(0, 3)] = 0.4, [(4, 5)] = 0.6 };
        var candidates = p.Keys.Select(k => new ComparedPair(k.Item1, k.Item2, 0)).ToList();
        var best = UnattachedEmployers.BestBelowReview(candidates, feeds, Scores(p), floor: 0.1, reviewThreshold: 0.8);
        List<LinkEdge> edges = [new(0, 1, 0, 10, 0.999, LinkMethod.Fuzzy), new(2, 3, 0, 3, 0.85, LinkMethod.Review)];

        var pairs = UnattachedEmployers.Pairs(best, feeds, [[0, 1], [2], [3], [4], [5]], edges, [(4, 5)]);

        Assert.Empty(pairs);
    }

    [Fact]
    public void A_floor_at_or_above_the_review_threshold_turns_the_rule_off()
    {
        int[] feeds = [Moc, Nssf];
        var p = new Dictionary<(int, int), double> { [(0, 1)] = 0.5 };
        var best = UnattachedEmployers.BestBelowReview([new ComparedPair(0, 1, 0)], feeds, Scores(p), floor: 0.8, reviewThreshold: 0.8);
        Assert.Empty(best);
    }

    [Fact]
    public void A_strong_pair_the_constraints_refused_is_kept_in_the_review_band_and_a_taken_one_as_a_link()
    {
        // 0 GDT; 1 and 2 NSSF registrations; clustering took 0-1 and refused 0-2 (the slot was 1's).
        var records = Array.Empty<StandardRecord>();
        var decision = new LinkDecision(new MatchingOptions(), Model(), new PairScoring(records));
        List<LinkEdge> edges = [new(0, 1, 0, 12, 0.9999, LinkMethod.Fuzzy), new(0, 2, 0, 11, 0.9995, LinkMethod.Id), new(1, 3, 0, 2, 0.85, LinkMethod.Review)];

        var kept = LinkExplanation.KeepPairs(edges, [edges[0]], new ClerkPairs([], []), decision, records);

        Assert.Equal(
            [(0, 1, PairBand.Link, true), (0, 2, PairBand.Review, false), (1, 3, PairBand.Review, false)],
            kept.Select(k => (k.A, k.B, k.Band, k.Accepted)));
    }

    private static FellegiSunterModel Model()
    {
        var m = Enumerable.Range(0, Fields.Count).Select(f => Enumerable.Repeat(0.5, Fields.LevelCount(f)).ToArray()).ToArray();
        var u = Enumerable.Range(0, Fields.Count).Select(f => Enumerable.Repeat(0.5, Fields.LevelCount(f)).ToArray()).ToArray();
        return new FellegiSunterModel(m, u, 0.01);
    }
}
