using Integration.Matching.Comparison;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Scoring;

/// <summary>The estimated model and how the estimation went.</summary>
internal sealed record TrainedModel(FellegiSunterModel Model, int Iterations, TrainingReport Report);

/// <summary>
/// What training found, for match_runs: pairs sharing a TIN or MoC number among all records and among the
/// candidates, and the share of those identifier matches the other fields call true.
/// </summary>
internal sealed record TrainingReport(long IdentifierPairs, long IdentifierCandidates, double IdentifierMatchShare, bool TrainedOnIdentifiers);

/// <summary>
/// The train stage, as Splink does it without labels, in sessions over the pairs a training rule selects:
/// <list type="number">
/// <item>u from the data's chance agreement: exact-agreement levels counted over all records
/// (<see cref="AgreementCounts"/>), the rest from random pairs;</item>
/// <item>over the pairs that share a TIN or MoC number, m of every other field, and the share of those identifier
/// matches the other fields call true: the rest (wrong cross-references, a branch on its parent's TIN) make the
/// identifier's u, so its weight is learned, not assumed;</item>
/// <item>over the pairs whose names agree, m of the identifiers (how often one firm's records carry no, another or a
/// mistyped number);</item>
/// <item>over all candidates, the prior, with u net of the matches (in a small register the matches are a visible
/// part of the random pairs: left in, they make an exact name look common and the prior collapse).</item>
/// </list>
/// Without identifiers (name-only data), the last session estimates m too. Pairs within one registry have
/// their own u and prior, with the same m.
/// </summary>
internal static class ModelTraining
{
    /// <summary>Fewest pairs a training session needs to say anything.</summary>
    public const int MinimumTrainingPairs = 30;

    private static readonly int[] IdentifierFields = [Fields.Tin, Fields.Moc];

    public static TrainedModel Train(StandardRecord[] records, List<ComparedPair> candidates, MatchingOptions options)
    {
        var perFeed = new long[3];
        foreach (var r in records)
        {
            perFeed[r.Feed]++;
        }

        var totalCross = (double)((perFeed[0] * perFeed[1]) + (perFeed[0] * perFeed[2]) + (perFeed[1] * perFeed[2]));
        var totalWithin = perFeed.Sum(n => (double)n * (n - 1) / 2);

        // Registers link nearly one to one (a few firms hold two records of one): the most matching pairs there can be.
        var maxCross = (double)(Math.Min(perFeed[0], perFeed[1]) + Math.Min(perFeed[0], perFeed[2]) + Math.Min(perFeed[1], perFeed[2]));
        var maxWithin = perFeed.Sum(n => n / 2.0);
        var counted = AgreementCounts.Count(records);
        var crossFrequencies = EmEstimator.Frequencies(RandomPatterns(records, options.RandomPairsForU, options.Seed, sameFeed: false), counted.Cross, totalCross);
        var withinFrequencies = EmEstimator.Frequencies(RandomPatterns(records, options.RandomPairsForU / 2, options.Seed + 1, sameFeed: true), counted.Within, totalWithin);
        var u = crossFrequencies.Shares();
        var uWithin = withinFrequencies.Shares();
        var m = EmEstimator.InitialM();
        var cross = PatternCounts(candidates, records, sameFeed: false);
        var within = PatternCounts(candidates, records, sameFeed: true);

        var identifierPairs = Where(cross, SharesIdentifier);
        var idCount = identifierPairs.Values.Sum();
        var onIdentifiers = idCount >= MinimumTrainingPairs;
        var namesAgree = Where(cross, p => Fields.NameAgrees(Pattern.Level(p, Fields.Name)) && (Pattern.Level(p, Fields.Tin) >= 0 || Pattern.Level(p, Fields.Moc) >= 0));
        var identifierMatchShare = double.NaN;
        var lambda = 0.0;
        var iterations = 0;
        var fixedU = onIdentifiers ? IdentifierFields.Select(f => (f, 2)).ToHashSet() : [];

        // Two rounds: the second starts from u net of the matches the first found.
        for (var round = 0; round < 2; round++)
        {
            if (onIdentifiers)
            {
                var byIds = EmEstimator.Run(identifierPairs, m, u, new EmEstimator.Session
                {
                    Posterior = Mask(f => !IdentifierFields.Contains(f)),
                    EstimateM = Mask(f => !IdentifierFields.Contains(f)),
                    MaxIterations = options.EmMaxIterations,
                });
                identifierMatchShare = byIds.Lambda;
                foreach (var f in IdentifierFields)
                {
                    // Identifier matches the other fields say are two firms: the equal level's pairs among non-matches.
                    var wrong = identifierPairs.Where(kv => Pattern.Level(kv.Key, f) == 2).Sum(kv => (1 - byIds.Posterior[kv.Key]) * kv.Value);
                    u[f][2] = Math.Max(wrong, 0.5) / Math.Max(crossFrequencies.Pairs[f], 1);
                }

                if (namesAgree.Values.Sum() >= MinimumTrainingPairs)
                {
                    EmEstimator.Run(namesAgree, m, u, new EmEstimator.Session
                    {
                        Posterior = Mask(f => f != Fields.Name),
                        EstimateM = Mask(f => IdentifierFields.Contains(f)),
                        MaxIterations = options.EmMaxIterations,
                    });
                }
            }

            var all = EmEstimator.Run(cross, m, u, new EmEstimator.Session
            {
                Posterior = Mask(_ => true),
                EstimateM = Mask(_ => !onIdentifiers),
                TotalPairs = totalCross,
                MaxMatches = maxCross,
                Frequencies = crossFrequencies,
                FixedU = fixedU,
                MaxIterations = options.EmMaxIterations,
            });
            lambda = all.Lambda;
            iterations += all.Iterations;
        }

        var lambdaWithin = lambda;
        if (within.Count > 0 && totalWithin > 0)
        {
            lambdaWithin = EmEstimator.Run(within, m, uWithin, new EmEstimator.Session
            {
                Posterior = Mask(_ => true),
                EstimateM = Mask(_ => false),
                TotalPairs = totalWithin,
                MaxMatches = maxWithin,
                Frequencies = withinFrequencies,
                MaxIterations = options.EmMaxIterations,
            }).Lambda;
        }

        return new TrainedModel(new FellegiSunterModel(m, u, lambda, uWithin, lambdaWithin, IsicUBesideName(cross)), iterations, new TrainingReport(IdentifierPairs(counted, cross, within), idCount, identifierMatchShare, onIdentifiers));
    }

