using System.Data.Common;
using Dapper;
using Integration.Core.Database;
using Integration.Ingest.Feeds;

namespace Integration.Ingest.Contracts;

/// <summary>
/// Ingest's published SQL for the matcher's read of the three registers it links (moc-licences, gdt-taxpayers,
/// nssf-employers): built from <see cref="FeedCatalog"/>, so table and column names live in Ingest alone, and every
/// column is checked against the catalog when the class is first used. The matcher reads a national register by
/// column position, natively on SQLite, not through a row mapper (<see cref="FeedRowReader"/>'s Dapper mapping was a
/// fifth of the standardisation step at that scale); the positions are those of <see cref="Columns"/>.
/// </summary>
public static class RegistryRowSql
{
    // Declared first: the initialisers below use it.
    private static readonly string[] DescribedColumns =
        ["isic_code", "house_no", "street", "village", "commune", "district", "province", "address", "phone", "email"];

    /// <summary>
    /// The selected columns, in order. <c>own_tin</c> / <c>own_moc_no</c> are identifiers the record is keyed by (a GDT
    /// record's TIN, a MoC record's registration number); <c>ref_tin</c> / <c>ref_moc_no</c> are cross-references the
    /// registry typed in, which may be wrong. <c>director_name</c> (MoC's main director or owner) comes last, so that
    /// positional reads of the columns before it keep their places. Null where the register has no such column.
    /// </summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "source_key", "name_km", "name_en", "own_tin", "own_moc_no", "ref_tin", "ref_moc_no",
        .. DescribedColumns, "status", "last_seen_on", "director_name",
    ];

    // The SELECT list of each register, aliased to Columns, by feed name (FeedNames).
    private static readonly Dictionary<string, (FeedDefinition Feed, string Select)> Registers = new(StringComparer.Ordinal)
    {
        [FeedNames.Moc] = Build(FeedCatalog.Moc, own: (null, "registration_no"), reference: ("tin", null), director: "director_name"),
        [FeedNames.Gdt] = Build(FeedCatalog.Gdt, own: ("tin", null), reference: (null, "moc_registration_no"), director: null),
        [FeedNames.Nssf] = Build(FeedCatalog.NssfEmployer, own: (null, null), reference: ("tin", "moc_registration_no"), director: null),
    };

    /// <summary>The current rows (is_current = 1) of the register, in key order, so that a run is deterministic.</summary>
    public static string Current(string register) => $"{Register(register).Select} WHERE is_current = 1 ORDER BY {Key(register)}";

    /// <summary>The row with key <c>@key</c>, current or not.</summary>
    public static string ByKey(string register) => $"{Register(register).Select} WHERE {Key(register)} = @key";

    /// <summary>The rows whose key is one of <paramref name="keys"/> (bound into <paramref name="args"/>), current rows last.</summary>
    public static string ByKeys(DbConnection conn, DynamicParameters args, string register, IEnumerable<string> keys) =>
        $"{Register(register).Select} WHERE {KeySet.In(conn, args, "keys", Key(register), keys)} ORDER BY is_current";

    /// <summary>Key, row_hash and last_seen_on of the current rows, in <see cref="Current"/>'s order: what an incremental run compares.</summary>
    public static string CurrentVersions(string register) =>
        $"SELECT {Key(register)}, row_hash, last_seen_on FROM {Register(register).Feed.Table} WHERE is_current = 1 ORDER BY {Key(register)}";

    private static string Key(string register) => Register(register).Feed.KeyColumns[0];

    private static (FeedDefinition Feed, string Select) Register(string feed) =>
        Registers.TryGetValue(feed, out var r) ? r : throw new ArgumentException($"'{feed}' is not a register the matcher links.", nameof(feed));

    private static (FeedDefinition, string) Build(FeedDefinition feed, (string? Tin, string? MocNo) own, (string? Tin, string? MocNo) reference, string? director)
    {
        string Column(string? name, string alias)
        {
            if (name is null)
            {
                return "NULL AS " + alias;
            }

            Checked(feed, name);
            return name == alias ? name : $"{name} AS {alias}";
        }

        var key = feed.KeyColumns[0];
        Checked(feed, key);
        foreach (var c in DescribedColumns.Append("name_km").Append("name_en").Append("status"))
        {
            Checked(feed, c);
        }

        var select = string.Join(", ",
        [
            $"{key} AS source_key", "name_km", "name_en",
            Column(own.Tin, "own_tin"), Column(own.MocNo, "own_moc_no"), Column(reference.Tin, "ref_tin"), Column(reference.MocNo, "ref_moc_no"),
            .. DescribedColumns, "status", "last_seen_on", Column(director, "director_name"),
        ]);
        return (feed, $"SELECT {select} FROM {feed.Table}");
    }

    private static void Checked(FeedDefinition feed, string column) => FeedRowReader.CheckDeclared(feed, column, nameof(RegistryRowSql));
}
