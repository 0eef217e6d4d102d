using Microsoft.Extensions.Options;
using Integration.Core.Jobs;
using Integration.Core.Settings;
using Integration.Ingest.Feeds;
using Integration.Ingest.Jobs;
using Integration.Ingest.Pull;
using Integration.Ingest.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Ingest options (shipped column mappings from ingest-mappings.json, then the <c>Ingest</c> section on
    /// top), the schema, the service and the jobs <c>ingest</c>, <c>ingest-&lt;feed&gt;</c> and <c>pull-&lt;feed&gt;</c> (Pull/).
    /// </summary>
    public static IServiceCollection AddIngestServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(IngestMigrations.Set);
        var section = configuration.GetSection(IngestOptions.Section);
        var mappingsFile = section[nameof(IngestOptions.MappingsFile)] is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "ingest-mappings.json");
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(mappingsFile), optional: true).Build();
        services.AddOptions<IngestOptions>()
            .Bind(shipped.GetSection(IngestOptions.Section))
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<HeldSnapshots>();
        services.AddSingleton<IngestRunQueries>();
        services.AddSingleton<IPipelineJob>(sp => new IngestJob("ingest", null, sp.GetRequiredService<IngestService>()));
        foreach (var feed in FeedCatalog.All)
        {
            services.AddSingleton<IPipelineJob>(sp => new IngestJob("ingest-" + feed.Name, [feed.Name], sp.GetRequiredService<IngestService>()));
            services.AddSingleton<IPipelineJob>(sp => new PullJob(feed.Name, sp.GetRequiredService<PullService>()));
        }

        services.AddValidatedOptions<PullOptions, PullOptionsValidator>(configuration.GetSection(PullOptions.Section));
        services.AddSingleton<PullStateStore>();
        services.AddSingleton<PullService>();
        services.AddPullClients();

        return services;
    }
}
