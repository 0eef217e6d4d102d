using Integration.Alerts;
using Integration.Core;
using Integration.Core.Jobs;
using Integration.Ingest;
using Integration.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions;

/// <summary>The Functions app's composition: the same modules and job runner as the self-hosted host (src/Host/AppServices.cs).</summary>
public static class FunctionsServices
{
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCoreServices(configuration);
        services.AddIngestServices(configuration);
        services.AddMatchingServices(configuration);
        services.AddAlertsServices(configuration);
        services.AddJobRunner(configuration);
        services.AddSingleton<TimerJobs>();
        return services;
    }
}
