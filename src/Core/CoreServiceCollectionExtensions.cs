using Integration.Core.Database;
using Integration.Core.Dates;
using Integration.Core.Reference;
using Integration.Core.Settings;
using Integration.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Database, migrations, clock and the date rules. Modules add their <see cref="MigrationSet"/> in their own Add*Services.</summary>
    public static IServiceCollection AddCoreServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(configuration.GetSection(DatabaseOptions.Section));
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration.GetSection(StorageOptions.Section));
        services.Configure<ReferenceOptions>(configuration.GetSection(ReferenceOptions.Section));
        services.AddValidatedOptions<DateRules, DateRulesValidator>(configuration.GetSection(DateRules.Section));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DateRules>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => Gazetteer.Load(sp.GetRequiredService<IOptions<ReferenceOptions>>().Value.GazetteerPath));
        services.TryAddSingleton<Db>();
        services.TryAddSingleton<LogWriter>();
        services.TryAddSingleton<Migrator>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.TryAddSingleton(sp => BlobZones.Create(sp.GetRequiredService<StorageOptions>()));
        return services;
    }
}
