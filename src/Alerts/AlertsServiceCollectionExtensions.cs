using Integration.Alerts.Checks;
using Integration.Alerts.Duplicates;
using Integration.Alerts.Evaluation;
using Integration.Alerts.Jobs;
using Integration.Alerts.Leads;
using Integration.Alerts.Runs;
using Integration.Alerts.Targets;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Core.Settings;
using Integration.Core.Truth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Alerts;

public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlertsServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AlertsMigrations.Set);
        services.AddValidatedOptions<AlertsOptions, AlertsOptionsValidator>(configuration.GetSection(AlertsOptions.Section));
        services.TryAddSingleton<LogWriter>(); // the one writer of the log tables, shared with the audit log
        services.AddSingleton<CheckLogWriter>();
        services.AddSingleton<LicenceCheckService>();
        services.AddSingleton<LeadBuilder>();
        services.AddSingleton<TargetBuilder>();
        services.TryAddSingleton<DuplicateRegistrations>(); // matching's published reader of duplicate registrations
        services.AddSingleton<AlertsBatch>();
        services.AddSingleton<AlertRunSource>();
        services.AddSingleton<LeadService>();
        services.AddSingleton<TargetService>();
        services.AddSingleton<DuplicateService>();
        // Read sides of the web pages (src/Web).
        services.AddSingleton<LeadPages>();
        services.AddSingleton<TargetDistricts>();
        services.AddSingleton<CheckLogReader>();
        services.AddSingleton<AlertRunQueries>();
        services.AddSingleton<Firms.FirmService>();
        services.AddSingleton<Coverage.CoverageService>();
        services.AddSingleton<IPipelineJob, AlertsJob>();
        services.AddSingleton<IEvaluation, AlertsEvaluation>();
        return services;
    }
}
