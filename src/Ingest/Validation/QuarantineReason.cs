namespace Integration.Ingest.Validation;

/// <summary>Why a row was quarantined (the quarantine.reason column), or a field of a loaded row repaired (field_warnings.reason).</summary>
internal static class QuarantineReason
{
    public const string WrongColumnCount = "WRONG_COLUMN_COUNT";
    public const string BadDate = "BAD_DATE";
    public const string BadMonth = "BAD_MONTH";
    public const string BadNumber = "BAD_NUMBER";
    public const string NegativeMoney = "NEGATIVE_MONEY";
    public const string MissingKey = "MISSING_KEY";
    public const string DuplicateKey = "DUPLICATE_KEY";
    public const string BadEnum = "BAD_ENUM";
    public const string MissingName = "MISSING_NAME";

    /// <summary>
    /// Field-level (field_warnings, the row loads): a name_km that is not empty but holds no Khmer Unicode character
    /// (U+1780..U+17FF, U+19E0..U+19FF) and does not read as a Latin name: typed in a legacy font (Limon and the
    /// like) that maps Khmer glyphs onto Latin code points. The field is blanked.
    /// </summary>
    public const string LegacyKhmerFont = "LEGACY_KHMER_FONT";

    /// <summary>
    /// Field-level (field_warnings, the row loads): a name_km holding a Latin-script name. It becomes name_en when
    /// that is empty, is exchanged with name_en when that holds the Khmer name, and is blanked otherwise.
    /// </summary>
    public const string LatinInKhmerName = "LATIN_IN_KHMER_NAME";

    /// <summary>A control character (NUL, ESC, DEL, C1 codes...) in a field: never a register's data, often a broken export.</summary>
    public const string ControlCharacter = "CONTROL_CHARACTER";

    /// <summary>A field longer than Ingest:Limits:MaxFieldChars.</summary>
    public const string FieldTooLong = "FIELD_TOO_LONG";

    /// <summary>A JSONL object naming one column twice (the same property, or two that map to one column): which to believe would be a guess.</summary>
    public const string DuplicateProperty = "DUPLICATE_PROPERTY";

    /// <summary>A JSONL value of the wrong JSON type: an object, array or boolean where text or a number belongs.</summary>
    public const string WrongJsonType = "WRONG_JSON_TYPE";

    /// <summary>A Buddhist-era year (2569 for 2025/26) while no offset is configured (Dates:BuddhistEraOffset).</summary>
    public const string BuddhistEraDate = "BUDDHIST_ERA_DATE";

    /// <summary>A real calendar date outside the plausible range (year 0001, 9999...; Dates:EarliestYear, Dates:MaxYearsAhead).</summary>
    public const string ImplausibleDate = "IMPLAUSIBLE_DATE";

    /// <summary>A TIN, registration number or NSSF id holding a character no identifier has.</summary>
    public const string BadIdentifier = "BAD_IDENTIFIER";
}

/// <summary>What is wrong with one row: the canonical column at fault (if one), the code and the sentence.</summary>
public sealed record RowProblem(string? Field, string Reason, string Message);
