using Integration.Matching.Comparison;

namespace Integration.Matching.Scoring;

/// <summary>
/// Estimates the Fellegi-Sunter parameters without labels, the way Splink does: u from comparisons of
/// random pairs (almost all of which are different firms), then m and lambda by expectation-maximisation
/// over the candidate pairs, aggregated into distinct comparison patterns.
/// </summary>
public static class EmEstimator
{
    private const double Floor = 1e-6;

    /// <summary>
    /// Weight of the starting m values as pseudo-counts (a Dirichlet prior): negligible against the
    /// hundreds of thousands of pairs of a real run, but it keeps EM sensible on a handful of records.
    /// </summary>
    private const double PriorPairs = 20;

    /// <summary>u probabilities from level counts over random pairs, with add-one smoothing.</summary>
    public static double[][] EstimateU(IReadOnlyDictionary<int, long> randomPatterns)
    {
        var u = new double[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            var counts = new double[Fields.LevelCount(f)];
            foreach (var (pattern, n) in randomPatterns)
            {
                var l = Pattern.Level(pattern, f);
                if (l >= 0)
                {
                    counts[l] += n;
                }
            }

            var total = counts.Sum() + counts.Length;
            u[f] = counts.Select(c => Math.Max((c + 1) / total, Floor)).ToArray();
        }

        return u;
    }

    /// <summary>
    /// m from the pairs that share an identifier, as a starting point and prior for EM: the name levels
    /// over every pair sharing a TIN or MoC number, the other fields over those whose names also agree.
    /// These pairs are found in the data, not labelled by anyone; a few wrong cross-references among them
    /// only blur the estimate a little. Returns null when there are too few.
    /// </summary>
    public static double[][]? MFromSharedIdentifiers(IEnumerable<int> patterns, Func<int, bool> namesAgree, int minimum = 30)
    {
        var counts = new double[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            counts[f] = new double[Fields.LevelCount(f)];
        }

        var n = 0;
        foreach (var p in patterns)
        {
            if (Pattern.Level(p, Fields.Tin) != 2 && Pattern.Level(p, Fields.Moc) != 2)
            {
                continue;
            }

            n++;
            var nameLevel = Pattern.Level(p, Fields.Name);
            if (nameLevel >= 0)
            {
                counts[Fields.Name][nameLevel]++;
            }

            if (!namesAgree(p))
            {
                continue;
            }

            for (var f = 0; f < Fields.Count; f++)
            {
                var l = Pattern.Level(p, f);
                if (f != Fields.Name && l >= 0)
                {
                    counts[f][l]++;
                }
            }
        }

        if (n < minimum)
        {
            return null;
        }

        var start = InitialM();
        for (var f = 0; f < Fields.Count; f++)
        {
            var total = counts[f].Sum();
            for (var l = 0; l < counts[f].Length; l++)
            {
                // Smoothed towards the generic start so that an unseen level is rare, not impossible.
                counts[f][l] = (counts[f][l] + (5 * start[f][l])) / (total + 5);
            }
        }

        return counts;
    }

