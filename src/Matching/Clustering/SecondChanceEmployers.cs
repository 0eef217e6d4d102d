using Integration.Matching.Blocking;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Clustering;

/// <summary>
/// The mirror of <see cref="UnattachedEmployers"/>, for the enterprises the alerts would call unregistered: an
/// enterprise with licence or taxpayer records and no NSSF employer is answered BLOCK NOT_REGISTERED when it has
/// employees, and at national scale its own employer is often a record the first blocking never paired with it
/// (its common name fell out of the block-size cap, its place keys moved) or whose best candidate was another firm.
/// So after clustering a second, targeted search runs over the two small sets that matter only: those
/// employer-less enterprises' records and the free NSSF employers (alone, or in an enterprise of NSSF records only).
/// Blocked among themselves, with the same keys and caps, their name and place blocks are small enough to pair in
/// full. Each enterprise keeps its best such employer, when the pair reaches <see cref="MatchingOptions.SecondChanceThreshold"/>
/// and the employer has no better target elsewhere, as an unjoined review-band pair: the check then says REVIEW and
/// names the employer (rules.md step 5), and a clerk confirms. Nothing is linked by it.
/// An enterprise no such pair reaches may still get a namesake (<see cref="MatchingOptions.SecondChanceNamesakes"/>):
/// a free record whose name equals one of its records' exactly, in either script, with no other province and no
/// differing identifier against it, when neither side has more than a few such namesakes. The model scores those
/// near zero when the free record's address is blank, foreign or unresolved (nothing but the name to agree on), and
/// it is exactly the firm a clerk would find by searching the register for the name. Likewise a free record registered
/// under the owner's personal name, which is the MoC director's (<see cref="SecondChanceDirectors"/>).
/// </summary>
internal static class SecondChanceEmployers
{
    /// <summary>What the search did, for the run summary.</summary>
    public sealed record Outcome(List<LinkEdge> Pairs, int Targets, int FreeEmployers, long Compared);

    /// <param name="decide">The decide stage (<see cref="LinkDecision.Decide"/>).</param>
    /// <param name="known">Pairs already kept (edges, unattached employers' pairs): an enterprise with one to an employer is skipped.</param>
    public static Outcome Find(StandardRecord[] records, List<int[]> clusters, IEnumerable<LinkEdge> known, IEnumerable<(int A, int B)> rejects, Func<int, int, int, PairDecision> decide, MatchingOptions options)
    {
        var none = new Outcome([], 0, 0, 0);
        if (options.SecondChanceThreshold >= options.ReviewThreshold)
        {
            return none; // the rule is off
        }

        var knownList = known.ToList();
        var rejected = rejects.ToHashSet();
        var nssf = Feeds.Index(Feeds.Nssf);
        var gdt = Feeds.Index(Feeds.Gdt);
        var moc = Feeds.Index(Feeds.Moc);

        // The employer a NOT_REGISTERED block says is missing; and the taxpayer whose headcount a licence-only
        // enterprise lacks (without it the check says ALLOW NO_EMPLOYEES_DECLARED on a firm with employees).
        var employers = Search(records, clusters, knownList, rejected, decide, options, nssf, c => c.Any(r => records[r].Feed != nssf), c => c.All(r => records[r].Feed == nssf));
        var taxpayers = Search(records, clusters, knownList, rejected, decide, options, gdt, c => c.Any(r => records[r].Feed == moc), c => c.All(r => records[r].Feed != moc));
        return new Outcome([.. employers.Pairs, .. taxpayers.Pairs], employers.Targets + taxpayers.Targets, employers.FreeEmployers + taxpayers.FreeEmployers, employers.Compared + taxpayers.Compared);
    }

