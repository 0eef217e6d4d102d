using Integration.Matching.Comparison;

namespace Integration.Matching.Scoring;

/// <summary>
/// Fellegi-Sunter model: for each field level, m = P(level | same firm) and u = P(level | different
/// firms); a pair's match weight is log2(lambda/(1-lambda)) + the sum of log2(m/u) over its non-missing
/// fields, its probability 2^w / (1 + 2^w). Estimated by <see cref="EmEstimator"/> from the data itself.
/// </summary>
public sealed class FellegiSunterModel
{
    /// <param name="lambdaWithin">
    /// The match rate among pairs of records of one registry (duplicate registrations), estimated apart from the
    /// cross-registry rate: the same field evidence, a different prior. Defaults to <paramref name="lambda"/>.
    /// </param>
    public FellegiSunterModel(double[][] m, double[][] u, double lambda, double? lambdaWithin = null)
    {
        M = m;
        U = u;
        Lambda = lambda;
        LambdaWithin = lambdaWithin ?? lambda;
        WithinPriorWeight = Math.Log2(LambdaWithin / (1 - LambdaWithin));
        Weights = new double[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            Weights[f] = new double[m[f].Length];
            for (var l = 0; l < m[f].Length; l++)
            {
                Weights[f][l] = Math.Log2(m[f][l] / u[f][l]);
            }
        }

        PriorWeight = Math.Log2(lambda / (1 - lambda));
    }

    public double[][] M { get; }

    public double[][] U { get; }

    public double Lambda { get; }

    public double[][] Weights { get; }

    public double PriorWeight { get; }

    public double LambdaWithin { get; }

    public double WithinPriorWeight { get; }

    /// <summary>The prior weight of a pair: within one registry or across two.</summary>
    public double Prior(bool sameFeed) => sameFeed ? WithinPriorWeight : PriorWeight;

    /// <summary>Total match weight of a pattern with the model's own field weights.</summary>
    public double MatchWeight(int pattern)
    {
        var w = PriorWeight;
        for (var f = 0; f < Fields.Count; f++)
        {
            var l = Pattern.Level(pattern, f);
            if (l >= 0)
            {
                w += Weights[f][l];
            }
        }

        return w;
    }

    /// <summary>
    /// Term-frequency adjustment (as Splink does): agreeing on a value that <paramref name="share"/> of all
    /// records carry is only as surprising as that share, never more than the level's own u says.
    /// </summary>
    public double AdjustedWeight(int field, int level, double share) =>
        Math.Min(Weights[field][level], Math.Log2(M[field][level] / Math.Max(U[field][level], share)));

    public static double Probability(double weight) => weight > 60 ? 1.0 : weight < -60 ? 0.0 : 1.0 - (1.0 / (1.0 + Math.Pow(2, weight)));


    public object Describe() => new
    {
        lambda = Lambda,
        lambda_within = LambdaWithin,
        fields = Enumerable.Range(0, Fields.Count).ToDictionary(
            f => Fields.Names[f],
            f => Enumerable.Range(0, M[f].Length).ToDictionary(
                l => Fields.Levels[f][l],
                l => new { m = Math.Round(M[f][l], 6), u = Math.Round(U[f][l], 8), weight = Math.Round(Weights[f][l], 3) })),
    };
}
