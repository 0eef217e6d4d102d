using Integration.Alerts.Checks;
using Integration.Alerts.Evaluation;
using Integration.Alerts.Jobs;
using Integration.Alerts.Policy;
using Integration.Core.Truth;

namespace Integration.Alerts.Tests;

/// <summary>The licence-check figures issue 9 measures: wrong and missed BLOCKs per 1,000 checks, the REVIEW share.</summary>
public sealed class AlertsEvaluationTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 1);

    [Fact]
    public void Checks_are_scored_as_wrong_blocks_missed_blocks_and_reviews_against_the_true_firm()
    {
        // Five pending renewals: one compliant firm blocked, one non-compliant firm cleared, one sent to REVIEW, two right.
        string[] expected = ["ALLOW", "BLOCK", "BLOCK", "ALLOW", "BLOCK"];
        string[] decided = ["BLOCK", "ALLOW", "REVIEW", "ALLOW", "BLOCK"];
        var truth = new GroundTruth(
            AsOf,
            expected.Select((_, i) => new TruthRecord($"F{i}", "moc-licences", $"R{i}")).ToList(),
            expected.Select((d, i) => new TruthFirm($"F{i}", "", 5, false, d, d == "BLOCK" ? "NOT_REGISTERED" : "CURRENT")).ToList());
        var checks = decided.Select((d, i) => Decision($"R{i}", d)).ToList();

        var (m, text) = AlertsEvaluation.Score(truth, new AlertsOutcome(null, null, AsOf, checks.Select(c => LicenceCheckRow.From(c)).ToList(), [], [], false) { Checks = checks });

        Assert.Equal(5, m["checks"]);
        Assert.Equal(1, m["wrong_blocks"]);
        Assert.Equal(1, m["missed_blocks"]);
        Assert.Equal(1, m["reviews"]);
        Assert.Equal(200, m["wrong_blocks_per_1000"]);
        Assert.Equal(200, m["missed_blocks_per_1000"]);
        Assert.Equal(0.2, m["review_rate"]);
        Assert.Contains("missed BLOCKs 1 (200.00 per 1,000)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_firms_is_not_evaluated_and_says_why()
    {
        // A labelled sample knows which records are the same firm, not what a licence check should answer.
        var truth = new GroundTruth(null, [new TruthRecord("E1", "moc-licences", "R1")], [], HasFirms: false);

        var section = await new AlertsEvaluation(null!).EvaluateAsync(truth);

        Assert.Empty(section.Metrics);
        Assert.Contains("no firms.csv", section.Text, StringComparison.Ordinal);
    }

    private static LicenceDecision Decision(string registrationNo, string decision) => new(
        registrationNo, "E-" + registrationNo, null, decision, [new Reason(decision == "REVIEW" ? ReasonCodes.UncertainMatch : ReasonCodes.Current, "")],
        null, 0, 0, AsOf, null, new CheckEvidence([], [], [], null, null, null, [], null, new LicencePolicyOptions()));
}
