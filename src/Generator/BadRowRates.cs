namespace Integration.Generator;

/// <summary>
/// Deliberately corrupted rows. <see cref="Rate"/> is the share of all rows written (every feed) that is
/// corrupted; each corrupted row gets one kind, drawn with <see cref="KindWeights"/>. A kind that does not fit
/// a feed (legacy Khmer font in a feed without names, negative money in a feed without money) falls back to
/// an unparsable number. Every corrupted row is listed in ground-truth/bad-rows.csv and left out of records.csv,
/// except a legacy-font name_km and a bad date no rule reads (MoC, GDT, contributions): ingest loads that row with the
/// field blanked (a field warning), so it is a record.
/// </summary>
public sealed record BadRowRates
{
    /// <summary>0.002 = 0.2% of rows; 0 disables bad rows.</summary>
    public double Rate { get; init; } = 0.002;

    /// <summary>Relative weights of <see cref="BadRowKind"/> in enum order.</summary>
    public double[] KindWeights { get; init; } = [1, 1, 1, 1, 1, 1, 1];
}

/// <summary>The kinds of corrupted rows, with the quarantine reason (or, for LegacyKhmerFont and most BadDate rows, field warning) a correct ingest gives them.</summary>
public enum BadRowKind
{
    WrongColumnCount,
    BadDate,
    BadNumber,
    NegativeMoney,
    MissingKey,
    DuplicateKey,
    LegacyKhmerFont,
}
