using Integration.Core.Identifiers;

namespace Integration.Ingest.Feeds;

/// <summary>One canonical column of a feed (shared/spec/extracts.md) and how its values are checked.</summary>
public sealed record FeedColumn(string Name, ColumnKind Kind, IReadOnlyList<string>? Allowed = null, IdentifierKind? IdentifierKind = null)
{
    public bool IsNumber => Kind is ColumnKind.Int or ColumnKind.Money;

    public static FeedColumn Text(string name) => new(name, ColumnKind.Text);

    public static FeedColumn Int(string name) => new(name, ColumnKind.Int);

    public static FeedColumn Money(string name) => new(name, ColumnKind.Money);

    public static FeedColumn Date(string name) => new(name, ColumnKind.Date);

    public static FeedColumn Month(string name) => new(name, ColumnKind.Month);

    public static FeedColumn Enum(string name, params string[] allowed) => new(name, ColumnKind.Enum, allowed);

    public static FeedColumn Id(string name, IdentifierKind kind) => new(name, ColumnKind.Identifier, null, kind);
}
