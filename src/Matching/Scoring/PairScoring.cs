// Over 300 lines: one class holds every per-pair adjustment of the model's weights (names, class beside a name, e-mail, phone, premises), which share its value counts.
using Integration.Matching.Comparison;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Scoring;

/// <summary>
/// Weighs pairs with the model and the run's own value frequencies: each field's log2(m/u), adjusted per
/// pair where a value is common (a family name, an agent's phone) or says nothing new (ISIC beside a name).
/// </summary>
public sealed class PairScoring
{
    private readonly StandardRecord[] _records;
    // Records per value, one table per kind so that a Latin name, a Khmer name, a sound key, an e-mail
    // and a phone never share a count (and no prefixed key string is made per lookup).
    private readonly ValueFrequencies _latinNames = new();
    private readonly ValueFrequencies _khmerNames = new();
    private readonly ValueFrequencies _sounds = new();
    private readonly Dictionary<string, int> _emails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _phones = new(StringComparer.Ordinal);
    private readonly ValueFrequencies _phonesPerFeed = new(); // only its counts per registry are read
    // Per record: how many records of its registry give its premises (0 without a house), counted once here so that
    // the per-pair checks read two numbers instead of hashing both records' premises for every candidate.
    private readonly int[] _premisesRecords;

    public PairScoring(StandardRecord[] records)
    {
        _records = records;
        var feedSizes = new long[3];
        Dictionary<ulong, int>[] premisesPerFeed = [new(), new(), new()];
        foreach (var r in records)
        {
            feedSizes[r.Feed]++;
            _latinNames.Add(r.LatinJoined, r.Feed);
            _khmerNames.Add(r.Khmer, r.Feed);
            _sounds.Add(r.CoreKey, r.Feed);
            if (r.KhmerCoreKey != r.CoreKey)
            {
                _sounds.Add(r.KhmerCoreKey, r.Feed);
            }

            Count(_emails, r.Email);
            foreach (var p in r.Phones)
            {
                Count(_phones, p);
                _phonesPerFeed.Add(p, r.Feed);
            }

            if (r.House is not null)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(premisesPerFeed[r.Feed], PremisesKey(r), out _)++;
            }
        }

        _premisesRecords = new int[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            _premisesRecords[i] = r.House is null ? 0 : premisesPerFeed[r.Feed][PremisesKey(r)];
        }

