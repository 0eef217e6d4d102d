namespace Integration.Ingest.Validation;

/// <summary>
/// A field of a row that loads, changed because its value could not be used as delivered (the field_warnings table).
/// The row is not quarantined for it: the field is optional and the rest of the row (key, cross-references,
/// address, status) is the firm's record, which matching and the alerts need.
/// </summary>
/// <param name="Field">Canonical column that was changed.</param>
/// <param name="Reason">Why (<see cref="QuarantineReason.LegacyKhmerFont"/>, <see cref="QuarantineReason.LatinInKhmerName"/>).</param>
/// <param name="Action">What was done (<see cref="FieldAction"/>).</param>
/// <param name="Message">Sentence naming file, line, field and reason.</param>
/// <param name="Original">The value as delivered.</param>
internal sealed record FieldRepair(string Field, string Reason, string Action, string Message, string Original);

/// <summary>What a field-level repair did (the field_warnings.action column).</summary>
internal static class FieldAction
{
    /// <summary>The value was dropped (stored NULL); the original is kept in field_warnings.</summary>
    public const string Blanked = "BLANKED";

    /// <summary>A Latin name in name_km became name_en (which was empty).</summary>
    public const string MovedToNameEn = "MOVED_TO_NAME_EN";

    /// <summary>name_km held the Latin name and name_en the Khmer one: the two were exchanged.</summary>
    public const string SwappedWithNameEn = "SWAPPED_WITH_NAME_EN";
}
