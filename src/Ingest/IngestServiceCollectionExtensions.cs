using Integration.Core.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Ingest;

public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddIngestServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(IngestMigrations.Set);
        return services;
    }
}
