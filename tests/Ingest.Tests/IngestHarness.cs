using System.Text;
using Dapper;
using Integration.Core;
using Integration.Core.Database;
using Integration.Ingest.Runs;
using Integration.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Ingest.Tests;

/// <summary>
/// A real ingest wired like the host: migrated database (SQLite or PostgreSQL), local landing/raw/export
/// folders, services from AddCoreServices + AddIngestServices, and a manual clock.
/// </summary>
public sealed class IngestHarness : IDisposable
{
    private readonly TempFolder _folder = new("ingest");
    private readonly ServiceProvider _services;

    /// <param name="database">A database made by the test (e.g. on a small disk); the harness then owns it.</param>
    /// <param name="exports">Where exports and reports go, when not in the harness's own folder.</param>
    public IngestHarness(DatabaseProvider provider, IDictionary<string, string?>? settings = null, TestDatabase? database = null, string? exports = null)
    {
        Database = database ?? TestDatabase.Create(provider, IngestMigrations.Set);
        Landing = _folder.Combine("landing");
        Raw = _folder.Combine("raw");
        Exports = exports ?? _folder.Combine("exports");
        Directory.CreateDirectory(Landing);
        var config = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = Database.Options.ConnectionString,
            ["Storage:LandingPath"] = Landing,
            ["Storage:RawPath"] = Raw,
            ["Storage:ExportPath"] = Exports,
        };
        foreach (var kv in settings ?? new Dictionary<string, string?>())
        {
            config[kv.Key] = kv.Value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging();
        services.AddCoreServices(configuration);
        services.AddIngestServices(configuration);
        _services = services.BuildServiceProvider();
        Service = _services.GetRequiredService<IngestService>();
    }

    public FixedWallClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 5, 40, 0, TimeSpan.Zero));

    public TestDatabase Database { get; }

    public string Landing { get; }

    public string Raw { get; }

    public string Exports { get; }

    public IngestService Service { get; }

    public IServiceProvider Services => _services;

    public string Write(string path, string content) => WriteBytes(path, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Landing, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public Task<IngestRunResult> RunAsync(params string[] feeds) =>
        Service.RunAsync(new IngestRequest("test", feeds.Length == 0 ? null : feeds));

    public List<T> Query<T>(string sql, object? args = null)
    {
        using var conn = Database.Db.Open();
        return conn.Query<T>(sql, args).ToList();
    }

    public T Scalar<T>(string sql, object? args = null)
    {
        using var conn = Database.Db.Open();
        return conn.ExecuteScalar<T>(sql, args)!;
    }

    /// <summary>Every row of the ingest tables, as text, for before/after comparisons.</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        using var conn = Database.Db.Open();
        foreach (var (table, order) in new[]
                 {
                     ("source_files", "file_id"), ("quarantine", "id"), ("field_warnings", "id"), ("record_history", "id"), ("duplicate_deliveries", "id"),
                     ("moc_licences", "registration_no"), ("gdt_taxpayers", "tin"), ("nssf_employers", "nssf_id"),
                     ("nssf_contributions", "nssf_id, period"), ("nssf_inspections", "inspection_key"),
                 })
        {
            sb.AppendLine("## " + table);
            foreach (IDictionary<string, object?> row in conn.Query($"SELECT * FROM {table} ORDER BY {order}"))
            {
                // run ids, times and the file a row came from depend on the run, not on the data
                sb.AppendLine(string.Join(",", row.Where(kv => kv.Key is not ("run_id" or "received_at" or "id" or "file_id" or "original_file_id" or "seen_at"))
                    .Select(kv => kv.Key + "=" + Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return sb.ToString();
    }

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
        _folder.Dispose();
    }
}

/// <summary>Small feed files in canonical layout.</summary>
public static class Fixtures
{
    public const string MocHeader = "registration_no,licence_no,name_km,name_en,entity_type,tin,registered_on,licence_expires_on,renewal_applied_on,status,declared_employees,director_name,activity,isic_code,province,phone";

    public static string Moc(string regNo, string nameEn, string nameKm = "ក្រុមហ៊ុន សុខា", string registeredOn = "2020-01-15", string status = "ACTIVE", string employees = "12") =>
        $"{regNo},L-{regNo},{nameKm},{nameEn},PRIVATE_LIMITED,K001-90{regNo[^4..]}0000,{registeredOn},2027-01-15,,{status},{employees},Sok Dara,Retail,4711,Phnom Penh,012 345 678";

    public static string MocFile(params string[] rows) => MocHeader + "\n" + string.Join("\n", rows) + "\n";

    public const string GdtHeader = "tin,name_km,name_en,moc_registration_no,taxpayer_class,registered_on,status,employees,employees_period,province,phone";

    public static string Gdt(string tin, string nameEn, string period = "2026-09") =>
        $"{tin},ក្រុមហ៊ុន {nameEn},{nameEn},,SMALL,2019-03-01,ACTIVE,25,{period},Phnom Penh,";

    public const string ContributionHeader = "nssf_id,period,insured_workers,wages_khr,due_khr,paid_khr,paid_on";
}
