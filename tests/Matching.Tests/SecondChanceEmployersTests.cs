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

    private static StandardRecord Khmer(int feed, string key, string nameKm, string address) =>
        Standardiser.Value.Standardise(new SourceRecord { Feed = feed, SourceKey = key, NameKm = nameKm, Address = address });

    [Fact]
    public void An_exact_namesake_below_the_floor_is_kept_when_its_blank_or_foreign_address_gives_the_model_nothing_to_weigh()
    {
        StandardRecord[] records =
        [
            Khmer(Moc, "M1", "ក្រុមហ៊ុន អភិ ប៊ុន កាត់ដេរ ឯ.ក", "No 172, St. 310, Kouk Roka, Praek Pnov, Phnom Penh"),
            Khmer(Nssf, "N1", "អភិ ប៊ុន កាត់ដេរ", ""),
            Khmer(Moc, "M2", "ក្រុមហ៊ុន រស្មី ភោជនីយដ្ឋាន ឯ.ក", "No 38E2, National Road 5, Tboung Khmum"),
            Khmer(Nssf, "N2", "រស្មី ភោជនីយដ្ឋាន", "1500 Century Avenue, Pudong New Area, Shanghai, China"),
        ];

        // The default decide stage gives every pair 0.01, below the 0.05 floor.
        var outcome = SecondChanceEmployers.Find(records, [[0], [1], [2], [3]], [], [], ByName(records, []), Options);

        Assert.Equal([(0, 1), (2, 3)], outcome.Pairs.Select(e => (e.A, e.B)).Order());
        Assert.All(outcome.Pairs, e => Assert.Equal(LinkMethod.Review, e.Method));
        Assert.Empty(SecondChanceEmployers.Find(records, [[0], [1], [2], [3]], [], [], ByName(records, []), new MatchingOptions { SecondChanceThreshold = 0.05, ReviewThreshold = 0.8, SecondChanceNamesakes = 0 }).Pairs);
    }

    private static StandardRecord InProvince(int feed, string key, string name, string province) =>
        Standardiser.Value.Standardise(new SourceRecord { Feed = feed, SourceKey = key, NameEn = name, Province = province });

    [Fact]
    public void A_namesake_in_another_province_or_a_name_too_common_among_the_free_records_is_not_kept()
    {
        StandardRecord[] records =
        [
            InProvince(Moc, "M1", "Mengly Import Export Co., Ltd.", "Takeo"),
            InProvince(Nssf, "N1", "Mengly Import Export Co., Ltd.", "Svay Rieng"),
            Record(Moc, "M2", "Bayon Mini Mart", ""),
            Record(Nssf, "N2", "Bayon Mini Mart", ""),
            Record(Nssf, "N3", "Bayon Mini Mart", ""),
            Record(Nssf, "N4", "Bayon Mini Mart", ""),
        ];

        var outcome = SecondChanceEmployers.Find(records, [[0], [1], [2], [3], [4], [5]], [], [], ByName(records, []), Options);

        Assert.Empty(outcome.Pairs);
        Assert.Equal(0, Integration.Matching.Comparison.Pattern.Level(Integration.Matching.Comparison.PairComparer.Compare(records[0], records[1]), Integration.Matching.Comparison.Fields.Place));
    }

    [Fact]
    public void A_namesake_gives_way_to_a_pair_the_model_scores_at_the_floor()
    {
        StandardRecord[] records =
        [
            Record(Moc, "M1", "Chea Chhay Food Co., Ltd.", "#3 St. 1019, Boeng Keng Kang Ti Pir, Phnom Penh"),
            Record(Nssf, "N1", "Chea Chhay Food Co., Ltd.", ""),
            Record(Nssf, "N2", "Chea Chhay Foods Shop", "#3 St. 1019, Boeng Keng Kang Ti Pir, Phnom Penh"),
        ];
        var p = new Dictionary<(string, string), double> { [("M1", "N2")] = 0.2 };

        var outcome = SecondChanceEmployers.Find(records, [[0], [1], [2]], [], [], ByName(records, p), Options);

        Assert.Equal([(0, 2)], outcome.Pairs.Select(e => (e.A, e.B)));
    }
}