    /// <param name="totalPairs">
    /// All cross-registry pairs there are (not only the candidates): u comes from random pairs, so the prior
    /// must be the match rate among all pairs too, the pairs blocking left out counting as non-matches.
    /// Relative to the candidates only, every pair of namesakes would look like a likely match.
    /// </param>
    public static FellegiSunterModel Estimate(IReadOnlyDictionary<int, long> candidatePatterns, double[][] u, int maxIterations, out int iterations, double[][]? startM = null, double priorPairs = PriorPairs, double totalPairs = 0)
    {
        var fixM = startM is not null;
        var m = startM?.Select(r => (double[])r.Clone()).ToArray() ?? InitialM();
        var prior = startM ?? InitialM();
        var lambda = totalPairs > 0 ? Math.Min(0.3, 10.0 * candidatePatterns.Values.Sum() / totalPairs) : 0.3;
        var patterns = candidatePatterns.Keys.ToArray();
        var counts = patterns.Select(p => (double)candidatePatterns[p]).ToArray();
        var levels = patterns.Select(p => Enumerable.Range(0, Fields.Count).Select(f => Pattern.Level(p, f)).ToArray()).ToArray();
        iterations = 0;
        for (var it = 0; it < maxIterations; it++)
        {
            iterations = it + 1;
            var mNew = new double[Fields.Count][];
            var mDen = new double[Fields.Count];
            for (var f = 0; f < Fields.Count; f++)
            {
                mNew[f] = new double[m[f].Length];
            }

            double matches = 0, all = 0;
            for (var p = 0; p < patterns.Length; p++)
            {
                // E step: posterior that this pattern is a match, in log space for stability.
                var lm = Math.Log(lambda);
                var lu = Math.Log(1 - lambda);
                var lv = levels[p];
                for (var f = 0; f < Fields.Count; f++)
                {
                    if (lv[f] >= 0)
                    {
                        lm += Math.Log(m[f][lv[f]]);
                        lu += Math.Log(u[f][lv[f]]);
                    }
                }

                var g = 1.0 / (1.0 + Math.Exp(lu - lm));
                var c = counts[p];
                matches += g * c;
                all += c;
                for (var f = 0; f < Fields.Count; f++)
                {
                    if (lv[f] >= 0)
                    {
                        mNew[f][lv[f]] += g * c;
                        mDen[f] += g * c;
                    }
                }
            }

            // M step. m anchored on shared-identifier pairs stays put: left free on blocked candidates,
            // EM drifts to "similar-looking names" as its match class (seen on generated data).
            var change = 0.0;
            for (var f = 0; f < Fields.Count && !fixM; f++)
            {
                for (var l = 0; l < mNew[f].Length; l++)
                {
                    var v = Math.Max((mNew[f][l] + (priorPairs * prior[f][l])) / (mDen[f] + priorPairs), Floor);
                    change = Math.Max(change, Math.Abs(v - m[f][l]));
                    m[f][l] = v;
                }
            }

            var newLambda = Math.Clamp(matches / Math.Max(Math.Max(all, totalPairs), 1), 1e-12, 1 - 1e-4);
            change = Math.Max(change, Math.Abs(newLambda - lambda) / lambda);
            lambda = newLambda;
            if (change < 1e-6)
            {
                break;
            }
        }

        return new FellegiSunterModel(m, u, lambda);
    }

    /// <summary>
    /// The match rate alone, m and u held: among <paramref name="totalPairs"/> pairs of which these patterns are
    /// the candidates (the rest count as non-matches). Used for pairs within one registry.
    /// </summary>
    public static double EstimatePrior(IReadOnlyDictionary<int, long> candidatePatterns, FellegiSunterModel model, double totalPairs, int maxIterations)
    {
        var lambda = Math.Min(0.3, 10.0 * candidatePatterns.Values.Sum() / totalPairs);
        for (var it = 0; it < maxIterations; it++)
        {
            var matches = 0.0;
            var prior = Math.Log2(lambda / (1 - lambda));
            foreach (var (pattern, count) in candidatePatterns)
            {
                matches += count * FellegiSunterModel.Probability(prior + model.MatchWeight(pattern) - model.PriorWeight);
            }

            var next = Math.Clamp(matches / totalPairs, 1e-12, 1 - 1e-4);
            var change = Math.Abs(next - lambda) / lambda;
            lambda = next;
            if (change < 1e-6)
            {
                break;
            }
        }

        return lambda;
    }

    /// <summary>Starting point: matches mostly agree on the top levels (as Splink's default m priors).</summary>
    private static double[][] InitialM()
    {
        var m = new double[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            var n = Fields.LevelCount(f);
            m[f] = new double[n];
            for (var l = 0; l < n; l++)
            {
                m[f][l] = 0.05 / n;
            }
        }

        // name: exact and very similar dominate; cross-script levels get a share of their own.
        m[Fields.Name][4] += 0.45;
        m[Fields.Name][3] += 0.25;
        m[Fields.Name][2] += 0.1;
        m[Fields.Name][7] += 0.1;
        m[Fields.Name][6] += 0.05;
        m[Fields.Tin][2] += 0.9;
        m[Fields.Moc][2] += 0.9;
        m[Fields.Phone][1] += 0.85;
        m[Fields.Place][3] += 0.4;
        m[Fields.Place][4] += 0.4;
        m[Fields.Place][2] += 0.1;
        m[Fields.House][1] += 0.5;
        m[Fields.House][2] += 0.35;
        m[Fields.Email][1] += 0.9;
        m[Fields.Isic][2] += 0.8;
        foreach (var row in m)
        {
            var s = row.Sum();
            for (var l = 0; l < row.Length; l++)
            {
                row[l] /= s;
            }
        }

        return m;
    }
}
