using Integration.Core;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Host;
using Integration.Host.Scheduling;
using Integration.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Host.Tests.Scheduling;

/// <summary>A job whose behaviour the test scripts: each call gets its attempt number (from 1).</summary>
internal sealed class ScriptedJob(string name, Func<int, JobContext, CancellationToken, Task<JobResult>> body) : IPipelineJob
{
    private int _calls;

    public ScriptedJob(string name)
        : this(name, (_, _, _) => Task.FromResult(JobResult.Of("ok", ("rows", 1))))
    {
    }

    public string Name => name;

    public int Calls => Volatile.Read(ref _calls);

    public List<JobContext> Contexts { get; } = [];

    public Task<JobResult> RunAsync(JobContext context, CancellationToken ct = default)
    {
        var n = Interlocked.Increment(ref _calls);
        lock (Contexts)
        {
            Contexts.Add(context);
        }

        return body(n, context, ct);
    }
}

/// <summary>
/// The host's scheduling services on a real test database and a manual clock, as one host would have them.
/// Several harnesses on the same <see cref="DatabaseOptions"/> behave like several hosts.
/// </summary>
internal sealed class SchedulerHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public SchedulerHarness(DatabaseOptions database, ManualTimeProvider clock, IEnumerable<IPipelineJob> jobs, IDictionary<string, string?>? settings = null, string? hostName = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Schedule:HostName"] = hostName ?? "host-" + Guid.NewGuid().ToString("N")[..6],
            ["Schedule:RetryBaseSeconds"] = "10",
            ["Schedule:LeaseSeconds"] = "300",
            ["Schedule:BusyRetrySeconds"] = "5",
        };
        foreach (var kv in settings ?? new Dictionary<string, string?>())
        {
            values[kv.Key] = kv.Value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        // Only the core and the host's own services: the modules' real jobs would collide with the test's.
        services.AddCoreServices(configuration);
        services.AddHostServices(configuration);
        foreach (var job in jobs)
        {
            services.AddSingleton(job);
        }

        services.AddSingleton<JobScheduler>();
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<Migrator>().Apply();
        Clock = clock;
    }

    public ManualTimeProvider Clock { get; }

    public IServiceProvider Services => _provider;

    public JobRunner Runner => _provider.GetRequiredService<JobRunner>();

    public JobRunStore Runs => _provider.GetRequiredService<JobRunStore>();

    public JobLeases Leases => _provider.GetRequiredService<JobLeases>();

    public string HostName => _provider.GetRequiredService<HostIdentity>().Name;

    public ScheduledJob Scheduled(string job, string cron)
    {
        var options = _provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScheduleOptions>>().Value;
        return new ScheduledJob(job, CronSchedule.Parse(cron), Runner, Runs, Clock, options, _provider.GetRequiredService<ILoggerFactory>().CreateLogger(job));
    }

    public void Dispose() => _provider.Dispose();
}