    /// <summary>
    /// How often namesakes share an ISIC class: among candidate pairs whose names agree but whose places are in
    /// different provinces and that share no identifier, phone or e-mail (two firms, nearly all of them: one firm's
    /// records seldom disagree on the province), the share of the same class, smoothed. The few true pairs among them
    /// (a firm that moved) share their class and push the share up, so the estimate errs towards a smaller weight.
    /// Null when fewer than <see cref="MinimumTrainingPairs"/> such pairs carry a class on both sides.
    /// </summary>
    public static double? IsicUBesideName(Dictionary<int, long> cross)
    {
        long same = 0, all = 0;
        foreach (var (p, n) in cross)
        {
            if (Fields.NameStrength(Pattern.Level(p, Fields.Name)) >= 2 && Pattern.Level(p, Fields.Place) == 0 && Pattern.Level(p, Fields.Isic) >= 0
                && !SharesIdentifier(p) && Pattern.Level(p, Fields.Phone) != 1 && Pattern.Level(p, Fields.Email) != 1)
            {
                all += n;
                same += Pattern.Level(p, Fields.Isic) == 2 ? n : 0;
            }
        }

        return all < MinimumTrainingPairs ? null : (same + 0.5) / (all + 1.0);
    }

    /// <summary>
    /// A model held fixed (an incremental run holds the last full run's): nothing is estimated; the report's counts
    /// are those of these records and candidates, as <see cref="Train"/> would report them.
    /// </summary>
    public static TrainedModel Fixed(StandardRecord[] records, List<ComparedPair> candidates, FellegiSunterModel model)
    {
        var cross = PatternCounts(candidates, records, sameFeed: false);
        var within = PatternCounts(candidates, records, sameFeed: true);
        var idCount = Where(cross, SharesIdentifier).Values.Sum();
        return new TrainedModel(model, 0, new TrainingReport(IdentifierPairs(AgreementCounts.Count(records), cross, within), idCount, double.NaN, idCount >= MinimumTrainingPairs));
    }

    /// <summary>Pairs sharing a TIN or a MoC number among all records: each identifier's pairs, less those sharing both (all candidates).</summary>
    private static long IdentifierPairs(AgreementCounts counted, Dictionary<int, long> cross, Dictionary<int, long> within)
    {
        var both = cross.Concat(within).Where(kv => Pattern.Level(kv.Key, Fields.Tin) == 2 && Pattern.Level(kv.Key, Fields.Moc) == 2).Sum(kv => kv.Value);
        return (long)(counted.Cross[Fields.Tin][2] + counted.Within[Fields.Tin][2] + counted.Cross[Fields.Moc][2] + counted.Within[Fields.Moc][2]) - both;
    }

    /// <summary>True when the pattern has an equal TIN or MoC number.</summary>
    public static bool SharesIdentifier(int pattern) => Pattern.Level(pattern, Fields.Tin) == 2 || Pattern.Level(pattern, Fields.Moc) == 2;

    /// <summary>Level patterns of random pairs, across registries or within one: the data's own picture of chance agreement.</summary>
    public static Dictionary<int, long> RandomPatterns(StandardRecord[] records, int samples, int seed, bool sameFeed = false)
    {
        var counts = new Dictionary<int, long>();
        if (records.Length < 2)
        {
            return counts;
        }

        var rng = new Random(seed);
        var tries = 0;
        for (var s = 0; s < samples && tries < samples * 4; tries++)
        {
            var i = rng.Next(records.Length);
            var j = rng.Next(records.Length);
            if (i == j || (records[i].Feed == records[j].Feed) != sameFeed)
            {
                continue;
            }

            var p = PairComparer.Compare(records[i], records[j]);
            counts[p] = counts.GetValueOrDefault(p) + 1;
            s++;
        }

        return counts;
    }

    /// <summary>How many candidate pairs have each pattern, among the pairs within one registry or across two.</summary>
    public static Dictionary<int, long> PatternCounts(List<ComparedPair> pairs, StandardRecord[] records, bool sameFeed)
    {
        var counts = new Dictionary<int, long>();
        foreach (var pair in pairs)
        {
            if ((records[pair.A].Feed == records[pair.B].Feed) == sameFeed)
            {
                counts[pair.Pattern] = counts.GetValueOrDefault(pair.Pattern) + 1;
            }
        }

        return counts;
    }

    private static Dictionary<int, long> Where(Dictionary<int, long> patterns, Func<int, bool> rule) =>
        patterns.Where(kv => rule(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static bool[] Mask(Func<int, bool> field) => Enumerable.Range(0, Fields.Count).Select(field).ToArray();
}
