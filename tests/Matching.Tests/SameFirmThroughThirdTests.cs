using Integration.Matching.Clustering;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>
/// Two registrations of one firm in one registry that never link to each other but both link to the firm's record of
/// another registry: when they may share its enterprise (<see cref="EnterpriseClustering.ThroughOneRecord"/>,
/// <see cref="LinkDecision.SameFirmThroughThird"/>) and when the clustering rule still keeps them apart.
/// </summary>
public class SameFirmThroughThirdTests
{
    private static double[][] Table(double value) => Enumerable.Range(0, Fields.Count).Select(f => Enumerable.Repeat(value, Fields.LevelCount(f)).ToArray()).ToArray();

    private static LinkEdge Edge(int a, int b, LinkMethod method, double p = 0.999) => new(a, b, 0, 10, p, method);

    [Fact]
    public void Two_records_of_one_registry_each_linked_automatically_to_one_licence_share_its_enterprise_only_when_their_own_comparison_allows()
    {
        // 0 MoC licence; 1 and 2 NSSF registrations, each linked automatically to the licence, never to each other.
        var records = TestRecords.Standardise([
            TestRecords.Source(Feeds.Moc, "M1", "Ponleu Gas Station"),
            TestRecords.Source(Feeds.Nssf, "N1", "Ponleu Gas Station"),
            TestRecords.Source(Feeds.Nssf, "N2", "Ponleu Petrol Station"),
        ]);
        List<LinkEdge> edges = [Edge(0, 1, LinkMethod.Fuzzy), Edge(0, 2, LinkMethod.Id, 0.995)];
        var clerk = new ClerkPairs([], []);
        var allowed = EnterpriseClustering.Run(records, edges, clerk, new MatchingOptions(), _ => true, (_, _) => true);
        var refused = EnterpriseClustering.Run(records, edges, clerk, new MatchingOptions(), _ => true, (_, _) => false);
        Assert.Single(allowed.Clusters);
        Assert.Equal(2, refused.Clusters.Count);

        // A review-band link to the licence is no path: the pair is not even asked.
        var asked = 0;
        Assert.Empty(EnterpriseClustering.ThroughOneRecord(records, [Edge(0, 1, LinkMethod.Fuzzy), Edge(0, 2, LinkMethod.Review, 0.9)], [], (_, _) => ++asked > 0));
        Assert.Equal(0, asked);

        // A clerk's reject between the two registrations stands.
        Assert.Empty(EnterpriseClustering.ThroughOneRecord(records, edges, [(1, 2)], (_, _) => true));
    }

    [Fact]
    public void A_review_band_pair_of_one_registry_that_joins_on_its_own_counts_as_linked_directly()
    {
        var records = TestRecords.Standardise([
            TestRecords.Source(Feeds.Gdt, "K001-100000001", "Sovann Bakery"),
            TestRecords.Source(Feeds.Nssf, "N1", "Sovann Bakery"),
            TestRecords.Source(Feeds.Nssf, "N2", "Sovann Bakery Shop"),
        ]);
        // The licence links both first (higher probability); the NSSF pair itself is in the review band.
        List<LinkEdge> edges = [Edge(0, 1, LinkMethod.Fuzzy), Edge(0, 2, LinkMethod.Fuzzy, 0.995), Edge(1, 2, LinkMethod.Review, 0.9)];
        var clerk = new ClerkPairs([], []);
        Assert.Single(EnterpriseClustering.Run(records, edges, clerk, new MatchingOptions(), _ => true).Clusters);
        Assert.Equal(2, EnterpriseClustering.Run(records, edges, clerk, new MatchingOptions(), e => e.Method != LinkMethod.Review).Clusters.Count);
    }

