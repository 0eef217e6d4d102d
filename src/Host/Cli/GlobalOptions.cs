using System.CommandLine;

namespace Integration.Host.Cli;

/// <summary>Options every command accepts. They override appsettings.json and environment variables.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Base folder for the embedded default: database, landing, raw zone and exports go under it.",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Database connection string (SQLite path or Npgsql string). Prefer the Database__ConnectionString variable for secrets.",
        Recursive = true,
    };

    public static readonly Option<string?> DbProvider = new("--db-provider")
    {
        Description = "sqlite (default) or postgres.",
        Recursive = true,
    };

    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Any configuration value, as Section:Key=value (repeatable).",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static IEnumerable<Option> All => [Data, Db, DbProvider, Set];

    /// <summary>Turns the global options of a parse result into configuration overrides.</summary>
    public static List<KeyValuePair<string, string?>> Overrides(ParseResult parse)
    {
        var list = new List<KeyValuePair<string, string?>>();
        var data = parse.GetValue(Data);
        if (!string.IsNullOrWhiteSpace(data))
        {
            list.Add(new("Database:ConnectionString", Path.Combine(data, "integration.db")));
            list.Add(new("Storage:LandingPath", Path.Combine(data, "landing")));
            list.Add(new("Storage:RawPath", Path.Combine(data, "raw")));
            list.Add(new("Storage:ExportPath", Path.Combine(data, "exports")));
            list.Add(new("Pull:WorkPath", Path.Combine(data, "pull")));
        }

        if (parse.GetValue(DbProvider) is { Length: > 0 } provider)
        {
            list.Add(new("Database:Provider", provider));
        }

        if (parse.GetValue(Db) is { Length: > 0 } db)
        {
            list.Add(new("Database:ConnectionString", db));
        }

        foreach (var kv in parse.GetValue(Set) ?? [])
        {
            var eq = kv.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"--set expects Section:Key=value, got '{kv}'.");
            }

            list.Add(new(kv[..eq], kv[(eq + 1)..]));
        }

        return list;
    }
}
