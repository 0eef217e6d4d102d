using Integration.Matching.Comparison;

namespace Integration.Matching.Scoring;

/// <summary>
/// How often each level occurs among all pairs of records (matches included), per field: <see cref="Pairs"/>
/// pairs with the field on both sides, <see cref="AtLevel"/> of them at each level. Exact where counted
/// (<see cref="AgreementCounts"/>), else from a random sample scaled to what is left.
/// </summary>
internal sealed record LevelFrequencies(double[] Pairs, double[][] AtLevel)
{
    /// <summary>
    /// u as the data gives it before any pair is known to match: each level's share of the pairs. (Strictly the
    /// share among non-matches; <see cref="EmEstimator"/> takes the expected matches out.)
    /// </summary>
    public double[][] Shares() => AtLevel.Select((row, f) => row.Select(n => Math.Max(n, 0.5) / Math.Max(Pairs[f], 1)).ToArray()).ToArray();
}

/// <summary>
/// Estimates the Fellegi-Sunter parameters without labels, the way Splink does: u from the data's own
/// chance agreement, m and the prior by expectation-maximisation over the candidate pairs aggregated into
/// distinct comparison patterns, each session over the pairs a training rule selects, estimating the fields
/// that rule does not fix.
/// </summary>
internal static class EmEstimator
{
    private const double Floor = 1e-9;

    /// <summary>
    /// Weight of the starting m values as pseudo-counts (a Dirichlet prior): negligible against the
    /// hundreds of thousands of pairs of a real run, but it keeps EM sensible on a handful of records.
    /// </summary>
    public const double PriorPairs = 20;

    /// <summary>
    /// Level frequencies among all <paramref name="totalPairs"/> pairs: the counted levels as counted, the others
    /// in the proportions of the random sample (add-half smoothed), scaled to the pairs the counted ones leave.
    /// </summary>
    public static LevelFrequencies Frequencies(IReadOnlyDictionary<int, long> randomPatterns, double[][] counted, double totalPairs)
    {
        var pairs = new double[Fields.Count];
        var atLevel = new double[Fields.Count][];
        var sampled = randomPatterns.Values.Sum();
        for (var f = 0; f < Fields.Count; f++)
        {
            var n = Fields.LevelCount(f);
            var random = new double[n];
            foreach (var (pattern, count) in randomPatterns)
            {
                var l = Pattern.Level(pattern, f);
                if (l >= 0)
                {
                    random[l] += count;
                }
            }

            var countedSum = counted[f].Where(c => !double.IsNaN(c)).Sum();
            var present = sampled == 0 ? 0 : totalPairs * random.Sum() / sampled;
            pairs[f] = Math.Max(present, countedSum + 1);
            var left = pairs[f] - countedSum;
            var sampledLevels = Enumerable.Range(0, n).Where(l => double.IsNaN(counted[f][l])).ToList();
            var sampledTotal = sampledLevels.Sum(l => random[l] + 0.5);
            atLevel[f] = new double[n];
            for (var l = 0; l < n; l++)
            {
                atLevel[f][l] = double.IsNaN(counted[f][l]) ? left * (random[l] + 0.5) / sampledTotal : counted[f][l];
            }
        }

        return new LevelFrequencies(pairs, atLevel);
    }

    /// <summary>What one EM session may change, and over which pairs.</summary>
    public sealed record Session
    {
        /// <summary>Fields whose levels enter the posterior (those the training rule fixes are left out).</summary>
        public required bool[] Posterior { get; init; }

        /// <summary>Fields whose m is re-estimated.</summary>
        public required bool[] EstimateM { get; init; }

        /// <summary>All pairs the candidates stand for (the rest count as non-matches); 0 means the candidates themselves.</summary>
        public double TotalPairs { get; init; }

        /// <summary>When set, u of every level not in <see cref="FixedU"/> is re-estimated as the level's pairs less its expected matches.</summary>
        public LevelFrequencies? Frequencies { get; init; }

        /// <summary>(field, level) whose u is held as given.</summary>
        public IReadOnlySet<(int Field, int Level)> FixedU { get; init; } = new HashSet<(int, int)>();

        /// <summary>Pseudo-counts of the m prior (the m values the session starts from).</summary>
        public double PriorPairs { get; init; } = EmEstimator.PriorPairs;

        public int MaxIterations { get; init; } = 50;

