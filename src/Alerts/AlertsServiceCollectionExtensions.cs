using Integration.Core.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Alerts;

public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlertsServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AlertsMigrations.Set);
        return services;
    }
}
