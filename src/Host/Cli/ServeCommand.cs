using System.CommandLine;
using Integration.Core.Database;
using Integration.Core.Storage;
using Integration.Host.Api;
using Integration.Host.Scheduling;
using Microsoft.Extensions.Options;

namespace Integration.Host.Cli;

/// <summary>
/// <c>serve</c>: the HTTP API plus the self-hosted schedule (ministries' own servers), or with
/// <c>--functions</c> the Azure Functions custom handler (timers come from Azure, the port from
/// FUNCTIONS_CUSTOMHANDLER_PORT).
/// </summary>
internal static class ServeCommand
{
    public const string FunctionsPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    private static readonly Option<bool> Functions = new("--functions")
    {
        Description = $"Run as an Azure Functions custom handler: listen on 127.0.0.1:${FunctionsPortVariable}, answer invocation payloads, no own schedule.",
    };

    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = "Where to listen, e.g. http://127.0.0.1:8080 (default http://127.0.0.1:5080; port 0 picks a free one).",
    };

    private static readonly Option<bool> NoScheduler = new("--no-scheduler")
    {
        Description = "Serve the HTTP API only; run no scheduled jobs in this process.",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the HTTP API and the scheduled jobs (ingest per feed, match, alerts) from the Schedule section.");
        command.Options.Add(Functions);
        command.Options.Add(Urls);
        command.Options.Add(NoScheduler);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var functions = parse.GetValue(Functions);
        var urls = parse.GetValue(Urls);
        if (functions && string.IsNullOrWhiteSpace(urls))
        {
            var port = Environment.GetEnvironmentVariable(FunctionsPortVariable);
            if (string.IsNullOrWhiteSpace(port))
            {
                Console.Error.WriteLine($"serve --functions: {FunctionsPortVariable} is not set (the Functions host sets it), and no --urls was given.");
                return 2;
            }

            urls = "http://127.0.0.1:" + port;
        }

        var settings = new ServeSettings(Scheduler: !functions && !parse.GetValue(NoScheduler), Functions: functions, Urls: urls ?? "http://127.0.0.1:5080");
        await using var app = ApiHost.Build([], GlobalOptions.Overrides(parse), settings);
        using var stopping = ct.Register(() => app.Lifetime.StopApplication());
        await app.StartAsync(CancellationToken.None);

        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("serve");
        var schedule = app.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
        log.LogWarning(
            "Serving on {Urls} ({Mode}); database {Database}; landing {Landing}; host {Host}; jobs {Jobs}",
            string.Join(" ", app.Urls),
            functions ? "Azure Functions custom handler" : settings.Scheduler ? "API and scheduler" : "API only",
            app.Services.GetRequiredService<Db>().Describe(),
            app.Services.GetRequiredService<BlobZones>().Landing.Describe(),
            app.Services.GetRequiredService<HostIdentity>().Name,
            settings.Scheduler ? string.Join(", ", schedule.EnabledJobs().Select(j => $"{j.Job} '{j.Schedule}'")) : "-");
        await app.WaitForShutdownAsync(CancellationToken.None);
        return 0;
    }
}
