using Integration.Core.Database;
using Integration.Host.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests;

/// <summary>The real HTTP host (Kestrel on a free loopback port) over a test database, for tests that talk HTTP to it.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app)
    {
        App = app;
        BaseAddress = new Uri(app.Urls.First());
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<RunningHost> StartAsync(
        DatabaseOptions database,
        ServeSettings? settings = null,
        IDictionary<string, string?>? config = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? endpoints = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var kv in config ?? new Dictionary<string, string?>())
        {
            overrides[kv.Key] = kv.Value;
        }

        var app = ApiHost.Build([], overrides, (settings ?? new ServeSettings()) with { Urls = "http://127.0.0.1:0" }, services);
        endpoints?.Invoke(app);
        await app.StartAsync();
        return new RunningHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
