using Microsoft.Extensions.Options;

namespace Integration.Core.Jobs;

/// <summary>The name this process records as lease holder and run host. Unique per process, readable in job_runs.</summary>
public sealed class HostIdentity(IOptions<ScheduleOptions> options)
{
    public string Name { get; } = options.Value.HostName is { Length: > 0 } configured
        ? configured
        : $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
