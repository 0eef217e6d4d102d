using System.CommandLine;

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
}
