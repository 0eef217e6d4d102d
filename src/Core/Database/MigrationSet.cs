using System.Reflection;

namespace Integration.Core.Database;

/// <summary>
/// A module's versioned schema scripts, embedded as resources named <c>Migrations/NNNN_description.sql</c>.
/// Scripts may use <c>{{identity}}</c> for a database-generated key and <c>{{blob}}</c> for bytes; everything else must be SQL that
/// both SQLite and PostgreSQL accept. Sets are applied in the order they are registered (ingest,
/// matching, alerts, host), scripts within a set in number order, each exactly once.
/// </summary>
public sealed record MigrationSet(string Module, Assembly Assembly)
{
    /// <summary>
    /// The module's log tables: appended to while a request is answered (a check, an audited read), never joined with
    /// the pipeline's tables. On SQLite they live in the log database (<see cref="DatabaseOptions.LogPath"/>): the
    /// migrator moves each one there after the scripts ran, so scripts create and alter them like any other table. One
    /// exception: SQLite names an index's schema on the index, so a script adding an index to a log table once it moved
    /// needs a SQLite form of its own.
    /// </summary>
    public IReadOnlyList<string> LogTables { get; init; } = [];

    public IReadOnlyList<Migration> Load()
    {
        var list = new List<Migration>();
        foreach (var name in Assembly.GetManifestResourceNames())
        {
            var marker = ".Migrations.";
            var at = name.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var file = name[(at + marker.Length)..^4];
            using var stream = Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration($"{Module}/{file}", reader.ReadToEnd()));
        }

        return list.OrderBy(m => m.Version, StringComparer.Ordinal).ToList();
    }
}

public sealed record Migration(string Version, string Sql);
