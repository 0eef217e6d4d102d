using System.Collections.Concurrent;
using Integration.Matching.Comparison;

namespace Integration.Matching.Scoring;

/// <summary>The decision on one pair: the pattern it was scored on, its weight and probability, and how it would link (null: not at all).</summary>
internal readonly record struct PairDecision(int Pattern, double Weight, double Probability, LinkMethod? Method);

/// <summary>Every candidate pair that would link or is in the review band, and each record's best probability.</summary>
internal sealed record ScoredCandidates(List<LinkEdge> Edges, double[] BestProbability);

/// <summary>
/// The decide stage: both thresholds in one place. A pair at or above <see cref="MatchingOptions.AutoLinkThreshold"/>
/// links automatically (verified identifier, else corroborated fuzzy); from <see cref="MatchingOptions.ReviewThreshold"/>
/// up it is in the clerks' review band; below it is not linked.
/// </summary>
internal sealed class LinkDecision(MatchingOptions options, FellegiSunterModel model, PairScoring scoring)
{
    public double AutoLinkThreshold => options.AutoLinkThreshold;

    public double ReviewThreshold => options.ReviewThreshold;

    /// <summary>
    /// A shared TIN or MoC number stays in the score as the strong evidence it is, weighed as the data says (the
    /// wrong cross-references among identifier matches make its u); the pair links by identifier when the whole
    /// record, identifier included, reaches the automatic level. A sister firm carrying another firm's TIN, with
    /// another name, line of business and address, does not: those fields outweigh the identifier. Without a
    /// shared identifier the pair must also be corroborated by something specific to one firm.
    /// </summary>
    public PairDecision Decide(int a, int b, int pattern)
    {
        var w = scoring.Weight(model, a, b, pattern);
        var p = FellegiSunterModel.Probability(w);
        LinkMethod? method = p >= options.AutoLinkThreshold && ModelTraining.SharesIdentifier(pattern) ? LinkMethod.Id
            : p >= options.AutoLinkThreshold && Corroborated(pattern, scoring, a, b) ? LinkMethod.Fuzzy
            : p >= options.ReviewThreshold ? LinkMethod.Review
            : null;
        return new PairDecision(pattern, w, p, method);
    }

    /// <summary>The model's weight and probability of a pair on its whole pattern, for pairs a clerk decided.</summary>
    public ScoredPair Score(int a, int b, int pattern)
    {
        var w = scoring.Weight(model, a, b, pattern);
        return new ScoredPair(a, b, pattern, w, FellegiSunterModel.Probability(w));
    }

    /// <summary>A pair a clerk accepted: linked whatever its score, shown with the weight the model gives it.</summary>
    public LinkEdge Accepted(int a, int b, int pattern) => new(a, b, pattern, scoring.Weight(model, a, b, pattern), 1.0, LinkMethod.Clerk);

    /// <summary>
    /// Whether an edge joins enterprises in clustering. Automatic links and clerks' accepts do; a pair in the review
    /// band across two registries joins provisionally (a check then says REVIEW rather than BLOCK on a missing
    /// link). Two records of one registry in the review band join when something specific to one firm agrees too (an
    /// identifier, a phone, an e-mail, the house), or when their names agree and none of those disagrees, or when
    /// their names differ but house, line and a phone of their own agree (<see cref="OneFirmUnderTwoNames"/>); the
    /// others (different names at one address: neighbours as often as a re-registration) wait for a clerk.
    /// </summary>
    public bool Joins(LinkEdge e) =>
        e.Method != LinkMethod.Review
        || scoring.Feed(e.A) != scoring.Feed(e.B)
        || ModelTraining.SharesIdentifier(e.Pattern)
        || Corroborated(e.Pattern, scoring, e.A, e.B)
        || AgreeingNamesUncontradicted(e.Pattern)
        || OneFirmUnderTwoNames(e.Pattern, scoring, e.A, e.B);

    /// <summary>
    /// Two records of one registry, each linked automatically to one record of another registry, are one firm's two
    /// registrations when their own comparison does not say two firms: their names are very similar at least (in one
    /// script or by sound), they do not stand at different premises (a branch or a sister firm carrying the
    /// parent's identifier does), their names do not say two kinds of establishment, and the place agrees as far as
    /// both records name it (two namesakes of one province, one of them linked wrongly to the third record). A pair
    /// with other names that scores in the review band joins only by its own pair (<see cref="Joins"/>): at national
    /// scale two neighbours of one building (Lakhena Heng Hotel / Lakhena Nuon Guesthouse) reached it through a third. A wrong automatic link is rare; a
    /// third record linking two firms that differ in name, place or premises is the case the clustering rule guards.
    /// </summary>
    public bool SameFirmThroughThird(int x, int y, int pattern) =>
        Pattern.Level(pattern, Fields.House) != 0
        && !scoring.KindsConflict(x, y)
        && Fields.NameStrength(Pattern.Level(pattern, Fields.Name)) >= 3
        && scoring.PlaceAgreesAsFarAsKnown(x, y, Pattern.Level(pattern, Fields.Place));

