using Integration.Core.Truth;
using Integration.Matching.Evaluation;
using Integration.Matching.Records;

namespace Integration.Matching.Tests;

public class LinkageMetricsTests
{
    [Fact]
    public void Pairwise_scores_purity_and_auto_link_errors_follow_the_truth()
    {
        TruthRecord[] truth =
        [
            new("F1", Feeds.Moc, "m1"), new("F1", Feeds.Gdt, "g1"), new("F1", Feeds.Nssf, "n1"),
            new("F2", Feeds.Moc, "m2"), new("F2", Feeds.Gdt, "g2"),
            new("F3", Feeds.Nssf, "n3"),
        ];
        StoredLink[] links =
        [
            new(Feeds.Moc, "m1", "E1", "id"), new(Feeds.Gdt, "g1", "E1", "id"), // n1 missed
            new(Feeds.Nssf, "n1", "E3", "single"),
            new(Feeds.Moc, "m2", "E2", "fuzzy"), new(Feeds.Gdt, "g2", "E2", "fuzzy"), new(Feeds.Nssf, "n3", "E2", "review"), // n3 wrong
        ];
        StoredPair[] pairs = [new(Feeds.Moc, "m1", Feeds.Gdt, "g1", "LINK"), new(Feeds.Moc, "m2", Feeds.Gdt, "g2", "LINK"), new(Feeds.Gdt, "g2", Feeds.Nssf, "n3", "REVIEW")];

        var m = LinkageMetrics.Compute(truth, links, pairs);

        Assert.Equal(1.0, m["moc-gdt.precision"]);
        Assert.Equal(1.0, m["moc-gdt.recall"]);
        Assert.Equal(0.0, m["moc-nssf.precision"]); // m2-n3 predicted, wrong
        Assert.Equal(0.0, m["moc-nssf.recall"]);    // m1-n1 missed
        Assert.Equal(1, m["moc-nssf.true_pairs"]);
        Assert.Equal(5.0 / 6, m["cluster_purity"], 6);
        Assert.Equal(0.0, m["auto_link_error_rate"]);
        Assert.Equal(1.0 / 6, m["review_band_share"], 6);
    }

    [Fact]
    public void Duplicate_registrations_within_one_register_are_scored_besides_the_cross_register_pairs()
    {
        // F1 holds two NSSF registrations (a CLOSED one and its re-registration) and two TINs; F2 two MoC records.
        TruthRecord[] truth =
        [
            new("F1", Feeds.Moc, "m1"), new("F1", Feeds.Gdt, "g1"), new("F1", Feeds.Gdt, "g1b"), new("F1", Feeds.Nssf, "n1"), new("F1", Feeds.Nssf, "n1b"),
            new("F2", Feeds.Moc, "m2"), new("F2", Feeds.Moc, "m2b"),
            new("F3", Feeds.Nssf, "n3"),
        ];
        StoredLink[] links =
        [
            new(Feeds.Moc, "m1", "E1", "id"), new(Feeds.Gdt, "g1", "E1", "id"), new(Feeds.Nssf, "n1", "E1", "id"), new(Feeds.Nssf, "n1b", "E1", "fuzzy"),
            new(Feeds.Gdt, "g1b", "E4", "single"), // second TIN missed
            new(Feeds.Moc, "m2", "E2", "single"), new(Feeds.Moc, "m2b", "E3", "single"), // MoC duplicate missed
            new(Feeds.Nssf, "n3", "E1", "review"), // a third NSSF record wrongly joined to F1
        ];

        var m = LinkageMetrics.Compute(truth, links, []);

        // Within one register: true pairs g1-g1b, n1-n1b, m2-m2b; predicted n1-n1b, n1-n3, n1b-n3.
        Assert.Equal(3, m["duplicates.true_pairs"]);
        Assert.Equal(3, m["duplicates.predicted_pairs"]);
        Assert.Equal(1.0 / 3, m["duplicates.recall"], 6);
        Assert.Equal(1.0 / 3, m["duplicates.precision"], 6);
        Assert.Equal(1.0, m["duplicates.nssf.recall"]);
        Assert.Equal(1.0 / 3, m["duplicates.nssf.precision"], 6);
        Assert.Equal(0.0, m["duplicates.moc.recall"]);
        Assert.Equal(1.0, m["duplicates.moc.precision"]); // nothing predicted, nothing wrong

        // Cross-register: F1 has 1 MoC x 2 GDT, 1 MoC x 2 NSSF, 2 GDT x 2 NSSF true pairs.
        Assert.Equal(2, m["moc-gdt.true_pairs"]);
        Assert.Equal(0.5, m["moc-gdt.recall"]);
        Assert.Equal(2.0 / 3, m["moc-nssf.precision"], 6); // m1-n1, m1-n1b right, m1-n3 wrong
        Assert.Equal(4, m["gdt-nssf.true_pairs"]);

        // All pairs together: 11 true (10 among F1's five records, 1 between F2's two), 10 predicted in E1, 6 right.
        Assert.Equal(11, m["pairwise.true_pairs"]);
        Assert.Equal(10, m["pairwise.predicted_pairs"]);
        Assert.Equal(6.0 / 10, m["pairwise.precision"], 6);
        Assert.Equal(6.0 / 11, m["pairwise.recall"], 6);
    }

    [Fact]
    public void A_labelled_sample_scores_only_the_records_it_labels()
    {
        // Only m1 and n1 are labelled; the enterprise also holds an unlabelled GDT record, which is no error.
        TruthRecord[] truth = [new("E1", Feeds.Moc, "m1"), new("E1", Feeds.Nssf, "n1")];
        StoredLink[] links =
        [
            new(Feeds.Moc, "m1", "X", "id"), new(Feeds.Gdt, "g7", "X", "id"), new(Feeds.Nssf, "n1", "X", "fuzzy"),
            new(Feeds.Moc, "m9", "Y", "single"),
        ];

        var m = LinkageMetrics.Compute(truth, links, []);

        Assert.Equal(1.0, m["pairwise.precision"]);
        Assert.Equal(1.0, m["pairwise.recall"]);
        Assert.Equal(1, m["pairwise.predicted_pairs"]);
        Assert.Equal(2, m["labelled_records"]);
        Assert.Equal(4, m["records"]);
        Assert.Equal(1.0, m["cluster_purity"]);
    }
}