        _latinNames.Finish(feedSizes);
        _khmerNames.Finish(feedSizes);
        _sounds.Finish(feedSizes);
    }

    private static void Count(Dictionary<string, int> counts, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        }
    }

    /// <summary>A phone or e-mail carried by more records than this belongs to no one firm (an agent, a family's shops).</summary>
    public const int MaxContactRecords = 4;

    /// <summary>
    /// Premises carried by more records of one registry than this are a building's or a group's address, not one
    /// firm's: a tower's tenants, a market's stalls, or a foreign parent's head office that its subsidiaries, branches
    /// and representative offices all give (hard profile: one Beijing address on 576 licences). One firm holds at most
    /// a few records of a registry at one address (a re-registration, a branch at its head office).
    /// </summary>
    public const int MaxPremisesRecords = 3;

    /// <summary>Match weight of one pair: the prior plus <see cref="FieldWeights"/>.</summary>
    public double Weight(FellegiSunterModel model, int a, int b, int pattern)
    {
        Span<double> w = stackalloc double[Fields.Count];
        FieldWeights(model, a, b, pattern, w);
        var total = PriorWeight(model, a, b);
        foreach (var x in w)
        {
            total += x;
        }

        return total;
    }

    /// <summary>The registry of record <paramref name="i"/>.</summary>
    public int Feed(int i) => _records[i].Feed;

    /// <summary>The pair's prior: within one registry or across two.</summary>
    public double PriorWeight(FellegiSunterModel model, int a, int b) => model.Prior(_records[a].Feed == _records[b].Feed);

    public double[] FieldWeights(FellegiSunterModel model, int a, int b, int pattern)
    {
        var w = new double[Fields.Count];
        FieldWeights(model, a, b, pattern, w);
        return w;
    }

    /// <summary>
    /// Each field's weight for one pair (0 where missing). The model's log2(m/u), adjusted where fields are
    /// not independent of the name or not specific to one firm: an agreeing name weighs by how common it is
    /// (a bare family name or "Sokha" says little); the same line of business beside an agreeing name weighs only
    /// as much as it tells namesakes apart (the name already says "Trading", <see cref="FellegiSunterModel.IsicWeightBesideName"/>); a phone or e-mail shared by more records than one firm has
    /// (sokhatrading@gmail.com) is no evidence, and a rarely shared one weighs by its frequency; so are premises more
    /// records of one registry give than one firm has (<see cref="MaxPremisesRecords"/>).
    /// </summary>
    public void FieldWeights(FellegiSunterModel model, int a, int b, int pattern, Span<double> into)
    {
        var ra = _records[a];
        var rb = _records[b];
        var sameFeed = ra.Feed == rb.Feed;
        var weights = model.WeightsFor(sameFeed);
        var nameLevel = Pattern.Level(pattern, Fields.Name);
        for (var f = 0; f < Fields.Count; f++)
        {
            var l = Pattern.Level(pattern, f);
            into[f] = l < 0 ? 0 : weights[f][l];
        }

        // A place agreeing down to the last part both records name (one leaves the district, commune or village blank)
        // agrees as far as anything is known: weighed as agreement at that depth, not as the level's disagreement below.
        var place = Pattern.Level(pattern, Fields.Place);
        if (place is >= 1 and <= 3 && StopsAt(ra.Place, place) | StopsAt(rb.Place, place))
        {
            into[Fields.Place] = model.AtLeastWeight(Fields.Place, place, sameFeed);
        }

        if (Fields.NameStrength(nameLevel) >= 2)
        {
            // The name weighs by how common the value the two share is: more than the level's average for a name
            // no other firm carries, less for a common one (Splink's term-frequency adjustment).
            var frequency = SharedValueFrequency(ra, rb);
            if (frequency > 0)
            {
                into[Fields.Name] = Math.Log2(model.M[Fields.Name][nameLevel] / frequency);
            }

            // The same line of business says little beside an agreeing name (namesakes share it): as much as the data's
            // namesakes say; a neighbouring class (same division) says nothing either way.
            var isic = Pattern.Level(pattern, Fields.Isic);
            if (isic > 0)
            {
                into[Fields.Isic] = isic == 2 ? model.IsicWeightBesideName(sameFeed) : 0;
            }
        }

        if (Pattern.Level(pattern, Fields.Email) == 1)
        {
            var n = _emails.GetValueOrDefault(ra.Email!, 1);
            into[Fields.Email] = n > MaxContactRecords || (Fields.NameStrength(nameLevel) >= 1 && NameDerivedEmail(ra.Email!, ra, rb)) ? 0
                : model.AdjustedWeight(Fields.Email, 1, (double)n / _records.Length, sameFeed);
        }

        if (Pattern.Level(pattern, Fields.House) >= 1 && !SpecificPremises(a, b))
        {
            into[Fields.House] = 0;
        }

        if (Pattern.Level(pattern, Fields.Phone) == 1)
        {
            var n = SharedPhoneRecords(ra, rb);
            into[Fields.Phone] = n > MaxContactRecords ? 0 : model.AdjustedWeight(Fields.Phone, 1, (double)n / _records.Length, sameFeed);
        }
    }

    /// <summary>
    /// True when a pair's place level (<paramref name="level"/>, -1 missing) contradicts nothing either record says:
    /// missing, the same district or closer, or the same province where one record names nothing below it.
    /// </summary>
    public bool PlaceAgreesAsFarAsKnown(int a, int b, int level) =>
        level < 0 || level >= 2 || (level == 1 && (StopsAt(_records[a].Place, 1) || StopsAt(_records[b].Place, 1)));

    /// <summary>True when <paramref name="place"/> names nothing below place level <paramref name="level"/> (1 province, 2 district, 3 commune).</summary>
    public static bool StopsAt(PlaceCodes place, int level) => level switch
    {
        1 => place.District is null,
        2 => place.Commune is null,
        _ => place.Village is null,
    };

    /// <summary>
    /// True when the pair shares an e-mail address specific enough to be one firm's and not made from the name
    /// (a name-made address says again what the agreeing names say).
    /// </summary>
    public bool SpecificEmail(int a, int b) =>
        _records[a].Email is { } e && e == _records[b].Email && _emails.GetValueOrDefault(e, 1) <= MaxContactRecords
        && !NameDerivedEmail(e, _records[a], _records[b]);

    /// <summary>Free mail providers: their domain says nothing about the firm.</summary>
    private static readonly HashSet<string> MailProviders = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "icloud", "me", "aol", "protonmail", "proton", "mail", "gmx", "zoho", "yandex", "qq", "163", "126", "camnet", "online",
    };

    /// <summary>
    /// Whether an e-mail address is made from the firm's name (alliancetrading@gmail.com, info@menglyminimart.com.kh):
    /// a word of three letters or more of either record's Latin name in the address's mailbox or in its own domain.
    /// Such an address is not independent of the name: two namesake firms make the same one, so beside agreeing
    /// names it adds no evidence (as the line of business beside a name), while beside different names (a firm
    /// renamed in one register) it keeps its weight.
    /// </summary>
    public static bool NameDerivedEmail(string email, StandardRecord ra, StandardRecord rb)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var mailbox = at < 0 ? email : email[..at];
        var domain = at < 0 ? "" : email[(at + 1)..].Split('.')[0];
        var own = MailProviders.Contains(domain) ? "" : domain;
        return Contains(ra.LatinTokens) || Contains(rb.LatinTokens);

        bool Contains(string[] words)
        {
            foreach (var w in words)
            {
                if (w.Length >= 3 && (mailbox.Contains(w, StringComparison.Ordinal) || (own.Length > 0 && own.Contains(w, StringComparison.Ordinal))))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// True when the pair shares a phone number no other record of their registries carries: in those registries the
    /// number is these two records' alone (a third record in another registry may be the same firm's), as one firm's
    /// own line is and a building's switchboard, an agent's or a family's shared number is not.
    /// </summary>
    public bool ExclusivePhone(int a, int b)
    {
        var ra = _records[a];
        var rb = _records[b];
        foreach (var x in ra.Phones)
        {
            if (Array.IndexOf(rb.Phones, x) >= 0
                && _phonesPerFeed.Count(x, ra.Feed) + (ra.Feed == rb.Feed ? 0 : _phonesPerFeed.Count(x, rb.Feed)) <= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the premises the two records share are specific enough to be one firm's: in each record's registry
    /// no more than <see cref="MaxPremisesRecords"/> records give them (the pair itself counting within one registry),
    /// so agreeing on them tells one firm from the building's or the group's other ones.
    /// </summary>
    public bool SpecificPremises(int a, int b)
    {
        var same = _records[a].Feed == _records[b].Feed ? 1 : 0;
        return _premisesRecords[a] - same <= MaxPremisesRecords && _premisesRecords[b] - same <= MaxPremisesRecords;
    }

    /// <summary>House, unit and street within the district as far as known: one hash per record's premises.</summary>
    private static ulong PremisesKey(StandardRecord r)
    {
        var h = Fnv1a.Add(Fnv1a.Offset, r.Place.Province ?? "");
        h = Fnv1a.Add(Fnv1a.Add(h, '|'), r.Place.District ?? "");
        h = Fnv1a.Add(Fnv1a.Add(h, '|'), r.Street ?? "");
        h = Fnv1a.Add(Fnv1a.Add(h, '|'), r.House ?? "");
        return Fnv1a.Add(Fnv1a.Add(h, '|'), r.Unit ?? "");
    }

    /// <summary>True when the two names say two different kinds of establishment (<see cref="EstablishmentKinds"/>).</summary>
    public bool KindsConflict(int a, int b) => EstablishmentKinds.Conflict(_records[a].Kinds, _records[b].Kinds);

    /// <summary>True when the pair shares a phone number specific enough to be one firm's.</summary>
    public bool SpecificPhone(int a, int b) => SharedPhoneRecords(_records[a], _records[b]) <= MaxContactRecords;

    /// <summary>Fewest records carrying any phone number the two share (int.MaxValue when none is shared).</summary>
    private int SharedPhoneRecords(StandardRecord ra, StandardRecord rb)
    {
        var best = int.MaxValue;
        foreach (var x in ra.Phones)
        {
            if (Array.IndexOf(rb.Phones, x) >= 0)
            {
                best = Math.Min(best, _phones.GetValueOrDefault(x, 1));
            }
        }

        return best;
    }

    /// <summary>Smoothed frequency of the most specific name value the two records agree on (0 when none).</summary>
    private double SharedValueFrequency(StandardRecord ra, StandardRecord rb)
    {
        if (ra.LatinJoined.Length > 0 && ra.LatinJoined == rb.LatinJoined)
        {
            return _latinNames.Frequency(ra.LatinJoined, ra.Feed, rb.Feed);
        }

        if (ra.Khmer.Length > 0 && ra.Khmer == rb.Khmer)
        {
            return _khmerNames.Frequency(ra.Khmer, ra.Feed, rb.Feed);
        }

        if (SameSound(ra.CoreKey, rb))
        {
            return _sounds.Frequency(ra.CoreKey, ra.Feed, rb.Feed);
        }

        return SameSound(ra.KhmerCoreKey, rb) ? _sounds.Frequency(ra.KhmerCoreKey, ra.Feed, rb.Feed) : 0;
    }

    private static bool SameSound(string key, StandardRecord other) => key.Length > 0 && (key == other.CoreKey || key == other.KhmerCoreKey);
}
