using Integration.Access.Accounts;
using Integration.Access.Audit;
using Integration.Core.Database;
using Integration.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Access;

public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddAccessServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AccessMigrations.Set);
        services.AddValidatedOptions<AccountOptions, AccountOptionsValidator>(configuration.GetSection(AccountOptions.Section));
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton<AccountStore>();
        services.TryAddSingleton<LogWriter>(); // the one writer of the log tables, shared with the check log
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditReader>();
        return services;
    }
}