    /// <summary>
    /// Two records of one registry whose names differ but that share the house, a phone number no other record of
    /// that registry carries, and the ISIC class the registry gave both, with names that do not say two kinds of
    /// establishment: one business registered under its shop name and under its owner's name (a sole proprietorship's
    /// older TIN, CHAN SOPHEA / Bayon Restaurant), as a pair across registries is under its operator's name. Outlets of one
    /// building (a hotel's restaurants on its switchboard) share house and phone too: the class the registry gave is
    /// the one more thing a firm's two registrations keep and two outlets need not, so without it (data that give no
    /// class) the pair waits for a clerk. It joins in the review band only, never as an automatic link.
    /// </summary>
    public static bool OneFirmUnderTwoNames(int pattern, PairScoring scoring, int a, int b) =>
        Pattern.Level(pattern, Fields.Name) == 0
        && Pattern.Level(pattern, Fields.House) >= 1
        && Pattern.Level(pattern, Fields.Phone) == 1
        && Pattern.Level(pattern, Fields.Isic) == 2
        && scoring.ExclusivePhone(a, b)
        && scoring.SpecificPremises(a, b)
        && !scoring.KindsConflict(a, b);

    /// <summary>
    /// Names that agree and nothing specific to one firm that disagrees (house, phone, e-mail): in the review band that
    /// is a firm registered twice far more often than two namesakes (the model's within-registry prior and u already
    /// weigh how seldom a registry holds one firm twice, and a common name weighs little), so it joins provisionally
    /// as a pair across registries does.
    /// </summary>
    public static bool AgreeingNamesUncontradicted(int pattern) =>
        Fields.NameAgrees(Pattern.Level(pattern, Fields.Name))
        && Pattern.Level(pattern, Fields.House) != 0 && Pattern.Level(pattern, Fields.Phone) != 0 && Pattern.Level(pattern, Fields.Email) != 0;

    /// <summary>The band a linking pair is kept in: automatic links and the review band (clerks' bands are set where their decisions apply).</summary>
    public static PairBand BandOf(LinkMethod method) => method == LinkMethod.Review ? PairBand.Review : PairBand.Link;

    /// <summary>Decides every candidate in parallel, keeping those that link or fall in the review band.</summary>
    public ScoredCandidates DecideAll(List<ComparedPair> candidates, int recordCount)
    {
        var bag = new ConcurrentBag<List<LinkEdge>>();
        var bestBits = new long[recordCount];
        if (candidates.Count == 0)
        {
            return new ScoredCandidates([], new double[recordCount]); // an empty or one-record register: Partitioner refuses an empty range
        }

        Parallel.ForEach(
            Partitioner.Create(0, candidates.Count, 4096),
            () => new List<LinkEdge>(),
            (range, _, local) =>
            {
                for (var k = range.Item1; k < range.Item2; k++)
                {
                    var (a, b, pattern) = candidates[k];
                    var d = Decide(a, b, pattern);
                    Raise(bestBits, a, d.Probability);
                    Raise(bestBits, b, d.Probability);
                    if (d.Method is { } m)
                    {
                        local.Add(new LinkEdge(a, b, d.Pattern, d.Weight, d.Probability, m));
                    }
                }

                return local;
            },
            local => bag.Add(local));

        var best = new double[recordCount];
        for (var i = 0; i < recordCount; i++)
        {
            best[i] = BitConverter.Int64BitsToDouble(Interlocked.Read(ref bestBits[i]));
        }

        return new ScoredCandidates(bag.SelectMany(l => l).ToList(), best);
    }

    /// <summary>
    /// Without a shared identifier a pair links automatically only when something specific to one firm agrees
    /// (a phone or e-mail few other records carry, the house number) and the names agree; or, when the names
    /// share only some words (a short form against a long one: "Peck" / "Chicago Public Schools Peck School"),
    /// when two such things agree (across two registries the house number with its street counts as two); or, when the names differ (a firm renamed in one register, or listed by its
    /// operator's name), a pair across two registries when the house agrees and the pair shares a phone number no other
    /// record of those registries carries, and the names do not say two kinds of establishment (two records of one
    /// registry with other names, one address and one phone are as often two outlets of one building). Otherwise a clerk looks first: similar names in
    /// one commune are common (family names, trade words), and a wrong link blocks a firm.
    /// </summary>
    public static bool Corroborated(int pattern, PairScoring scoring, int a, int b)
    {
        var nameLevel = Pattern.Level(pattern, Fields.Name);
        // Premises a building's tenants or a group's firms all give say nothing of one firm (PairScoring.SpecificPremises).
        var house = Pattern.Level(pattern, Fields.House) >= 1 && scoring.SpecificPremises(a, b);
        var phone = Pattern.Level(pattern, Fields.Phone) == 1;
        var specific = (phone && scoring.SpecificPhone(a, b) ? 1 : 0)
            + (house ? 1 : 0)
            + (Pattern.Level(pattern, Fields.Email) == 1 && scoring.SpecificEmail(a, b) ? 1 : 0);
        // Across two registries the whole premises (number and street) is two facts of one place, not one: a weak name
        // likeness there (a short form, a faint cross-script sound) is one firm written two ways. Within one registry
        // the same premises is as often two tenants or outlets of one building, so it stays one fact there.
        var premises = house && Pattern.Level(pattern, Fields.House) == 2 && scoring.Feed(a) != scoring.Feed(b) ? 1 : 0;
        return Fields.NameAgrees(nameLevel) ? specific >= 1
            : Fields.NameWeak(nameLevel) ? specific + premises >= 2
            : house && phone && scoring.Feed(a) != scoring.Feed(b) && scoring.ExclusivePhone(a, b) && !scoring.KindsConflict(a, b);
    }

    private static void Raise(long[] bits, int i, double p)
    {
        var current = Interlocked.Read(ref bits[i]);
        while (p > BitConverter.Int64BitsToDouble(current))
        {
            var seen = Interlocked.CompareExchange(ref bits[i], BitConverter.DoubleToInt64Bits(p), current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
