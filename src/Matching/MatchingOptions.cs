namespace Integration.Matching;

/// <summary>Bound from the <c>Matching</c> configuration section. Every threshold is policy, not code.</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>Pairs at or above this match probability are linked automatically (method fuzzy).</summary>
    public double AutoLinkThreshold { get; set; } = 0.99;

    /// <summary>Pairs from here up to <see cref="AutoLinkThreshold"/> form the clerks' review band and are linked provisionally.</summary>
    public double ReviewThreshold { get; set; } = 0.80;

    /// <summary>
    /// A blocking key shared by up to this many records pairs them all. A larger block (a common name, a shared
    /// phone, house 12 in a city) is cut to windows: its records sorted by what the key does not say, each paired
    /// with its <see cref="BlockWindow"/> nearest neighbours on either side. No record loses a key to the cap.
    /// </summary>
    public int MaxBlockSize { get; set; } = 30;

    /// <summary>Neighbours on each side a record of a large block is paired with (sorted-neighbourhood blocking).</summary>
    public int BlockWindow { get; set; } = 3;

    /// <summary>
    /// The blocking keys in use (any of <see cref="Blocking.BlockingKey"/>). Whole Khmer name and commune +
    /// Latin prefix are off by default: the other keys find the same pairs (measured on generated registers:
    /// 44 of 35,627 true pairs missed at 50,000 firms) with half the comparisons.
    /// </summary>
    public List<Blocking.BlockingKey> BlockingKeys { get; set; } =
    [
        Blocking.BlockingKey.Tin, Blocking.BlockingKey.MocNo, Blocking.BlockingKey.Phone, Blocking.BlockingKey.Email,
        Blocking.BlockingKey.RareToken, Blocking.BlockingKey.Phonetic, Blocking.BlockingKey.PlacePhonetic,
        Blocking.BlockingKey.CoreName, Blocking.BlockingKey.Premises,
    ];

    /// <summary>How many of a record's rarest name tokens become blocking keys.</summary>
    public int RareTokensPerRecord { get; set; } = 2;

    /// <summary>Random pairs drawn to estimate the u probabilities (chance agreement), as Splink does.</summary>
    public int RandomPairsForU { get; set; } = 100_000;

    public int EmMaxIterations { get; set; } = 50;

    /// <summary>Seed for the random-pair sample, so two runs over the same data give the same model.</summary>
    public int Seed { get; set; } = 20240601;

    /// <summary>Recorded with every output so a decision can be traced to the model that made it.</summary>
    public string ModelVersion { get; set; } = "fs-em-1";

    /// <summary>
    /// Compare records of one registry with each other too (deduplication, as Splink's link_and_dedupe): a firm
    /// registered twice with NSSF, or holding two TINs, becomes one enterprise with both records.
    /// </summary>
    public bool LinkWithinRegistries { get; set; } = true;

    /// <summary>
    /// At most this many records of one registry in one enterprise (MoC branch licences apart). Two records of
    /// one registry share an enterprise only when they are linked to each other directly (see <see cref="Clustering.Clusterer"/>).
    /// </summary>
    public int MaxRecordsPerFeed { get; set; } = 4;

    /// <summary>
    /// MoC registers branches as records of their own carrying the parent's TIN: an enterprise may hold up
    /// to this many MoC records, the extra ones only through a verified identifier or a clerk's accept.
    /// </summary>
    public int MaxMocRecordsPerEnterprise { get; set; } = 8;

    /// <summary>
    /// An NSSF employer left without any licence or taxpayer record keeps its best candidate of the other registries
    /// as a review-band pair (not joined) when that candidate reaches this probability: most such employers are
    /// missed links, and the alerts must not call the other record's firm unregistered on the miss alone
    /// (<see cref="Clustering.UnattachedEmployers"/>). At or above <see cref="ReviewThreshold"/> the rule is off.
    /// </summary>
    public double UnattachedCandidateThreshold { get; set; } = 0.1;

    /// <summary>
    /// An enterprise with licence or taxpayer records and no NSSF employer (which a check would call unregistered)
    /// gets a second, targeted candidate search among the free NSSF employers (alone or with NSSF records only); its
    /// best one at this probability or more, that resembles no other such enterprise more, is kept as an unjoined
    /// review-band pair (<see cref="Clustering.SecondChanceEmployers"/>). At or above <see cref="ReviewThreshold"/> the rule is off.
    /// </summary>
    public double SecondChanceThreshold { get; set; } = 0.05;

    /// <summary>
    /// In that second search, a pair below <see cref="SecondChanceThreshold"/> is still kept when the two names are
    /// exactly equal in either script and nothing contradicts them (no other province, no differing identifier), and the
    /// name is this rare there: the employer has at most this many such namesake enterprises and the enterprise at most
    /// this many namesake employers. The model cannot weigh a record whose address is blank, foreign or weak (it then
    /// scores near zero against its own firm), but an exact name on both sides is what a clerk would search by.
    /// The same cap holds for a free record registered under the MoC director's personal name (SecondChanceDirectors).
    /// 0 turns both off.
    /// </summary>
    public int SecondChanceNamesakes { get; set; } = 2;

    /// <summary>Write enterprises.csv, links.csv and review.csv after every run.</summary>
    public bool ExportAfterRun { get; set; } = true;

    /// <summary>Prefix of enterprise ids (E00000001).</summary>
    public string EnterpriseIdPrefix { get; set; } = "E";

    /// <summary>When a run may be incremental (<c>Matching:Incremental</c>) rather than a full rebuild; see docs/matching.md.</summary>
    public IncrementalOptions Incremental { get; set; } = new();
}

/// <summary>
/// <c>Matching:Incremental</c>: an incremental run holds the last full run's model fixed and standardises only
/// the records that changed since the last run. The scheduler's <c>match</c> job (and <c>integration match</c>
/// without <c>--full</c>) runs one when allowed, a full rebuild otherwise.
/// </summary>
public sealed class IncrementalOptions
{
    /// <summary>Off: every run is a full rebuild (the model estimated again, every record standardised).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A full rebuild when the last one started this many days ago or more (the model follows the registers).</summary>
    public int FullRebuildDays { get; set; } = 7;

    /// <summary>
    /// A full rebuild when more than this share of the records changed, came or went since the last run: the
    /// registers moved enough that the model should be estimated again (and an incremental run saves little).
    /// </summary>
    public double MaxChangedShare { get; set; } = 0.05;
}
