using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Host.Tests.Hostile;

/// <summary>Hostile input and faults (issue 12, row 16): command-line overrides that name one key twice.</summary>
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
}
