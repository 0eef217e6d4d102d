using Integration.Matching.Records;

namespace Integration.Matching.Standardisation;

/// <summary>
/// A record with every field standardised once, before blocking and comparison, so that the hot loops
/// only compare prepared strings and codes.
/// </summary>
public sealed class StandardRecord
{
    /// <summary>What outputs and explanations show of the source row (the rest lives on standardised).</summary>
    public required SourceRef Source { get; init; }

    public int Feed => Source.Feed;

    /// <summary>Standardised Latin name words (legal forms removed); empty when there is no Latin name.</summary>
    public required string[] LatinTokens { get; init; }

    /// <summary>The Latin words joined without spaces, so joined and split spellings compare equal.</summary>
    public required string LatinJoined { get; init; }

    /// <summary>Compact Khmer name without legal-form words; empty when there is none.</summary>
    public required string Khmer { get; init; }

    /// <summary>Coarse phonetic key of the Latin name and of the Khmer name (see <see cref="PhoneticKey"/>).</summary>
    public required string LatinKey { get; init; }

    public required string KhmerKey { get; init; }

    /// <summary>The core (trade words left out) when it is one word that could be initials, "skh" of SKH Trading; else empty.</summary>
    public string LatinAcronym { get; init; } = "";

    /// <summary>The first letters of the core's words when it has two or more, "skh" of Sokha Kim Heng Trading; else empty.</summary>
    public string LatinInitials { get; init; } = "";

    /// <summary>What the Latin name means where it translates (<see cref="Lexicon"/>: "gold star" and the rest's key); "" when none of its words is in the lexicon.</summary>
    public string LatinMeaning { get; init; } = "";

    /// <summary>What the Khmer name means where it translates (ផ្កាយមាស: "gold star"); "" when none of its words is in the lexicon.</summary>
    public string KhmerMeaning { get; init; } = "";

    public required string? Tin { get; init; }

    public required string? MocNo { get; init; }

    /// <summary>True when <see cref="Tin"/> is the record's own key (GDT) rather than a typed cross-reference.</summary>
    public bool TinIsOwn => Source.TinIsOwn;

    public bool MocIsOwn => Source.MocIsOwn;

    public required string[] Phones { get; init; }

    public required string? Email { get; init; }

    public required PlaceCodes Place { get; init; }

    /// <summary>House number token (<see cref="Premises"/>: 12, 12A, 27E1, A45, 45-47, 12/3), for telling apart neighbours in one commune.</summary>
    public required string? House { get; init; }

    /// <summary>Unit, flat, room or office number inside the building, when given: tenants of one tower differ by it.</summary>
    public string? Unit { get; init; }

    /// <summary>Street as ST271, NR7 or BV + phonetic key of a boulevard.</summary>
    public required string? Street { get; init; }

    /// <summary>Phonetic key of the name without trade words (Latin, else Khmer): what sounds alike across scripts.</summary>
    public required string CoreKey { get; init; }

    /// <summary>Phonetic key of the Khmer name without trade words (empty without a Khmer name).</summary>
    public required string KhmerCoreKey { get; init; }

    /// <summary>The Khmer name without trade words and digits.</summary>
    public required string KhmerCore { get; init; }

    /// <summary>A MoC branch record ("- Branch 2", "(Siem Reap Branch)", សាខា២): one more record of an enterprise.</summary>
    public required bool IsBranch { get; init; }

    public required string? Isic { get; init; }

    /// <summary>The kinds of establishment the names say (restaurant, cafe, hotel...; <see cref="EstablishmentKinds"/>), either script.</summary>
    public EstablishmentKind Kinds { get; init; }

    /// <summary>Inverse-document-frequency weight of each Latin token, filled in once all records are known.</summary>
    public double[] TokenWeights { get; set; } = [];

    public double TotalWeight { get; set; }
}

/// <summary>
/// The few columns of a source row kept for each standardised record, inline rather than the whole row
/// (national scale: about 120 MB less at the run's peak). <see cref="Director"/> is MoC's director or owner: the
/// person a sole proprietor's NSSF or GDT record is often registered under (<see cref="Comparison.PersonName"/>).
/// </summary>
public readonly record struct SourceRef(int Feed, string SourceKey, string? NameEn, string? NameKm, string? LastSeenOn, bool TinIsOwn, bool MocIsOwn, string? Director = null)
{
    public string FeedName => Feeds.All[Feed];

    public static SourceRef Of(SourceRecord r) => new(r.Feed, r.SourceKey, r.NameEn, r.NameKm, r.LastSeenOn, r.OwnTin is not null, r.OwnMocNo is not null, r.DirectorName);
}
