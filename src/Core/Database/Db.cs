using System.Data.Common;
using Dapper;
using Integration.Core.Dates;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Integration.Core.Database;

/// <summary>Opens connections to the configured database. The only place that knows which provider is in use.</summary>
public sealed class Db
{
    private static int _initialised;
    private readonly string _connectionString;
    private readonly bool _readOnlyByRequest;

    public Db(IOptions<DatabaseOptions> options)
        : this(options.Value)
    {
    }

    public Db(DatabaseOptions options)
    {
        InitialiseOnce();
        Dialect = new SqlDialect(options.Provider);
        _connectionString = options.Provider == DatabaseProvider.Sqlite
            ? SqliteConnectionString(options.ConnectionString)
            : options.ConnectionString;
        _readOnlyByRequest = options.Provider == DatabaseProvider.Sqlite
            && new SqliteConnectionStringBuilder(_connectionString).Mode == SqliteOpenMode.ReadOnly;
    }

    public SqlDialect Dialect { get; }

    public DatabaseProvider Provider => Dialect.Provider;

    /// <summary>Returns an open connection. SQLite connections get WAL and a busy timeout so that the
    /// scheduler, the API and a CLI command can share one file.</summary>
    public DbConnection Open()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var pg = new NpgsqlConnection(_connectionString);
            pg.Open();
            return pg;
        }

        var lite = OpenSqlite();
        if (SQLitePCL.raw.sqlite3_db_readonly(lite.Handle, "main") == 1 && !_readOnlyByRequest)
        {
            // SQLite opens a file it cannot write (permissions, a read-only mount) read-only without a word, and the
            // pool would hand that connection out long after the file is writable again: every write would fail
            // until a restart. So such a connection is never reused: the pool is emptied and a fresh one opened.
            lite.Dispose();
            SqliteConnection.ClearPool(lite);
            lite = OpenSqlite();
        }

        lite.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;");
        return lite;
    }

    private SqliteConnection OpenSqlite()
    {
        var lite = new SqliteConnection(_connectionString);
        lite.Open();
        return lite;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var pg = new NpgsqlConnection(_connectionString);
            await pg.OpenAsync(ct);
            return pg;
        }

        return Open();
    }

    /// <summary>A description safe to print or log: provider and target, never a password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return "sqlite:" + new SqliteConnectionStringBuilder(_connectionString).DataSource;
        }

        var b = new NpgsqlConnectionStringBuilder(_connectionString);
        return $"postgres:{b.Host}:{b.Port}/{b.Database}";
    }

    private static string SqliteConnectionString(string value)
    {
        var b = value.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(value)
            : new SqliteConnectionStringBuilder { DataSource = value };
        var dir = Path.GetDirectoryName(Path.GetFullPath(b.DataSource));
        if (!string.IsNullOrEmpty(dir) && b.DataSource != ":memory:")
        {
            Directory.CreateDirectory(dir);
        }

        b.Pooling = true;
        return b.ToString();
    }

    private static void InitialiseOnce()
    {
        if (Interlocked.Exchange(ref _initialised, 1) == 1)
        {
            return;
        }

        SQLitePCL.Batteries_V2.Init();
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    /// <summary>Dates are stored as ISO text in both databases so that SQL written once works on both.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            string s => IsoDate.Parse(s[..10]),
            _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a date."),
        };

        public override void SetValue(System.Data.IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = System.Data.DbType.String;
            parameter.Value = IsoDate.Format(value);
        }
    }
}
