using System.CommandLine;
using System.Diagnostics;
using Integration.Core.Jobs;
using Microsoft.Extensions.Options;

namespace Integration.Host.Cli;

/// <summary>Builds the service provider for one CLI command and brings the schema up to date.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var overrides = GlobalOptions.Overrides(parse);
        if (extra is not null)
        {
            overrides.AddRange(extra);
        }

        var configuration = AppServices.BuildConfiguration(overrides);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        services.AddIntegration(configuration);
        var provider = services.BuildServiceProvider();
        HostStartup.Prepare(provider);
        return provider;
    }

    /// <summary>For a job run as its own process: <see cref="Build"/>, then the process at the configured <see cref="ScheduleOptions.BatchPriority"/>.</summary>
    public static ServiceProvider BuildForJob(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var provider = Build(parse, extra);
        var priority = provider.GetRequiredService<IOptions<ScheduleOptions>>().Value.BatchPriority;
        if (priority != ProcessPriorityClass.Normal)
        {
            using var self = Process.GetCurrentProcess();
            self.PriorityClass = priority;
        }

        return provider;
    }
}
