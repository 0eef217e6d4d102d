using Integration.Matching.Comparison;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Scoring;

/// <summary>The estimated model and how the estimation went.</summary>
public sealed record TrainedModel(FellegiSunterModel Model, int Iterations);

/// <summary>
/// The train stage, as Splink does it without labels: u from random pairs (almost all different firms), m
/// from the pairs that share an identifier, the prior by expectation-maximisation over the candidates.
/// </summary>
public static class ModelTraining
{
    public static TrainedModel Train(StandardRecord[] records, List<ComparedPair> candidates, MatchingOptions options)
    {
        var u = EmEstimator.EstimateU(RandomPatterns(records, options.RandomPairsForU, options.Seed));
        var patternCounts = PatternCounts(candidates, records, sameFeed: false);
        var idPatterns = patternCounts.SelectMany(kv => Enumerable.Repeat(kv.Key, (int)Math.Min(kv.Value, int.MaxValue)));
        var startM = EmEstimator.MFromSharedIdentifiers(idPatterns, p => Fields.NameAgrees(Pattern.Level(p, Fields.Name)));
        var idPairs = patternCounts.Where(kv => SharesIdentifier(kv.Key)).Sum(kv => kv.Value);
        var perFeed = new long[3];
        foreach (var r in records)
        {
            perFeed[r.Feed]++;
        }

        var totalPairs = (double)((perFeed[0] * perFeed[1]) + (perFeed[0] * perFeed[2]) + (perFeed[1] * perFeed[2]));
        var model = EmEstimator.Estimate(patternCounts, u, options.EmMaxIterations, out var iterations, startM, startM is null ? 20 : Math.Max(20, idPairs), totalPairs);

        // Duplicate registrations: the same field evidence, their own prior among the pairs of one registry.
        var withinPairs = perFeed.Sum(n => (double)n * (n - 1) / 2);
        var withinPatterns = PatternCounts(candidates, records, sameFeed: true);
        if (withinPatterns.Count > 0 && withinPairs > 0)
        {
            model = new FellegiSunterModel(model.M, model.U, model.Lambda, EmEstimator.EstimatePrior(withinPatterns, model, withinPairs, options.EmMaxIterations));
        }

        return new TrainedModel(model, iterations);
    }

    /// <summary>True when the pattern has an equal TIN or MoC number.</summary>
    public static bool SharesIdentifier(int pattern) => Pattern.Level(pattern, Fields.Tin) == 2 || Pattern.Level(pattern, Fields.Moc) == 2;

    /// <summary>Level patterns of random cross-feed pairs: the data's own picture of chance agreement.</summary>
    public static Dictionary<int, long> RandomPatterns(StandardRecord[] records, int samples, int seed)
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
            if (i == j || records[i].Feed == records[j].Feed)
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
}
