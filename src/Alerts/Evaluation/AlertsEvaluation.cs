using System.Globalization;
using System.Text;
using Integration.Alerts.Jobs;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Dates;
using Integration.Core.Truth;

namespace Integration.Alerts.Evaluation;

/// <summary>
/// Scores the alerts against the generator's answer key at its as-of date: lead precision and recall (each
/// enterprise stands for the true firm most of its linked records belong to), and licence decisions for every
/// pending renewal: wrong BLOCKs (a compliant firm refused) and missed BLOCKs (a non-compliant firm cleared) per
/// 1,000 checks, and the share sent to REVIEW. A key without firms.csv (a labelled sample, a linkage benchmark)
/// has no expected decisions: the section then says so and scores nothing.
/// </summary>
public sealed class AlertsEvaluation(AlertsBatch batch) : IEvaluation
{
    public string Name => "alerts";

    public async Task<EvaluationSection> EvaluateAsync(GroundTruth truth, CancellationToken ct = default)
    {
        if (!truth.HasFirms)
        {
            return new EvaluationSection(Name, new Dictionary<string, double>(StringComparer.Ordinal),
                "Not evaluated: the answer key has no firms.csv (expected leads and licence decisions), only which records are the same entity.\n");
        }

        var outcome = await batch.RunAsync(truth.AsOf, record: false, "evaluation", ct);
        var score = Score(truth, outcome);
        return new EvaluationSection(Name, score.Metrics, score.Text);
    }

    /// <summary>The metrics of one outcome; public so tests and benchmarks can score without the job.</summary>
    public static (IReadOnlyDictionary<string, double> Metrics, string Text) Score(GroundTruth truth, AlertsOutcome outcome)
    {
        var trueIdOf = TrueIds(truth);
        var firms = truth.Firms.ToDictionary(f => f.TrueId, StringComparer.Ordinal);

        // Leads: which true firm each lead enterprise stands for (majority of its linked records).
        var enterpriseTruth = outcome.Leads.ToDictionary(
            l => l.EnterpriseId,
            l => MajorityTrueId(l, outcome, trueIdOf),
            StringComparer.Ordinal);
        var expected = truth.Firms.Where(f => f.ExpectedLead).Select(f => f.TrueId).ToHashSet(StringComparer.Ordinal);
        var truePositives = enterpriseTruth.Values.Count(t => t is not null && expected.Contains(t));
        var found = enterpriseTruth.Values.Where(t => t is not null && expected.Contains(t)).Distinct(StringComparer.Ordinal).Count();
        var precision = outcome.Leads.Count == 0 ? 1.0 : (double)truePositives / outcome.Leads.Count;
        var recall = expected.Count == 0 ? 1.0 : (double)found / expected.Count;

        // Licence checks: against the expected decision of the firm the MoC record truly belongs to.
        int scored = 0, agree = 0, wrongBlocks = 0, wrongAllows = 0, missedBlocks = 0, reviews = 0, reasonAgree = 0;
        foreach (var d in outcome.Checks)
        {
            if (!trueIdOf.TryGetValue((FeedNames.Moc, d.RegistrationNo), out var trueId) || !firms.TryGetValue(trueId, out var firm) || string.IsNullOrEmpty(firm.ExpectedDecision))
            {
                continue;
            }

            scored++;
            if (d.Decision == firm.ExpectedDecision)
            {
                agree++;
                reasonAgree += d.Reasons.Any(r => r.Code == firm.ExpectedReason) ? 1 : 0;
            }
            else if (d.Decision == Decisions.Block)
            {
                wrongBlocks++;
            }
            else if (d.Decision == Decisions.Allow)
            {
                wrongAllows++;
                missedBlocks += firm.ExpectedDecision == Decisions.Block ? 1 : 0;
            }
            else
            {
                reviews++;
            }
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["lead_precision"] = precision,
            ["lead_recall"] = recall,
            ["leads"] = outcome.Leads.Count,
            ["expected_leads"] = expected.Count,
            ["checks"] = scored,
            ["decision_agreement"] = scored == 0 ? 1.0 : (double)agree / scored,
            ["decided_agreement"] = scored - reviews == 0 ? 1.0 : (double)agree / (scored - reviews),
            ["reason_agreement"] = scored == 0 ? 1.0 : (double)reasonAgree / scored,
            ["wrong_blocks_per_1000"] = scored == 0 ? 0 : 1000.0 * wrongBlocks / scored,
            ["wrong_allows_per_1000"] = scored == 0 ? 0 : 1000.0 * wrongAllows / scored,
            ["missed_blocks_per_1000"] = scored == 0 ? 0 : 1000.0 * missedBlocks / scored,
            ["wrong_blocks"] = wrongBlocks,
            ["missed_blocks"] = missedBlocks,
            ["reviews"] = reviews,
            ["review_rate"] = scored == 0 ? 0 : (double)reviews / scored,
        };
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Leads: {outcome.Leads.Count} listed, {expected.Count} expected; precision {precision:P2}, recall {recall:P2}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Licence checks: {scored} pending renewals scored as of {IsoDate.Format(outcome.AsOf)}; agreement {metrics["decision_agreement"]:P2} ({metrics["decided_agreement"]:P2} of those not sent to REVIEW), wrong BLOCKs {wrongBlocks} ({metrics["wrong_blocks_per_1000"]:0.00} per 1,000), missed BLOCKs {missedBlocks} ({metrics["missed_blocks_per_1000"]:0.00} per 1,000), wrong ALLOWs {wrongAllows}, REVIEW {reviews} ({metrics["review_rate"]:P2} of checks).")
            .ToString();
        return (metrics, text);
    }

