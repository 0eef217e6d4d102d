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
}
