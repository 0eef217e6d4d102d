using System.Text.Json;
using Integration.Core.Database;
using Integration.Host.Scheduling;
using Integration.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Host.Tests.Functions;

/// <summary>infra/ (the Functions app) and appsettings.json (the self-hosted schedule) must describe the same product.</summary>
public class InfraTests
{
    private static string Infra => Path.Combine(RepoPaths.Root, "infra");

    [Fact]
    public void Host_json_starts_the_integration_binary_as_a_custom_handler()
    {
        var host = Read(Path.Combine(Infra, "host.json"));
        var handler = host.GetProperty("customHandler");

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("integration", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal(["serve", "--functions"], handler.GetProperty("description").GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host.GetProperty("extensionBundle").GetProperty("id").GetString());
    }

    [Fact]
    public void Every_timer_function_is_a_registered_job_on_the_same_cron_as_the_self_hosted_schedule()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "src", "Host", "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = test.Options.ConnectionString })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddIntegration(configuration);
        using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<JobRunner>();
        var schedule = configuration.GetSection("Schedule:Jobs").GetChildren().ToDictionary(c => c.Key, c => c.Value);

        var timers = Directory.GetDirectories(Infra)
            .Select(d => (Name: Path.GetFileName(d), Path: Path.Combine(d, "function.json")))
            .Where(f => File.Exists(f.Path))
            .Select(f => (f.Name, Binding: Read(f.Path).GetProperty("bindings").EnumerateArray().First()))
            .Where(f => f.Binding.GetProperty("type").GetString() == "timerTrigger")
            .ToList();

        Assert.Equal(7, timers.Count); // ingest per feed (5), match, alerts
        foreach (var (name, binding) in timers)
        {
            Assert.True(runner.Knows(name), $"infra/{name} runs no registered job");
            Assert.Equal(schedule[name], binding.GetProperty("schedule").GetString());
            Assert.Equal(6, binding.GetProperty("schedule").GetString()!.Split(' ').Length);
        }

        // And the default self-hosted schedule starts: every job it names exists.
        Assert.NotNull(new JobScheduler(runner, provider.GetRequiredService<JobRunStore>(), TimeProvider.System,
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScheduleOptions>>(), provider.GetRequiredService<ILoggerFactory>()).CreateJobs());
    }

    [Fact]
    public void The_licence_check_function_is_an_http_trigger_on_the_API_route()
    {
        var bindings = Read(Path.Combine(Infra, "licence-check", "function.json")).GetProperty("bindings").EnumerateArray().ToList();

        Assert.Equal("httpTrigger", bindings[0].GetProperty("type").GetString());
        Assert.Equal("licence-checks/{registrationNo}", bindings[0].GetProperty("route").GetString());
        Assert.Equal("http", bindings[1].GetProperty("type").GetString());
        Assert.Equal("res", bindings[1].GetProperty("name").GetString());
    }

    private static JsonElement Read(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
}
