using Integration.Core.Settings;
using Integration.Core.Jobs;
using Integration.Core.Truth;
using Integration.Matching.Evaluation;
using Integration.Matching.Export;
using Integration.Matching.Persistence;
using Integration.Matching.Records;
using Integration.Matching.Review;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Matching;

public static class MatchingServiceCollectionExtensions
{
    public static IServiceCollection AddMatchingServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(MatchingMigrations.Set);
        services.AddValidatedOptions<MatchingOptions, MatchingOptionsValidator>(configuration.GetSection(MatchingOptions.Section));
        services.AddSingleton<RecordStore>();
        services.AddSingleton<LinkageStore>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<LinkageExporter>();
        services.AddSingleton<MatchRunner>();
        services.AddSingleton<EnterpriseQueries>();
        services.AddSingleton<DuplicateRegistrations>();
        services.AddSingleton<MatchRunQueries>();
        services.AddSingleton<IPipelineJob, MatchJob>();
        services.AddSingleton<IEvaluation, MatchEvaluation>();
        services.AddSingleton<EvaluationReport>();
        return services;
    }
}
