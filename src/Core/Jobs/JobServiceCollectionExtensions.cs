using Integration.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Core.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>
    /// How every host runs a job occurrence (the self-hosted scheduler, the Azure Functions worker, the CLI): leases,
    /// the once-per-occurrence claim, retries and the run record, over the <c>Schedule</c> section.
    /// </summary>
    public static IServiceCollection AddJobRunner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(JobMigrations.Set);
        services.AddValidatedOptions<ScheduleOptions, ScheduleOptionsValidator>(configuration.GetSection(ScheduleOptions.Section));
        services.AddSingleton<HostIdentity>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<JobRunner>();
        return services;
    }
}
