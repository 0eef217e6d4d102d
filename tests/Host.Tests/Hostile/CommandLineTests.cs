using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Host.Tests.Hostile;

/// <summary>Hostile input and faults (issue 12, row 16): command-line overrides that name one key twice, settings that cannot work.</summary>
[Trait("Suite", "Hostile")]
public sealed class CommandLineTests
{
    [Fact]
    public async Task Serve_with_data_and_a_set_of_the_same_key_starts_and_the_set_value_wins()
    {
        using var folder = new TempFolder("serve-set");
        var landing = folder.Combine("elsewhere");
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = folder.Combine("data", "integration.db") };

        using var serve = new ServeProcess(folder.Path, database,
            ["--data", folder.Combine("data"), "--set", "Storage:LandingPath=" + landing, "--no-scheduler", "--urls", "http://127.0.0.1:0"]);
        await serve.WaitForOutputAsync("Serving on", TimeSpan.FromSeconds(60));

        Assert.Contains("landing folder:" + landing, serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_settings_that_cannot_work_exits_2_naming_every_key_before_touching_data()
    {
        using var folder = new TempFolder("serve-bad-settings");

        var (exitCode, output) = await ServeProcess.RunAsync(folder.Path,
            ["serve", "--data", folder.Combine("data"), "--no-scheduler", "--urls", "http://127.0.0.1:0",
             "--set", "Matching:AutoLinkThreshold=0.7", "--set", "Alerts:LicencePolicy:DueDay=31"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Matching:AutoLinkThreshold is 0.7, below Matching:ReviewThreshold (0.8)", output, StringComparison.Ordinal);
        Assert.Contains("Alerts:LicencePolicy:DueDay is 31; it must lie between 1 and 28.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Serving on", output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Combine("data", "integration.db")), "the database was created before the settings were checked");
    }
}
