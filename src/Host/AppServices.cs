using Integration.Alerts;
using Integration.Core;
using Integration.Ingest;
using Integration.Matching;

namespace Integration.Host;

/// <summary>The one place that composes the modules, for the CLI, the HTTP host and the scheduler alike.</summary>
public static class AppServices
{
    public static IServiceCollection AddIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCoreServices(configuration);
        services.AddIngestServices(configuration);
        services.AddMatchingServices(configuration);
        services.AddAlertsServices(configuration);
        services.AddHostServices(configuration);
        return services;
    }

    /// <summary>appsettings.json beside the binary, then environment variables, then command-line overrides
    /// (a key given twice, e.g. by --data and by a command's own option, takes the later value).</summary>
    public static IConfigurationRoot BuildConfiguration(IEnumerable<KeyValuePair<string, string?>> overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides.GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()))
            .Build();
}
