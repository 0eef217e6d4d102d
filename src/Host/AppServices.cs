using Integration.Access;
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
        services.AddAccessServices(configuration);
        services.AddHostServices(configuration);
        return services;
    }

    /// <summary>appsettings.json beside the binary, then environment variables, then command-line overrides.</summary>
    public static IConfigurationRoot BuildConfiguration(IEnumerable<KeyValuePair<string, string?>> overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(LastWins(overrides))
            .Build();

    /// <summary>
    /// Overrides with each key once: a key given twice (e.g. by <c>--data</c> and by <c>--set</c> or a command's own
    /// option) takes the later value. Configuration keys are case-insensitive, and an in-memory source refuses a key twice.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> LastWins(IEnumerable<KeyValuePair<string, string?>> overrides) =>
        overrides.GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()).ToList();
}