    [Fact]
    public void Registrations_with_agreeing_names_are_one_firm_unless_premises_or_places_disagree_and_other_names_need_the_review_band()
    {
        var records = TestRecords.Standardise([
            TestRecords.Source(Feeds.Nssf, "N1", "Ponleu Gas Station", commune: "Tuol Tumpung Ti Pir", district: "Chamkar Mon", province: "Phnom Penh", house: "125"),
            TestRecords.Source(Feeds.Nssf, "N2", "Ponleu Gas Station", commune: "Tuol Tumpung Ti Pir", district: "Chamkar Mon", province: "Phnom Penh"),
            TestRecords.Source(Feeds.Nssf, "N3", "Ponleu Gas Station", commune: "Tuol Tumpung Ti Pir", district: "Chamkar Mon", province: "Phnom Penh", house: "77"),
            TestRecords.Source(Feeds.Nssf, "N4", "Ponleu Gas Station", province: "Battambang"),
            TestRecords.Source(Feeds.Nssf, "N5", "Sokha Kim Trading", commune: "Tuol Tumpung Ti Pir", district: "Chamkar Mon", province: "Phnom Penh"),
            TestRecords.Source(Feeds.Nssf, "N6", "Ponleu Gas Station", province: "Phnom Penh"),
        ]);
        var scoring = new PairScoring(records);
        // Every field weighs nothing: only the prior decides whether a pair reaches the review band.
        var unlikely = new LinkDecision(new MatchingOptions(), new FellegiSunterModel(Table(0.5), Table(0.5), 1e-9, lambdaWithin: 1e-9), scoring);
        var likely = new LinkDecision(new MatchingOptions(), new FellegiSunterModel(Table(0.5), Table(0.5), 1e-9, lambdaWithin: 0.99), scoring);
        bool SameFirm(LinkDecision d, int x, int y) => d.SameFirmThroughThird(x, y, PairComparer.Compare(records[x], records[y]));

        Assert.True(SameFirm(unlikely, 0, 1)); // one leaves the house blank
        Assert.True(SameFirm(unlikely, 0, 5)); // one names the province only: nothing contradicts
        Assert.False(SameFirm(unlikely, 0, 2)); // another house: a second outlet, or a sister firm with the parent's identifier
        Assert.False(SameFirm(likely, 0, 2));
        Assert.False(SameFirm(unlikely, 0, 3)); // a namesake of another province
        Assert.False(Fields.NameAgrees(Pattern.Level(PairComparer.Compare(records[0], records[4]), Fields.Name)));
        Assert.False(SameFirm(unlikely, 0, 4)); // another name, and the pair below the review band
        Assert.False(SameFirm(likely, 0, 4)); // another name: in the review band it joins by its own pair only, not through a third
    }

    [Fact]
    public void A_foreign_parents_branch_representative_office_and_subsidiary_never_share_an_enterprise_through_a_third_record_or_a_review_band_pair()
    {
        // 0 GDT record linked automatically to all three MoC registrations of one parent; the MoC pairs meet in the review band.
        var records = TestRecords.Standardise([
            TestRecords.Source(Feeds.Gdt, "K001-100000001", "Hanwa Precision Co., Ltd."),
            TestRecords.Source(Feeds.Moc, "M1", "Hanwa Precision (Cambodia Branch)"),
            TestRecords.Source(Feeds.Moc, "M2", "Hanwa Precision Rep. Office"),
            TestRecords.Source(Feeds.Moc, "M3", "Hanwa Precision (Cambodia) Co., Ltd."),
            TestRecords.Source(Feeds.Moc, "M4", "HANWA PRECISION (CAMBODIA) CO LTD"),
        ]);
        List<LinkEdge> edges = [Edge(0, 3, LinkMethod.Fuzzy), Edge(0, 4, LinkMethod.Fuzzy, 0.998), Edge(0, 1, LinkMethod.Fuzzy, 0.997), Edge(0, 2, LinkMethod.Fuzzy, 0.996),
            Edge(1, 2, LinkMethod.Review, 0.9), Edge(2, 3, LinkMethod.Review, 0.9)];

        // Only the subsidiary's two registrations, one form written twice, may share the enterprise through the GDT record.
        Assert.Equal([(3, 4)], EnterpriseClustering.ThroughOneRecord(records, edges, [], (_, _) => true).ToList());

        // The subsidiary links first; the branch and the representative office stay firms of their own.
        var clusters = EnterpriseClustering.Run(records, edges, new ClerkPairs([], []), new MatchingOptions(), _ => true, (_, _) => true).Clusters;
        Assert.Equal(["0,3,4", "1", "2"], clusters.Select(c => string.Join(',', c.Order())).Order().ToArray());

        // A clerk's accept is a person's word and joins whatever the names state.
        var accepted = EnterpriseClustering.Run(records, [.. edges, Edge(1, 2, LinkMethod.Clerk, 1)], new ClerkPairs([(1, 2)], []),
            new MatchingOptions(), _ => true, (_, _) => true).Clusters;
        Assert.Contains(accepted, c => c.Contains(1) && c.Contains(2));
    }