        /// <summary>
        /// Most matches the pairs can hold (0: no bound). Registers link nearly one to one, so two registers of 300 and
        /// 200 records hold about 200 matching pairs, not 1,000: with one informative field (names only) m and the
        /// prior are not identifiable apart, and EM would otherwise call every pair of namesakes a match.
        /// </summary>
        public double MaxMatches { get; init; }
    }

    /// <summary>The outcome of a session: the match rate among its pairs and the posterior of each pattern.</summary>
    public sealed record Outcome(double Lambda, Dictionary<int, double> Posterior, int Iterations);

    /// <summary>
    /// Runs EM over <paramref name="patterns"/> (pattern, pairs), updating <paramref name="m"/> and
    /// <paramref name="u"/> in place as <paramref name="session"/> allows, and returns the match rate.
    /// </summary>
    public static Outcome Run(IReadOnlyDictionary<int, long> patterns, double[][] m, double[][] u, Session session)
    {
        var keys = patterns.Keys.ToArray();
        var counts = keys.Select(p => (double)patterns[p]).ToArray();
        var levels = keys.Select(p => Enumerable.Range(0, Fields.Count).Select(f => Pattern.Level(p, f)).ToArray()).ToArray();
        var all = counts.Sum();
        var total = Math.Max(session.TotalPairs, all);
        if (all == 0)
        {
            // No pair to learn from (an empty register, or one record): nothing changes, and the prior is that of
            // half a match among the pairs there are.
            return new Outcome(Math.Clamp(0.5 / Math.Max(total, 1), 1e-12, 0.3), [], 0);
        }

        var prior = m.Select(r => (double[])r.Clone()).ToArray();
        var lambda = Math.Clamp(session.TotalPairs > 0 ? 10.0 * all / total : 0.3, 1e-12, 0.3);
        var g = new double[keys.Length];
        var iterations = 0;
        for (var it = 0; it < session.MaxIterations; it++)
        {
            iterations = it + 1;

            // E step: posterior that each pattern is a match, in log space for stability.
            var matches = 0.0;
            for (var p = 0; p < keys.Length; p++)
            {
                var lm = Math.Log(lambda);
                var lu = Math.Log(1 - lambda);
                for (var f = 0; f < Fields.Count; f++)
                {
                    var l = levels[p][f];
                    if (l >= 0 && session.Posterior[f])
                    {
                        lm += Math.Log(m[f][l]);
                        lu += Math.Log(u[f][l]);
                    }
                }

                g[p] = 1.0 / (1.0 + Math.Exp(lu - lm));
                matches += g[p] * counts[p];
            }

            // M step: expected matches per field and level.
            var perLevel = m.Select(r => new double[r.Length]).ToArray();
            for (var p = 0; p < keys.Length; p++)
            {
                for (var f = 0; f < Fields.Count; f++)
                {
                    if (levels[p][f] >= 0)
                    {
                        perLevel[f][levels[p][f]] += g[p] * counts[p];
                    }
                }
            }

            var change = 0.0;
            for (var f = 0; f < Fields.Count; f++)
            {
                var present = perLevel[f].Sum();
                for (var l = 0; l < m[f].Length && session.EstimateM[f]; l++)
                {
                    var v = Math.Max((perLevel[f][l] + (session.PriorPairs * prior[f][l])) / (present + session.PriorPairs), Floor);
                    change = Math.Max(change, Math.Abs(v - m[f][l]));
                    m[f][l] = v;
                }

                if (session.Frequencies is { } freq)
                {
                    // u among non-matches: each level's pairs less the matches expected at it.
                    var nonMatches = Math.Max(freq.Pairs[f] - present, 1);
                    for (var l = 0; l < u[f].Length; l++)
                    {
                        if (!session.FixedU.Contains((f, l)))
                        {
                            u[f][l] = Math.Max(Math.Max(freq.AtLevel[f][l] - perLevel[f][l], 0.5) / nonMatches, Floor);
                        }
                    }
                }
            }

            var newLambda = Math.Clamp(session.MaxMatches > 0 ? Math.Min(matches, session.MaxMatches) / total : matches / total, 1e-12, 1 - 1e-4);
            change = Math.Max(change, Math.Abs(newLambda - lambda) / lambda);
            lambda = newLambda;
            if (change < 1e-6)
            {
                break;
            }
        }

        var posterior = new Dictionary<int, double>(keys.Length);
        for (var p = 0; p < keys.Length; p++)
        {
            posterior[keys[p]] = g[p];
        }

        return new Outcome(lambda, posterior, iterations);
    }

    /// <summary>Starting point: matches mostly agree on the top levels (as Splink's default m priors).</summary>
    public static double[][] InitialM()
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
