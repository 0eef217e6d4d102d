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
    private static bool _uris;
    private readonly string _connectionString;
    private readonly bool _readOnlyByRequest;
    private readonly string? _logPath;
    private readonly string? _logConnectionString;

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
        _logPath = options.Provider == DatabaseProvider.Sqlite ? LogFile(options, _connectionString) : null;
        _logConnectionString = _logPath is null ? null
            : new SqliteConnectionStringBuilder(_connectionString) { DataSource = _logPath, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    /// <summary>Schema name of the attached log database (SQLite).</summary>
    public const string LogSchema = "log";

    /// <summary>SQLite: the file of the log database (<see cref="DatabaseOptions.LogPath"/>); null for PostgreSQL or an in-memory database.</summary>
    public string? LogPath => _logPath;

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

        var lite = OpenSqlite(_connectionString, _readOnlyByRequest);
        Configure(lite, "PRAGMA main.journal_mode=WAL; PRAGMA main.synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;");

        AttachLog(lite);
        return lite;
    }

    /// <summary>
    /// Attaches the log database read-only as schema <c>log</c> (once per pooled connection: the attachment lives as long
    /// as the native handle), so the pipeline's SQL reads the log tables by their names. Read-only is what keeps the two
    /// write locks apart: SQLite's BEGIN IMMEDIATE takes the write lock of every writable database of the connection, so
    /// a job's file transaction would otherwise lock the check log too. The log is written through <see cref="OpenLog"/>.
    /// </summary>
    private void AttachLog(SqliteConnection lite)
    {
        if (_logPath is null || SQLitePCL.raw.sqlite3_db_filename(lite.Handle, LogSchema).utf8_to_string() is not null)
        {
            return;
        }

        if (!File.Exists(_logPath))
        {
            if (_readOnlyByRequest)
            {
                return; // a read-only connection creates no file; its queries of the log tables say the table is missing
            }

            OpenLog().Dispose(); // creates the file in WAL mode: a read-only attachment cannot
        }

        if (!_uris)
        {
            throw new InvalidOperationException("SQLite was opened before the first Db was made, so URI file names are off and the log database cannot be attached read-only.");
        }

        lite.Execute($"ATTACH DATABASE @uri AS {LogSchema}", new { uri = new Uri(_logPath).AbsoluteUri + "?mode=ro" });
    }

    /// <summary>
    /// A connection for writing the log tables (<see cref="MigrationSet.LogTables"/>): on SQLite the log database itself,
    /// in WAL mode with synchronous FULL, so a commit is on disk, power loss included, before the request it records is
    /// answered (with group commit one fsync covers every check waiting at that moment); its write lock is its own, so
    /// a job holding the main database's lock never delays it. On PostgreSQL the one database.
    /// </summary>
    public DbConnection OpenLog()
    {
        if (_logPath is null)
        {
            return Open();
        }

        var lite = OpenSqlite(_logConnectionString!, readOnlyByRequest: false);
        Configure(lite, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");

        return lite;
    }

    // The native handles whose pragmas are set. The connection pool hands the same handle out again and again, and
    // the settings live as long as it does (journal_mode in the file itself): set once per handle, not once per check.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];

    private static void Configure(SqliteConnection lite, string pragmas)
    {
        if (!Configured.TryGetValue(lite.Handle!, out _))
        {
            lite.Execute(pragmas);
            Configured.AddOrUpdate(lite.Handle!, Configured); // only once they are set: a failed pragma is tried again
        }
    }

    /// <inheritdoc cref="OpenLog"/>
    public async Task<DbConnection> OpenLogAsync(CancellationToken ct = default) =>
        _logPath is null ? await OpenAsync(ct) : OpenLog();

    /// <summary>SQLite: the main database file (for the migrator, which moves log tables out of it).</summary>
    public string? MainPath => Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(_connectionString).DataSource : null;

    private static string? LogFile(DatabaseOptions options, string connectionString)
    {
        if (options.LogPath is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var main = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (main.Length == 0 || main == ":memory:" || main.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var full = Path.GetFullPath(main);
        var ext = Path.GetExtension(full);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-log" + (ext.Length > 0 ? ext : ".db"));
    }

    private static SqliteConnection OpenSqlite(string connectionString, bool readOnlyByRequest)
    {
        var lite = new SqliteConnection(connectionString);
        lite.Open();
        if (SQLitePCL.raw.sqlite3_db_readonly(lite.Handle, "main") == 1 && !readOnlyByRequest)
        {
            // SQLite opens a file it cannot write (permissions, a read-only mount) read-only without a word, and the
            // pool would hand that connection out long after the file is writable again: every write would fail
            // until a restart. So such a connection is never reused: the pool is emptied and a fresh one opened.
            lite.Dispose();
            SqliteConnection.ClearPool(lite);
            lite = new SqliteConnection(connectionString);
            lite.Open();
        }

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
            return "sqlite:" + new SqliteConnectionStringBuilder(_connectionString).DataSource + (_logPath is null ? "" : " (log: " + _logPath + ")");
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

        // URI file names for ATTACH ('file:...?mode=ro', see AttachLog): a setting of the library, taken before it
        // opens its first database. Refused only when SQLite was used before the first Db (then AttachLog says so).
        _uris = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_URI, 1) == SQLitePCL.raw.SQLITE_OK;
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
