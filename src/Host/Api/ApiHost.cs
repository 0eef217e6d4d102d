using Integration.Core.Jobs;
using Integration.Host.Scheduling;
using Integration.Web;

namespace Integration.Host.Api;

/// <summary>How <c>serve</c> runs: the HTTP API always; the self-hosted schedule, or the Azure Functions handler.</summary>
public sealed record ServeSettings(bool Scheduler = false, string? Urls = null);

/// <summary>
/// Builds the HTTP host: the modules' minimal-API endpoints on one ASP.NET Core app, with health, the OpenAPI
/// document, JSON problem details for every error (unknown routes included), and optionally the scheduler
/// or the Functions custom-handler endpoints.
/// </summary>
public static class ApiHost
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>> overrides, ServeSettings? serve = null, Action<IServiceCollection>? configureServices = null)
    {
        serve ??= new ServeSettings();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(AppServices.LastWins(overrides));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z' ";
            o.UseUtcTimestamp = true;
        });
        if (serve.Urls is { Length: > 0 } urls)
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.Services.AddIntegration(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddApiRateLimits();
        builder.Services.AddApiSecurity(builder.Configuration);
        builder.Services.AddOpenApi(o => o.AddApiKeyScheme());
        builder.Services.AddWeb(builder.Configuration, ApiKeyAuthentication.SchemeName);
        builder.Services.AddSingleton<IJobsView, HostJobsView>();
        if (serve.Scheduler)
        {
            builder.Services.AddSingleton<JobScheduler>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        }

        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        HostStartup.Prepare(app.Services);
        // Built here, so that a half-configured key stops the start, not the first request.
        if (app.Services.GetRequiredService<ApiKeyTable>().Open)
        {
            app.Logger.LogWarning("The API is open: no Api:Keys are configured, so every caller may use every endpoint.");
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiBodyLimit();
        app.UseWeb();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapJobEndpoints();
        app.MapIngestEndpoints();
        app.MapMatchingEndpoints();
        app.MapAlertsEndpoints();
        app.MapWeb();
        return app;
    }
}
