using Integration.Core.Database;
using Npgsql;
using Xunit;

namespace Integration.TestSupport;

/// <summary>
/// A fresh, empty, migrated database of either kind for one test: a SQLite file in a temp folder, or a
/// new database on the test PostgreSQL server. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder? _folder;
    private readonly string? _pgName;

    private TestDatabase(DatabaseOptions options, TempFolder? folder, string? pgName)
    {
        Options = options;
        _folder = folder;
        _pgName = pgName;
        Db = new Db(options);
    }

    public DatabaseOptions Options { get; }

    public Db Db { get; }

    /// <summary>Both providers, for <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    /// <summary>An empty SQLite database in <paramref name="file"/> (e.g. on a <see cref="ScratchDisk"/>), with the given migrations.</summary>
    public static TestDatabase CreateSqliteAt(string file, params MigrationSet[] sets)
    {
        var db = new TestDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = file }, null, null);
        new Migrator(db.Db, sets, TimeProvider.System).Apply();
        return db;
    }

    /// <summary>Creates an empty database and applies the given modules' migrations.</summary>
    public static TestDatabase Create(DatabaseProvider provider, params MigrationSet[] sets)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = new TempFolder("sqlite");
            db = new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = folder.Combine("test.db") }, folder, null);
        }
        else
        {
            var name = "t_" + Guid.NewGuid().ToString("N");
            using (var admin = new NpgsqlConnection(TestServices.PostgresConnectionString))
            {
                admin.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                cmd.ExecuteNonQuery();
            }

            var cs = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = name }.ToString();
            db = new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = cs }, null, name);
        }

        new Migrator(db.Db, sets, TimeProvider.System).Apply();
        return db;
    }

    public void Dispose()
    {
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(TestServices.PostgresConnectionString);
            admin.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", admin);
            cmd.ExecuteNonQuery();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder?.Dispose();
    }
}