    /// <param name="feed">The registry whose record the target enterprises lack.</param>
    /// <param name="isTarget">Of an enterprise without a record of <paramref name="feed"/>: whether a check or a lead rests on the absence.</param>
    /// <param name="isFree">Of an enterprise with a record of <paramref name="feed"/>: whether its records of that registry may be a target's.</param>
    private static Outcome Search(StandardRecord[] records, List<int[]> clusters, List<LinkEdge> known, HashSet<(int, int)> rejected, Func<int, int, int, PairDecision> decide, MatchingOptions options, int feed, Func<int[], bool> isTarget, Func<int[], bool> isFree)
    {
        var clusterOf = new int[records.Length];
        Array.Fill(clusterOf, -1);
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var r in clusters[c])
            {
                clusterOf[r] = c;
            }
        }

        // Enterprises whose check already turns on a pair with a record of the registry: the alerts weigh that one.
        var seen = new HashSet<int>();
        foreach (var e in known)
        {
            if ((records[e.A].Feed == feed) != (records[e.B].Feed == feed))
            {
                seen.Add(clusterOf[records[e.A].Feed == feed ? e.B : e.A]);
            }
        }

        var target = new bool[records.Length];
        var free = new bool[records.Length];
        var targets = 0;
        var frees = 0;
        for (var c = 0; c < clusters.Count; c++)
        {
            var members = clusters[c];
            var own = members.Any(r => records[r].Feed == feed);
            if (own && isFree(members))
            {
                foreach (var r in members.Where(r => records[r].Feed == feed))
                {
                    free[r] = true;
                    frees++;
                }
            }
            else if (!own && isTarget(members) && !seen.Contains(c))
            {
                foreach (var r in members)
                {
                    target[r] = true;
                }

                targets++;
            }
        }

        var subset = Enumerable.Range(0, records.Length).Where(i => target[i] || free[i]).ToArray();
        if (targets == 0 || frees == 0)
        {
            return new Outcome([], targets, frees, 0);
        }

        var sub = subset.Select(i => records[i]).ToArray();
        var index = BlockIndex.Build(sub, options.MaxBlockSize, options.RareTokensPerRecord, options.BlockingKeys, withinFeeds: false, options.BlockWindow);
        var floor = options.SecondChanceThreshold;

        // Every employer-target candidate pair scored, in parallel over ranges of the subset.
        const int Range = 4096;
        var ranges = new List<(int Cluster, int Employer, LinkEdge Edge, bool Namesake)>[(sub.Length + Range - 1) / Range];
        long compared = 0;
        Parallel.For(0, ranges.Length, () => new List<(int Record, int Keys)>(), (r, _, found) =>
        {
            var local = new List<(int Cluster, int Employer, LinkEdge Edge, bool Namesake)>();
            long n = 0;
            for (var s = r * Range; s < Math.Min(sub.Length, (r + 1) * Range); s++)
            {
                index.Candidates(s, sub, found);
                foreach (var (t, _) in found)
                {
                    var x = subset[s];
                    var y = subset[t];
                    if (free[x] == free[y])
                    {
                        continue; // one side an employer, the other a licence or taxpayer record
                    }

                    var (a, b) = x < y ? (x, y) : (y, x);
                    if (rejected.Contains((a, b)))
                    {
                        continue;
                    }

                    n++;
                    var d = decide(a, b, PairComparer.Compare(records[a], records[b]));
                    if (d.Method is LinkMethod.Id or LinkMethod.Fuzzy)
                    {
                        continue; // an automatic link that clustering refused is already kept as a review pair
                    }

                    var namesake = d.Probability < floor;
                    if (namesake && (options.SecondChanceNamesakes == 0 || !IsNamesake(d.Pattern)))
                    {
                        continue;
                    }

                    var employer = free[x] ? x : y;
                    var other = employer == x ? y : x;
                    local.Add((clusterOf[other], employer, new LinkEdge(a, b, d.Pattern, d.Weight, d.Probability, LinkMethod.Review), namesake));
                }
            }

            ranges[r] = local;
            Interlocked.Add(ref compared, n);
            return found;
        }, _ => { });
        var all = ranges.SelectMany(x => x).ToList();
        var scored = all.Where(p => !p.Namesake).ToList();

        var employerBest = new Dictionary<int, double>();
        foreach (var (_, employer, e, _) in scored)
        {
            employerBest[employer] = Math.Max(employerBest.GetValueOrDefault(employer), e.Probability);
        }

        // An employer lends its doubt to the enterprise it resembles most (ties kept), not to every namesake.
        var pairs = scored
            .Where(p => p.Edge.Probability >= employerBest[p.Employer])
            .GroupBy(p => p.Cluster)
            .SelectMany(g =>
            {
                var top = g.Max(p => p.Edge.Probability);
                return g.Where(p => p.Edge.Probability == top).Select(p => p.Edge);
            })
            .ToList();
        pairs.AddRange(Namesakes(all.Where(p => p.Namesake), scored, options.SecondChanceNamesakes));
        if (options.SecondChanceNamesakes > 0)
        {
            var kept = pairs.Select(p => (p.A, p.B)).ToHashSet();
            pairs.AddRange(SecondChanceDirectors.Find(records, target, free, clusterOf, rejected, decide, options.SecondChanceNamesakes, ref compared).Where(p => kept.Add((p.A, p.B))));
        }

        return new Outcome(pairs, targets, frees, compared);
    }

    /// <summary>
    /// Exactly the same name in either script, and nothing that says two firms: not another province (a blank or
    /// unresolved address says nothing), no differing TIN or MoC number.
    /// </summary>
    public static bool IsNamesake(int pattern) =>
        Pattern.Level(pattern, Fields.Name) == NameExact
        && Pattern.Level(pattern, Fields.Place) != 0
        && Pattern.Level(pattern, Fields.Tin) != 0
        && Pattern.Level(pattern, Fields.Moc) != 0;

    private const int NameExact = 4;

    /// <summary>
    /// The namesake pairs of the enterprises and free records that no scored pair reached, one per enterprise and
    /// record (its likeliest), where the name is rare among them: a record with more than <paramref name="most"/>
    /// namesake enterprises, or an enterprise with more than that many namesake records, is a common name, not a find.
    /// </summary>
    private static IEnumerable<LinkEdge> Namesakes(IEnumerable<(int Cluster, int Employer, LinkEdge Edge, bool Namesake)> namesakes, List<(int Cluster, int Employer, LinkEdge Edge, bool Namesake)> scored, int most)
    {
        var placed = scored.Select(p => p.Cluster).ToHashSet();
        var lent = scored.Select(p => p.Employer).ToHashSet();
        var best = namesakes
            .Where(p => !placed.Contains(p.Cluster) && !lent.Contains(p.Employer))
            .GroupBy(p => (p.Cluster, p.Employer))
            .Select(g => g.MaxBy(p => p.Edge.Probability))
            .ToList();
        var perEmployer = best.GroupBy(p => p.Employer).ToDictionary(g => g.Key, g => g.Count());
        var perCluster = best.GroupBy(p => p.Cluster).ToDictionary(g => g.Key, g => g.Count());
        return best.Where(p => perEmployer[p.Employer] <= most && perCluster[p.Cluster] <= most).Select(p => p.Edge);
    }
}
