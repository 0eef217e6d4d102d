using System.Globalization;
using Integration.Alerts.Checks;
using Integration.Alerts.Jobs;
using Integration.Alerts.Leads;
using Integration.Alerts.Targets;
using Integration.Core;
using Integration.Core.Database;
using Integration.Host.Api;
using Integration.Ingest;
using Integration.Matching;
using Integration.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Alerts.Tests;

/// <summary>A migrated database of either kind, the alerts services on it, a fixed clock and a seeder.</summary>
public sealed class AlertsTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="sqliteFile">A SQLite file of the test's choosing (e.g. on a small disk) instead of a fresh temp database.</param>
    public AlertsTestHost(DatabaseProvider provider, string today = "2026-10-20", IDictionary<string, string?>? settings = null, string? sqliteFile = null)
    {
        Database = sqliteFile is null
            ? TestDatabase.Create(provider, IngestMigrations.Set, MatchingMigrations.Set, AlertsMigrations.Set)
            : TestDatabase.CreateSqliteAt(sqliteFile, IngestMigrations.Set, MatchingMigrations.Set, AlertsMigrations.Set);
        Clock = new FixedWallClock(DateTimeOffset.Parse(today + "T09:00:00Z", CultureInfo.InvariantCulture));
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = Database.Options.ConnectionString,
        };
        foreach (var kv in settings ?? new Dictionary<string, string?>())
        {
            values[kv.Key] = kv.Value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddCoreServices(Configuration);
        services.AddAlertsServices(Configuration);
        _services = services.BuildServiceProvider();
        Seed = new Seed(Database.Db);
    }

    public TestDatabase Database { get; }

    public IConfiguration Configuration { get; }

    public FixedWallClock Clock { get; }

    public Seed Seed { get; }

    public LicenceCheckService Checks => _services.GetRequiredService<LicenceCheckService>();

    public LeadService Leads => _services.GetRequiredService<LeadService>();

    public TargetService Targets => _services.GetRequiredService<TargetService>();

    public AlertsBatch Batch => _services.GetRequiredService<AlertsBatch>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The real API host (Kestrel on a loopback port) on this database and clock, and a client for it.</summary>
    public async Task<(WebApplication App, HttpClient Http)> StartApi(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Options.Provider.ToString(),
            ["Database:ConnectionString"] = Database.Options.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            overrides[key] = value;
        }

        var app = ApiHost.Build([], overrides, new ServeSettings(Urls: "http://127.0.0.1:0"), s => s.AddSingleton<TimeProvider>(Clock));
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public Task<LoggedDecision> Check(string reg, string? asOf = null) =>
        Checks.CheckAsync(new CheckRequest(reg, asOf is null ? null : DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), "tester", "test"));

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
    }
}
