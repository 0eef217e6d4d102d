namespace Integration.Ingest.Feeds;

/// <summary>How a canonical column is validated and stored.</summary>
public enum ColumnKind
{
    /// <summary>Free text, stored trimmed; empty means missing.</summary>
    Text,

    /// <summary>A whole number of things (headcount), never negative.</summary>
    Int,

    /// <summary>Whole riel (KHR), never negative.</summary>
    Money,

    /// <summary>yyyy-MM-dd (dd/MM/yyyy accepted and normalised).</summary>
    Date,

    /// <summary>yyyy-MM.</summary>
    Month,

    /// <summary>One of a fixed list of codes, matched case-insensitively and stored upper case.</summary>
    Enum,

    /// <summary>
    /// A register number (TIN, MoC registration number, NSSF id), stored in one canonical form however it is
    /// written (<see cref="Integration.Core.Identifiers.RegistryIds"/>), so a key stays the same key.
    /// </summary>
    Identifier,
}

/// <summary>Snapshot files replace the feed's current state; append files add or correct rows.</summary>
public enum FeedSemantics
{
    Snapshot,
    Append,
}