    [Theory]
    [InlineData("Hanwa Precision (Cambodia Branch)", null, PresenceForm.Branch)]
    [InlineData("Hanwa Precision - Branch 2", null, PresenceForm.Branch)]
    [InlineData(null, "ហាន់វ៉ា សាខា២", PresenceForm.Branch)]
    [InlineData("Hanwa Precision Representative Office", null, PresenceForm.RepresentativeOffice)]
    [InlineData("Hanwa Precision Rep. Office", null, PresenceForm.RepresentativeOffice)]
    [InlineData("HANWA LIAISON OFFICE", null, PresenceForm.RepresentativeOffice)]
    [InlineData(null, "ការិយាល័យតំណាង ហាន់វ៉ា", PresenceForm.RepresentativeOffice)]
    [InlineData("Hanwa Precision (Cambodia) Co., Ltd.", "ក្រុមហ៊ុន ហាន់វ៉ា", PresenceForm.Company)]
    [InlineData("Brandy Repair Shop", null, PresenceForm.None)]
    [InlineData("CHEY-COFFEE SOLE PROPRIETORSHIP", null, PresenceForm.SoleProprietorship)]
    [InlineData("Chey Coffee Shop Company Limited", "ជ័យ កាហ្វេ ឯ.ក", PresenceForm.Company)]
    [InlineData("HENG GARMENT CO.,LTD", null, PresenceForm.Company)]
    public void A_name_states_the_form_of_presence_it_is_registered_in(string? en, string? km, PresenceForm expected) =>
        Assert.Equal(expected, PresenceForms.Of(en, km));

    [Fact]
    public void A_local_head_office_and_its_numbered_or_placed_branch_licences_join_through_a_review_band_pair()
    {
        var records = TestRecords.Standardise([
            TestRecords.Source(Feeds.Moc, "M1", "Heng Garment Co., Ltd."),
            TestRecords.Source(Feeds.Moc, "M2", "Heng Garment Co., Ltd. - Branch 2"),
            TestRecords.Source(Feeds.Moc, "M3", "Heng Garment Co., Ltd. (Siem Reap Branch)"),
        ]);
        Assert.True(records[1].IsBranch && records[2].IsBranch);
        List<LinkEdge> edges = [Edge(0, 1, LinkMethod.Review, 0.9), Edge(0, 2, LinkMethod.Review, 0.8)];
        Assert.Single(EnterpriseClustering.Run(records, edges, new ClerkPairs([], []), new MatchingOptions(), _ => true).Clusters);
    }

    [Fact]
    public void Two_stated_legal_forms_that_differ_or_two_presences_of_a_foreign_parent_do_not_join_in_the_review_band_or_through_a_third()
    {
        var records = TestRecords.Standardise([
            TestRecords.Source(Feeds.Gdt, "K001-100000001", "Chey Coffee Co., Ltd."),
            TestRecords.Source(Feeds.Moc, "M1", "Chey Coffee Sole Proprietorship"),
            TestRecords.Source(Feeds.Moc, "M2", "Chey Coffee Company Limited"),
            TestRecords.Source(Feeds.Moc, "M3", "Chey Coffee"),
            TestRecords.Source(Feeds.Moc, "M4", "Hong Fa Electronics Representative Office"),
            TestRecords.Source(Feeds.Moc, "M5", "HONG FA ELECTRONICS REPRESENTATIVE OFFICE"),
        ]);
        List<LinkEdge> edges = [Edge(0, 1, LinkMethod.Fuzzy), Edge(0, 2, LinkMethod.Fuzzy, 0.998), Edge(0, 3, LinkMethod.Fuzzy, 0.997)];

        // The sole proprietorship and the company are two persons; a name that leaves its form out may be either.
        Assert.Equal(["1,3", "2,3"], EnterpriseClustering.ThroughOneRecord(records, edges, [], (_, _) => true).Select(p => $"{p.A},{p.B}").Order().ToArray());

        // Two representative offices of one parent, one name and one address abroad: a review-band pair does not join them.
        var clusters = EnterpriseClustering.Run(records, [Edge(4, 5, LinkMethod.Review, 0.99)], new ClerkPairs([], []), new MatchingOptions(), _ => true).Clusters;
        Assert.DoesNotContain(clusters, c => c.Contains(4) && c.Contains(5));
        Assert.Empty(EnterpriseClustering.ThroughOneRecord(records, [Edge(0, 4, LinkMethod.Fuzzy), Edge(0, 5, LinkMethod.Fuzzy)], [], (_, _) => true));
    }
}
