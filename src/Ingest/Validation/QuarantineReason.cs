namespace Integration.Ingest.Validation;

/// <summary>Why a row was quarantined (the quarantine.reason column).</summary>
public static class QuarantineReason
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
    /// A name_km that is not empty but holds no Khmer Unicode character (U+1780..U+17FF, U+19E0..U+19FF):
    /// typed in a legacy font (Limon and the like) that maps Khmer glyphs onto Latin code points.
    /// </summary>
    public const string LegacyKhmerFont = "LEGACY_KHMER_FONT";
}

/// <summary>What is wrong with one row: the canonical column at fault (if one), the code and the sentence.</summary>
public sealed record RowProblem(string? Field, string Reason, string Message);
