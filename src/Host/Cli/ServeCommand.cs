using System.CommandLine;
using Integration.Core.Database;
using Integration.Core.Storage;
using Integration.Host.Api;
using Integration.Core.Jobs;
using Integration.Host.Scheduling;
using Microsoft.Extensions.Options;

namespace Integration.Host.Cli;

/// <summary>
/// <c>serve</c>: the HTTP API plus the self-hosted schedule (ministries' own servers). On Azure the same jobs run
/// in the Functions worker (src/Functions) instead.
/// </summary>
internal static class ServeCommand
{
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
        command.Options.Add(Urls);
        command.Options.Add(NoScheduler);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var settings = new ServeSettings(Scheduler: !parse.GetValue(NoScheduler), Urls: parse.GetValue(Urls) ?? "http://127.0.0.1:5080");
        await using var app = ApiHost.Build([], GlobalOptions.Overrides(parse), settings);
        using var stopping = ct.Register(() => app.Lifetime.StopApplication());
        await app.StartAsync(CancellationToken.None);

        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("serve");
        var schedule = app.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
        log.LogWarning(
            "Serving on {Urls} ({Mode}); database {Database}; landing {Landing}; host {Host}; jobs {Jobs}",
            string.Join(" ", app.Urls),
            settings.Scheduler ? "API and scheduler" : "API only",
            app.Services.GetRequiredService<Db>().Describe(),
            app.Services.GetRequiredService<BlobZones>().Landing.Describe(),
            app.Services.GetRequiredService<HostIdentity>().Name,
            settings.Scheduler ? string.Join(", ", schedule.EnabledJobs().Select(j => $"{j.Job} '{j.Schedule}'")) : "-");
        await app.WaitForShutdownAsync(CancellationToken.None);
        return 0;
    }
}
