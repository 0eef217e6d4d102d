using Integration.Core.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Matching;

public static class MatchingServiceCollectionExtensions
{
    public static IServiceCollection AddMatchingServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(MatchingMigrations.Set);
        return services;
    }
}
