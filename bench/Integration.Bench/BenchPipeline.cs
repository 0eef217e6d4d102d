using Integration.Alerts;
using Integration.Core;
using Integration.Core.Database;
using Integration.Ingest;
using Integration.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Bench;

/// <summary>
/// The pipeline's real services over a fresh SQLite database in <c>dir</c>, reading <paramref name="landing"/>:
/// what the batch benchmarks (match, accuracy, real-data) run, without the HTTP host.
/// </summary>
public static class BenchPipeline
{
    /// <param name="gazetteer">Folder of a newer NCDD gazetteer copy; null or empty for the one shipped in the build.</param>
    /// <param name="alerts">Also wire the alerts module (checks, leads, targets and their evaluation).</param>
    public static ServiceProvider Build(string dir, string landing, string? gazetteer, bool alerts = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = Path.Combine(dir, "bench.db"),
            ["Storage:LandingPath"] = landing,
            ["Storage:RawPath"] = Path.Combine(dir, "raw"),
            ["Storage:ExportPath"] = Path.Combine(dir, "exports"),
            ["Reference:GazetteerPath"] = gazetteer,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCoreServices(configuration).AddIngestServices(configuration).AddMatchingServices(configuration);
        if (alerts)
        {
            services.AddAlertsServices(configuration);
        }

        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Migrator>().Apply();
        return provider;
    }

    /// <summary>Deletes a scratch folder after every SQLite connection to it is closed; a failure to delete is not the benchmark's.</summary>
    public static void Delete(string dir)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