    /// <summary>The true firm of each record of the answer key, by feed and source key.</summary>
    internal static Dictionary<(string Feed, string Key), string> TrueIds(GroundTruth truth) =>
        truth.Records.GroupBy(r => (r.Feed, r.SourceKey)).ToDictionary(g => g.Key, g => g.First().TrueId);

    /// <summary>
    /// The true firm most of the enterprise's linked records belong to. A tie (typically one MoC and one GDT
    /// record of two firms joined by a wrong link) goes to the firm of the record whose headcount made the
    /// enterprise a lead: that is the firm the division would call.
    /// </summary>
    internal static string? MajorityTrueId(Leads.LeadRow lead, AlertsOutcome outcome, Dictionary<(string, string), string> trueIdOf)
    {
        var keys = outcome.Facts.TryGetValue(lead.EnterpriseId, out var facts)
            ? facts.Links.Select(l => (l.Feed, l.SourceKey))
            : Split(lead.MocRegistrationNo).Select(k => (FeedNames.Moc, k)).Concat(Split(lead.Tin).Select(k => (FeedNames.Gdt, k)));
        var votes = keys
            .Select(k => trueIdOf.GetValueOrDefault(k))
            .Where(t => t is not null)
            .GroupBy(t => t!, StringComparer.Ordinal)
            .Select(g => (TrueId: g.Key, Votes: g.Count()))
            .OrderByDescending(v => v.Votes)
            .ThenBy(v => v.TrueId, StringComparer.Ordinal)
            .ToList();
        if (votes.Count == 0)
        {
            return null;
        }

        if (votes.Count > 1 && votes[0].Votes == votes[1].Votes
            && lead.EvidenceRecord is { } source
            && trueIdOf.GetValueOrDefault(source) is { } evidenceFirm
            && votes.Any(v => v.Votes == votes[0].Votes && v.TrueId == evidenceFirm))
        {
            return evidenceFirm;
        }

        return votes[0].TrueId;
    }

    private static IEnumerable<string> Split(string? keys) =>
        string.IsNullOrWhiteSpace(keys) ? [] : keys.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
