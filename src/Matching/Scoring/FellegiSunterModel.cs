using Integration.Matching.Comparison;

namespace Integration.Matching.Scoring;

/// <summary>
/// Fellegi-Sunter model: for each field level, m = P(level | same firm) and u = P(level | different
/// firms); a pair's match weight is log2(lambda/(1-lambda)) + the sum of log2(m/u) over its non-missing
/// fields, its probability 2^w / (1 + 2^w). Pairs of records of one registry (duplicate registrations) have
/// their own u (one registry writes names and addresses one way) and their own prior, the same m.
/// Estimated by <see cref="ModelTraining"/> from the data itself.
/// </summary>
public sealed class FellegiSunterModel
{
    /// <param name="isicUBesideName">
    /// u of the same ISIC class among pairs of two firms whose names agree (namesakes), where the data can tell it
    /// (<see cref="ModelTraining"/>); null when it cannot, and an agreeing ISIC then adds nothing to an agreeing name.
    /// </param>
    public FellegiSunterModel(double[][] m, double[][] u, double lambda, double[][]? uWithin = null, double? lambdaWithin = null, double? isicUBesideName = null)
    {
        IsicUBesideName = isicUBesideName;
        M = m;
        U = u;
        UWithin = uWithin ?? u;
        Lambda = lambda;
        LambdaWithin = lambdaWithin ?? lambda;
        Weights = LogRatios(m, U);
        WeightsWithin = ReferenceEquals(UWithin, U) ? Weights : LogRatios(m, UWithin);
        PriorWeight = Math.Log2(lambda / (1 - lambda));
        WithinPriorWeight = Math.Log2(LambdaWithin / (1 - LambdaWithin));
    }

    public double[][] M { get; }

    /// <summary>Chance that two firms with agreeing names are of the same ISIC class, when the data says it (see the constructor).</summary>
    public double? IsicUBesideName { get; }

    /// <summary>
    /// Weight of the same ISIC class beside agreeing names: namesakes share their line of business far more often than
    /// two random firms do (the name says "Restaurant"), so the class weighs by how often namesakes share it, never
    /// more than it weighs alone and never against the pair; 0 when the data cannot say.
    /// </summary>
    public double IsicWeightBesideName(bool sameFeed)
    {
        if (IsicUBesideName is not { } u)
        {
            return 0;
        }

        var alone = WeightsFor(sameFeed)[Fields.Isic][2];
        return Math.Clamp(Math.Log2(M[Fields.Isic][2] / u), 0, Math.Max(alone, 0));
    }

    public double[][] U { get; }

    public double[][] UWithin { get; }

    public double Lambda { get; }

    public double LambdaWithin { get; }

    /// <summary>log2(m/u) per field and level, for pairs across two registries.</summary>
    public double[][] Weights { get; }

    /// <summary>log2(m/u) per field and level, for pairs within one registry.</summary>
    public double[][] WeightsWithin { get; }

    public double PriorWeight { get; }

    public double WithinPriorWeight { get; }

    /// <summary>The prior weight of a pair: within one registry or across two.</summary>
    public double Prior(bool sameFeed) => sameFeed ? WithinPriorWeight : PriorWeight;

    public double[][] WeightsFor(bool sameFeed) => sameFeed ? WeightsWithin : Weights;

    /// <summary>Total match weight of a pattern with the model's own field weights.</summary>
    public double MatchWeight(int pattern, bool sameFeed = false)
    {
        var weights = WeightsFor(sameFeed);
        var w = Prior(sameFeed);
        for (var f = 0; f < Fields.Count; f++)
        {
            var l = Pattern.Level(pattern, f);
            if (l >= 0)
            {
                w += weights[f][l];
            }
        }

        return w;
    }

    /// <summary>
    /// Term-frequency adjustment (as Splink does): agreeing on a value that <paramref name="share"/> of all
    /// records carry is only as surprising as that share, never more than the level's own u says.
    /// </summary>
    public double AdjustedWeight(int field, int level, double share, bool sameFeed = false) =>
        Math.Min(WeightsFor(sameFeed)[field][level], Math.Log2(M[field][level] / Math.Max((sameFeed ? UWithin : U)[field][level], share)));

    /// <summary>
    /// Weight of agreeing at <paramref name="level"/> or any level above it: log2 of the summed m over the summed u of
    /// those levels. For an ordered field (place: province, district, commune, village) a pair that agrees as deep as
    /// both records say and no deeper only because one record stops there (a district, commune or village left blank)
    /// has agreed on all that is known: the level's own weight, learned mostly from pairs that do disagree deeper, would
    /// count the blank as a disagreement.
    /// </summary>
    public double AtLeastWeight(int field, int level, bool sameFeed)
    {
        var u = sameFeed ? UWithin : U;
        double ms = 0, us = 0;
        for (var l = level; l < M[field].Length; l++)
        {
            ms += M[field][l];
            us += u[field][l];
        }

        return ms > 0 && us > 0 ? Math.Log2(ms / us) : WeightsFor(sameFeed)[field][level];
    }

    public static double Probability(double weight) => weight > 60 ? 1.0 : weight < -60 ? 0.0 : 1.0 - (1.0 / (1.0 + Math.Pow(2, weight)));

    public object Describe() => new
    {
        lambda = Lambda,
        lambda_within = LambdaWithin,
        isic_u_beside_name = IsicUBesideName is { } iu ? Math.Round(iu, 6) : (double?)null,
        fields = Enumerable.Range(0, Fields.Count).ToDictionary(
            f => Fields.Names[f],
            f => Enumerable.Range(0, M[f].Length).ToDictionary(
                l => Fields.Levels[f][l],
                l => new
                {
                    m = Math.Round(M[f][l], 6),
                    u = Math.Round(U[f][l], 10),
                    weight = Math.Round(Weights[f][l], 3),
                    u_within = Math.Round(UWithin[f][l], 10),
                    weight_within = Math.Round(WeightsWithin[f][l], 3),
                }, StringComparer.Ordinal), StringComparer.Ordinal),
    };

    private static double[][] LogRatios(double[][] m, double[][] u) =>
        m.Select((row, f) => row.Select((x, l) => Math.Log2(x / u[f][l])).ToArray()).ToArray();
}
