using Integration.Core.Reference;
using Integration.Matching.Clustering;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>
/// <see cref="SecondChanceEmployers"/>: an enterprise with licence or taxpayer records and no NSSF employer gets a
/// targeted search among the free employers; the best one that reaches the floor, and resembles no other such
/// enterprise more, is kept as an unjoined review-band pair.
/// </summary>
public class SecondChanceEmployersTests
{
    private const int Moc = 0, Gdt = 1, Nssf = 2;

    private static readonly Lazy<Standardiser> Standardiser = new(() => new Standardiser(Gazetteer.Shipped.Value));

    private static StandardRecord Record(int feed, string key, string name, string address) =>
        Standardiser.Value.Standardise(new SourceRecord { Feed = feed, SourceKey = key, NameEn = name, Address = address });

    /// <summary>A decide stage that says how alike the two names are, so the test does not depend on a trained model.</summary>
    private static Func<int, int, int, PairDecision> ByName(StandardRecord[] records, Dictionary<(string, string), double> p) =>
        (a, b, pattern) =>
        {
            var probability = p.GetValueOrDefault((records[a].Source.SourceKey, records[b].Source.SourceKey), 0.01);
            return new PairDecision(pattern, Math.Log2(probability / (1 - probability)), probability, probability >= 0.8 ? LinkMethod.Review : null);
        };

    private static readonly MatchingOptions Options = new() { SecondChanceThreshold = 0.05, ReviewThreshold = 0.8 };

    [Fact]
    public void An_employer_less_enterprise_gets_its_best_free_employer_as_an_unjoined_review_pair()
    {
        StandardRecord[] records =
        [
            Record(Moc, "M1", "Silver Friendship Development", "#234, National Road 6, Sralau, Tang Kouk, Kampong Thom"),
            Record(Gdt, "G1", "Silver Friendship Development", "#234, National Road 6, Sralau, Tang Kouk, Kampong Thom"),
            Record(Nssf, "N1", "SilverFriendship Dvpt.", "National Road 6, Sralau, Tang Kouk, Kampong Thom"),
            Record(Nssf, "N2", "Golden Rice Mill", "St. 5, Sralau, Tang Kouk, Kampong Thom"),
        ];
        var p = new Dictionary<(string, string), double> { [("M1", "N1")] = 0.3, [("G1", "N1")] = 0.2, [("M1", "N2")] = 0.02 };

        var outcome = SecondChanceEmployers.Find(records, [[0, 1], [2], [3]], [], [], ByName(records, p), Options);

        var pair = Assert.Single(outcome.Pairs);
        Assert.Equal((0, 2, LinkMethod.Review), (pair.A, pair.B, pair.Method));
        Assert.Equal(0.3, pair.Probability);
        Assert.Equal((1, 2), (outcome.Targets, outcome.FreeEmployers));
    }

    [Fact]
    public void An_employer_lends_its_doubt_to_the_enterprise_it_resembles_most_and_skips_enterprises_already_weighed()
    {
        StandardRecord[] records =
        [
            Record(Moc, "M1", "Reaksmey Engineering", "National Road 3, Khvaeng Andoung, Kaoh Thum, Kandal"),
            Record(Moc, "M2", "Reaksmey Trading", "National Road 3, Khvaeng Andoung, Kaoh Thum, Kandal"),
            Record(Nssf, "N1", "Rasmey Engg", "National Road 3, Khvaeng Andoung, Kaoh Thum, Kandal"),
            Record(Moc, "M3", "Reaksmey Engineering Services", "National Road 3, Khvaeng Andoung, Kaoh Thum, Kandal"),
            Record(Nssf, "N3", "Reaksmey Engineering Services", "National Road 3, Khvaeng Andoung, Kaoh Thum, Kandal"),
        ];
        var p = new Dictionary<(string, string), double> { [("M1", "N1")] = 0.4, [("M2", "N1")] = 0.1, [("M3", "N1")] = 0.6, [("N1", "M3")] = 0.6 };

        // M3 already has a review-band pair with N3 (another employer): the alerts weigh that one, so N1 goes to M1.
        List<LinkEdge> known = [new(3, 4, 0, 3, 0.85, LinkMethod.Review)];
        var outcome = SecondChanceEmployers.Find(records, [[0], [1], [2], [3], [4]], known, [], ByName(records, p), Options);

        Assert.Equal([(0, 2)], outcome.Pairs.Select(e => (e.A, e.B)));
    }

    [Fact]
    public void A_licence_only_enterprise_gets_its_best_free_taxpayer_whose_headcount_it_lacks()
    {
        // 0 MoC alone; 1 GDT alone (its headcount is the firm's employees evidence); 2 GDT already with a MoC record (not free).
        StandardRecord[] records =
        [
            Record(Moc, "M1", "Sovann Dental Clinic", "N 39E, Flat 7B, Bu Chum, Ampil Pram Daeum, Battambang"),
            Record(Gdt, "G1", "Sowann Dental Polyclinic", "Unit 7B, N 39E, Bu Chum, Ampil Pram Daeum, Battambang"),
            Record(Gdt, "G2", "Sovann Dental Clinic", "N 39E, Flat 7B, Bu Chum, Ampil Pram Daeum, Battambang"),
            Record(Moc, "M2", "Sovann Dental Clinic", "N 39E, Flat 7B, Bu Chum, Ampil Pram Daeum, Battambang"),
        ];
        var p = new Dictionary<(string, string), double> { [("M1", "G1")] = 0.3, [("M1", "G2")] = 0.6 };

        var outcome = SecondChanceEmployers.Find(records, [[0], [1], [2, 3]], [], [], ByName(records, p), Options);

        Assert.Equal([(0, 1)], outcome.Pairs.Select(e => (e.A, e.B)));
    }

    [Fact]
    public void A_clerk_reject_or_a_floor_at_the_review_threshold_keeps_nothing()
    {
        StandardRecord[] records =
        [
            Record(Moc, "M1", "Silver Friendship Development", "#234, National Road 6, Sralau, Tang Kouk, Kampong Thom"),
            Record(Nssf, "N1", "Silver Friendship Development", "#234, National Road 6, Sralau, Tang Kouk, Kampong Thom"),
        ];
        var p = new Dictionary<(string, string), double> { [("M1", "N1")] = 0.5 };

        Assert.Empty(SecondChanceEmployers.Find(records, [[0], [1]], [], [(0, 1)], ByName(records, p), Options).Pairs);
        Assert.Empty(SecondChanceEmployers.Find(records, [[0], [1]], [], [], ByName(records, p), new MatchingOptions { SecondChanceThreshold = 0.8, ReviewThreshold = 0.8 }).Pairs);
        Assert.Single(SecondChanceEmployers.Find(records, [[0], [1]], [], [], ByName(records, p), Options).Pairs);
    }
}
