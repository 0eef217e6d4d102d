using Integration.Core.Jobs;
using Integration.Host.Scheduling;

namespace Integration.Host;

/// <summary>The host's own services: job leases and runs, the job runner and its migrations.</summary>
public static class HostServices
{
    public static IServiceCollection AddHostServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(HostMigrations.Set);
        services.Configure<ScheduleOptions>(configuration.GetSection(ScheduleOptions.Section));
        services.Configure<HeartbeatOptions>(configuration.GetSection(ScheduleOptions.Section + ":Heartbeat"));
        services.AddSingleton<HostIdentity>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<IPipelineJob, HeartbeatJob>();
        return services;
    }
}
