using Integration.Core.Truth;
using Integration.Matching.Records;

namespace Integration.Matching.Evaluation;

/// <summary>One stored link as the evaluation sees it.</summary>
internal sealed record StoredLink(string Feed, string SourceKey, string EnterpriseId, string Method);

/// <summary>A stored pair of the auto-link band.</summary>
internal sealed record StoredPair(string FeedA, string KeyA, string FeedB, string KeyB, string Band);

/// <summary>
/// Pairwise precision, recall and F1 per registry pair, over all pairs, and within one register (duplicate
/// registrations: two records of one feed that are the same true firm); cluster purity, auto-link error rate and
/// review band size, computed from stored links against an answer key. Pure, so it is tested directly and used
/// by <see cref="MatchEvaluation"/>.
/// </summary>
/// <remarks>
/// Only records the key labels are scored, so a clerk-labelled sample of the registers gives unbiased figures:
/// a predicted pair counts when both records are labelled, a true pair when both were matched (a record the
/// pipeline never saw is ingest's business). Pairs are counted from cluster sizes, not enumerated, so a wrongly
/// merged giant enterprise costs no more time than a small one.
/// </remarks>
internal static class LinkageMetrics
{
    /// <summary>The registry pairs reported one by one, in report order.</summary>
    public static readonly (int A, int B)[] CrossPairs = [(0, 1), (0, 2), (1, 2)];

    public static Dictionary<string, double> Compute(IReadOnlyList<TruthRecord> truth, IReadOnlyList<StoredLink> links, IReadOnlyList<StoredPair> pairs)
    {
        var trueId = new Dictionary<(string, string), string>();
        foreach (var t in truth)
        {
            if (Feeds.All.Contains(t.Feed))
            {
                trueId[(t.Feed, t.SourceKey)] = t.TrueId;
            }
        }

        // Per-feed record counts of each predicted enterprise, each true firm, and each (enterprise, firm) cell,
        // over the labelled records that were matched.
        var byEnterprise = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var byFirm = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var byCell = new Dictionary<(string, string), int[]>();
        var labelled = 0;
        foreach (var l in links)
        {
            if (!trueId.TryGetValue((l.Feed, l.SourceKey), out var firm))
            {
                continue;
            }

            labelled++;
            var f = Feeds.Index(l.Feed);
            Counts(byEnterprise, l.EnterpriseId)[f]++;
            Counts(byFirm, firm)[f]++;
            Counts(byCell, (l.EnterpriseId, firm))[f]++;
        }

        var predicted = PairCounts(byEnterprise.Values);
        var actual = PairCounts(byFirm.Values);
        var correct = PairCounts(byCell.Values);

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (fa, fb) in CrossPairs)
        {
            Score(metrics, Feeds.PairLabel(fa, fb), correct[fa, fb], predicted[fa, fb], actual[fa, fb], withF1: true);
        }

        // Within one register: the duplicate registrations the matcher must find (and the division cleans up).
        long dc = 0, dp = 0, da = 0;
        for (var f = 0; f < Feeds.All.Length; f++)
        {
            Score(metrics, "duplicates." + Feeds.Short[f], correct[f, f], predicted[f, f], actual[f, f], withF1: false);
            dc += correct[f, f];
            dp += predicted[f, f];
            da += actual[f, f];
        }

        Score(metrics, "duplicates", dc, dp, da, withF1: true);
        long ac = 0, ap = 0, aa = 0;
        for (var a = 0; a < Feeds.All.Length; a++)
        {
            for (var b = a; b < Feeds.All.Length; b++)
            {
                ac += correct[a, b];
                ap += predicted[a, b];
                aa += actual[a, b];
            }
        }

        Score(metrics, "pairwise", ac, ap, aa, withF1: true);

        // Purity: share of records that belong to their enterprise's majority true firm.
        var majority = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((enterprise, _), counts) in byCell)
        {
            majority[enterprise] = Math.Max(majority.GetValueOrDefault(enterprise), counts.Sum());
        }

        metrics["cluster_purity"] = labelled == 0 ? 1 : (double)majority.Values.Sum() / labelled;

        // Auto-links: pairs linked without a person (band LINK); wrong when the truth says two firms.
        long auto = 0, wrong = 0;
        foreach (var pr in pairs.Where(p => p.Band == "LINK"))
        {
            if (trueId.TryGetValue((pr.FeedA, pr.KeyA), out var ta) && trueId.TryGetValue((pr.FeedB, pr.KeyB), out var tb))
            {
                auto++;
                if (ta != tb)
                {
                    wrong++;
                }
            }
        }

        metrics["auto_links"] = auto;
        metrics["auto_link_error_rate"] = auto == 0 ? 0 : (double)wrong / auto;
        var reviewRecords = links.Count(l => l.Method == "review");
        metrics["review_records"] = reviewRecords;
        metrics["review_pairs"] = pairs.Count(p => p.Band == "REVIEW");
        metrics["review_band_share"] = links.Count == 0 ? 0 : (double)reviewRecords / links.Count;
        metrics["records"] = links.Count;
        metrics["labelled_records"] = labelled;
        metrics["enterprises"] = links.Select(l => l.EnterpriseId).Distinct(StringComparer.Ordinal).Count();
        return metrics;
    }

    private static int[] Counts<TKey>(Dictionary<TKey, int[]> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var counts))
        {
            counts = new int[Feeds.All.Length];
            map[key] = counts;
        }

        return counts;
    }

    /// <summary>Pairs per feed pair (upper triangle, diagonal = within one feed) of groups with the given per-feed sizes.</summary>
    private static long[,] PairCounts(IEnumerable<int[]> groups)
    {
        var n = Feeds.All.Length;
        var pairs = new long[n, n];
        foreach (var g in groups)
        {
            for (var a = 0; a < n; a++)
            {
                pairs[a, a] += (long)g[a] * (g[a] - 1) / 2;
                for (var b = a + 1; b < n; b++)
                {
                    pairs[a, b] += (long)g[a] * g[b];
                }
            }
        }

        return pairs;
    }

    /// <summary>Precision and recall are 1 when there is nothing to predict or find (no error was made).</summary>
    private static void Score(Dictionary<string, double> metrics, string label, long correct, long predicted, long actual, bool withF1)
    {
        var p = predicted == 0 ? 1.0 : (double)correct / predicted;
        var r = actual == 0 ? 1.0 : (double)correct / actual;
        metrics[$"{label}.precision"] = p;
        metrics[$"{label}.recall"] = r;
        if (withF1)
        {
            metrics[$"{label}.f1"] = p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        metrics[$"{label}.true_pairs"] = actual;
        metrics[$"{label}.predicted_pairs"] = predicted;
    }
}
