using System.Text.Json;
using Integration.Core.Jobs;
using Integration.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Integration.Functions.Tests;

/// <summary>What the worker's build generates for the Functions host (functions.metadata), and what infra/ sets for it.</summary>
public class FunctionMetadataTests
{
    [Fact]
    public async Task One_timer_function_per_scheduled_job_and_the_licence_check_over_HTTP()
    {
        var functions = Metadata().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings")[0]);
        var scheduled = DefaultSchedule().Keys.Where(j => j != "heartbeat").Order(StringComparer.Ordinal).ToList();
        await using var app = FunctionsApp.Start(new Dictionary<string, string?>());
        var runner = app.Get<JobRunner>();

        Assert.Equal(scheduled, functions.Keys.Where(k => k != "licence-check").Order(StringComparer.Ordinal));
        Assert.All(scheduled, job =>
        {
            Assert.Equal("timerTrigger", functions[job].GetProperty("type").GetString());
            Assert.Equal($"%Schedule:Jobs:{job}%", functions[job].GetProperty("schedule").GetString()); // the app setting the scheduler reads too
            Assert.True(runner.Knows(job), job);
        });
        var http = functions["licence-check"];
        Assert.Equal("httpTrigger", http.GetProperty("type").GetString());
        Assert.Equal("licence-checks/{registrationNo}", http.GetProperty("route").GetString());
        Assert.Equal("Function", http.GetProperty("authLevel").GetString(), ignoreCase: true);
    }

    [Fact]
    public void Infra_sets_every_timer_schedule_to_the_default_of_the_self_hosted_scheduler()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "functionapp.settings.json")));
        var values = settings.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        foreach (var (job, cron) in DefaultSchedule().Where(j => j.Key != "heartbeat"))
        {
            Assert.Equal(cron, values.GetValueOrDefault($"Schedule__Jobs__{job}"));
        }

        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
    }

    private static Dictionary<string, string> DefaultSchedule() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()
            .GetSection("Schedule:Jobs").GetChildren().ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);

    /// <summary>functions.metadata of the worker built in the same configuration as these tests.</summary>
    private static IEnumerable<JsonElement> Metadata()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepoPaths.Root, "src", "Functions", "bin", framework.Parent!.Name, framework.Name, "functions.metadata");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().ToList();
    }
}
