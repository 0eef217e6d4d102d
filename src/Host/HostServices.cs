using Integration.Core.Jobs;
using Integration.Core.Settings;
using Integration.Host.Scheduling;

namespace Integration.Host;

/// <summary>The self-hosted host's services: the job runner (shared with the Functions worker) and the heartbeat job.</summary>
public static class HostServices
{
    public static IServiceCollection AddHostServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddJobRunner(configuration);
        services.AddValidatedOptions<HeartbeatOptions, HeartbeatOptionsValidator>(configuration.GetSection(ScheduleOptions.Section + ":Heartbeat"));
        services.AddSingleton<IPipelineJob, HeartbeatJob>();
        return services;
    }
}
