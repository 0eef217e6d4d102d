namespace Integration.Matching.Records;

/// <summary>
/// One current record of a registry feed, with the columns matching uses. <see cref="OwnTin"/> and
/// <see cref="OwnMocNo"/> are identifiers the record is keyed by; <see cref="RefTin"/> and
/// <see cref="RefMocNo"/> are cross-references typed in by the registry, which may be wrong.
/// </summary>
public sealed record SourceRecord
{
    public required int Feed { get; init; }
    public required string SourceKey { get; init; }
    public string? NameKm { get; init; }
    public string? NameEn { get; init; }
    public string? OwnTin { get; init; }
    public string? OwnMocNo { get; init; }
    public string? RefTin { get; init; }
    public string? RefMocNo { get; init; }
    public string? IsicCode { get; init; }
    public string? HouseNo { get; init; }
    public string? Street { get; init; }
    public string? Village { get; init; }
    public string? Commune { get; init; }
    public string? District { get; init; }
    public string? Province { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Status { get; init; }
    public string? LastSeenOn { get; init; }

    /// <summary>MoC's main director or owner, a person's name in either script and any word order; null elsewhere.</summary>
    public string? DirectorName { get; init; }

    public string FeedName => Feeds.All[Feed];

    /// <summary>The TIN this record carries, its own (GDT) or its cross-reference.</summary>
    public string? AnyTin => OwnTin ?? RefTin;

    public string? AnyMocNo => OwnMocNo ?? RefMocNo;
}
