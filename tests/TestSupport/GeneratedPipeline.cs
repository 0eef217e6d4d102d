using Integration.Core;
using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Core.Truth;
using Integration.Generator;
using Integration.Generator.Reference;
using Integration.Ingest;
using Integration.Ingest.Runs;
using Integration.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.TestSupport;

/// <summary>
/// Generator, then ingest, then match with the real libraries on a fresh test database: the set-up every
/// end-to-end test shares. Later stages (alerts) are added through <c>modules</c> and run by the test.
/// </summary>
public sealed class GeneratedPipeline : IAsyncDisposable
{
    private GeneratedPipeline(TempFolder data, TestDatabase database, ServiceProvider services)
    {
        Data = data;
        Database = database;
        Services = services;
    }

    public TempFolder Data { get; }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public MatchRunSummary Match { get; private set; } = null!;

    public GroundTruth Truth => GroundTruth.Load(Data.Path);

    /// <param name="modules">Adds modules beyond core, ingest and matching (e.g. alerts).</param>
    /// <param name="migrations">Their migration sets.</param>
    public static Task<GeneratedPipeline> RunAsync(
        DatabaseProvider provider,
        int scale,
        int seed,
        Action<IServiceCollection, IConfiguration>? modules = null,
        params MigrationSet[] migrations) =>
        RunAsync(provider, new GeneratorOptions { Scale = scale, Seed = seed }, modules, migrations);

    /// <summary>The same on registers generated with <paramref name="options"/> (e.g. the hard profile: <c>options.Apply(GeneratorProfile.Hard)</c>).</summary>
    public static async Task<GeneratedPipeline> RunAsync(
        DatabaseProvider provider,
        GeneratorOptions options,
        Action<IServiceCollection, IConfiguration>? modules = null,
        params MigrationSet[] migrations)
    {
        var data = new TempFolder("e2e");
        var database = TestDatabase.Create(provider, [IngestMigrations.Set, MatchingMigrations.Set, .. migrations]);
        new RegistryGenerator(options, Gazetteer.Shipped.Value, PersonNames.Shipped)
            .Run(data.Path);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = database.Options.ConnectionString,
            ["Storage:LandingPath"] = data.Path,
            ["Storage:RawPath"] = data.Combine("raw"),
            ["Storage:ExportPath"] = data.Combine("exports"),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCoreServices(configuration).AddIngestServices(configuration).AddMatchingServices(configuration);
        modules?.Invoke(services, configuration);
        var pipeline = new GeneratedPipeline(data, database, services.BuildServiceProvider());
        pipeline.Services.GetRequiredService<Migrator>().Apply();
        await pipeline.Services.GetRequiredService<IngestService>().RunAsync(new IngestRequest("test"));
        pipeline.Match = await pipeline.Services.GetRequiredService<MatchRunner>().RunAsync();
        return pipeline;
    }

    /// <summary>For diagnosis: copies the SQLite database (with its WAL) and the answer key into <paramref name="folder"/>.</summary>
    public void Keep(string folder)
    {
        Directory.CreateDirectory(folder);
        var db = Database.Options.ConnectionString;
        File.Copy(db, Path.Combine(folder, "e2e.db"), overwrite: true);
        if (File.Exists(db + "-wal"))
        {
            File.Copy(db + "-wal", Path.Combine(folder, "e2e.db-wal"), overwrite: true);
        }

        foreach (var f in Directory.GetFiles(Path.Combine(Data.Path, GroundTruth.Folder)))
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)), overwrite: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Database.Dispose();
        Data.Dispose();
    }
}
