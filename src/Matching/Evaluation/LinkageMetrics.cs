using Integration.Core.Truth;
using Integration.Matching.Records;

namespace Integration.Matching.Evaluation;

/// <summary>One stored link as the evaluation sees it.</summary>
public sealed record StoredLink(string Feed, string SourceKey, string EnterpriseId, string Method);

/// <summary>A stored pair of the auto-link band.</summary>
public sealed record StoredPair(string FeedA, string KeyA, string FeedB, string KeyB, string Band);

/// <summary>
/// Pairwise precision, recall and F1 per registry pair, cluster purity, auto-link error rate and review
/// band size, computed from stored links against the generator's answer key. Pure, so it is tested
/// directly and used by <see cref="MatchEvaluation"/>.
/// </summary>
public static class LinkageMetrics
{
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

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var predicted = new long[3, 3];
        var correct = new long[3, 3];
        var actual = new long[3, 3];

        // Predicted pairs: records of two registries in one enterprise; correct when the truth agrees.
        foreach (var group in links.GroupBy(l => l.EnterpriseId))
        {
            var members = group.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var (fa, fb) = Order(Feeds.Index(members[i].Feed), Feeds.Index(members[j].Feed));
                    if (fa == fb)
                    {
                        continue;
                    }

                    predicted[fa, fb]++;
                    if (trueId.TryGetValue((members[i].Feed, members[i].SourceKey), out var ta)
                        && trueId.TryGetValue((members[j].Feed, members[j].SourceKey), out var tb) && ta == tb)
                    {
                        correct[fa, fb]++;
                    }
                }
            }
        }

        // True pairs among the records that were matched (a record the pipeline never saw is ingest's business).
        var linked = links.Select(l => (l.Feed, l.SourceKey)).ToHashSet();
        foreach (var firm in trueId.Where(kv => linked.Contains(kv.Key)).GroupBy(kv => kv.Value))
        {
            var feeds = firm.Select(kv => Feeds.Index(kv.Key.Item1)).ToList();
            for (var i = 0; i < feeds.Count; i++)
            {
                for (var j = i + 1; j < feeds.Count; j++)
                {
                    var (fa, fb) = Order(feeds[i], feeds[j]);
                    if (fa != fb)
                    {
                        actual[fa, fb]++;
                    }
                }
            }
        }

        foreach (var (fa, fb) in new[] { (0, 1), (0, 2), (1, 2) })
        {
            var label = Feeds.PairLabel(fa, fb);
            var p = predicted[fa, fb] == 0 ? 1.0 : (double)correct[fa, fb] / predicted[fa, fb];
            var r = actual[fa, fb] == 0 ? 1.0 : (double)correct[fa, fb] / actual[fa, fb];
            metrics[$"{label}.precision"] = p;
            metrics[$"{label}.recall"] = r;
            metrics[$"{label}.f1"] = p + r == 0 ? 0 : 2 * p * r / (p + r);
            metrics[$"{label}.true_pairs"] = actual[fa, fb];
            metrics[$"{label}.predicted_pairs"] = predicted[fa, fb];
        }

        // Purity: share of records that belong to their enterprise's majority true firm.
        long pure = 0, known = 0;
        foreach (var group in links.GroupBy(l => l.EnterpriseId))
        {
            var ids = group.Select(l => trueId.GetValueOrDefault((l.Feed, l.SourceKey))).OfType<string>().ToList();
            if (ids.Count > 0)
            {
                pure += ids.GroupBy(x => x).Max(g => g.Count());
                known += ids.Count;
            }
        }

        metrics["cluster_purity"] = known == 0 ? 1 : (double)pure / known;

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
        metrics["enterprises"] = links.Select(l => l.EnterpriseId).Distinct().Count();
        return metrics;
    }

    private static (int, int) Order(int a, int b) => a <= b ? (a, b) : (b, a);
}
