using System.Reflection;

namespace Integration.Core.Database;

/// <summary>
/// A module's versioned schema scripts, embedded as resources named <c>Migrations/NNNN_description.sql</c>.
/// Scripts may use <c>{{identity}}</c> for a database-generated key; everything else must be SQL that
/// both SQLite and PostgreSQL accept. Sets are applied in the order they are registered (ingest,
/// matching, alerts, host), scripts within a set in number order, each exactly once.
/// </summary>
public sealed record MigrationSet(string Module, Assembly Assembly)
{
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
