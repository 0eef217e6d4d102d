using Integration.Core.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Functions.Tests;

/// <summary>The worker's services exactly as its Program composes them, over test settings, migrated.</summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private FunctionsApp(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public static FunctionsApp Start(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false) // the defaults the worker ships
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFunctionsApp(configuration);
        services.AddSingleton<JobFunctions>().AddSingleton<LicenceCheckFunction>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<Migrator>().Apply();
        return new FunctionsApp(provider);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
