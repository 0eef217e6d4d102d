using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Integration.Core.Jobs;

/// <summary>
/// Runs one occurrence of a job by name, the same way for the self-hosted scheduler and the Azure Functions
/// worker: take the job's lease, claim the occurrence in job_runs, run with retries on
/// <see cref="TransientJobException"/> (a Polly retry strategy: exponential backoff on the injected clock), record
/// each attempt and the outcome, release the lease. The lease is renewed while the job runs so a long job is not
/// taken over.
/// </summary>
public sealed class JobRunner(
    IEnumerable<IPipelineJob> jobs,
    JobLeases leases,
    JobRunStore runs,
    HostIdentity host,
    TimeProvider clock,
    IOptions<ScheduleOptions> options,
    ILogger<JobRunner> log)
{
    private readonly Dictionary<string, IPipelineJob> _jobs = IndexJobs(jobs);

    public IReadOnlyCollection<string> JobNames => _jobs.Keys;

    public bool Knows(string job) => _jobs.ContainsKey(job);

    public async Task<JobRunReport> RunAsync(string jobName, DateTimeOffset scheduledFor, string trigger, CancellationToken ct = default)
    {
        if (!_jobs.TryGetValue(jobName, out var job))
        {
            throw new ArgumentException($"No job named '{jobName}'. Known jobs: {string.Join(", ", _jobs.Keys.Order(StringComparer.Ordinal))}.", nameof(jobName));
        }

        var o = options.Value;
        var ttl = TimeSpan.FromSeconds(Math.Max(1, o.LeaseSeconds));
        if (!await leases.TryAcquireAsync(job.Name, host.Name, clock.GetUtcNow(), ttl, ct))
        {
            log.LogInformation("Job {Job} ({ScheduledFor:O}): another host holds the lease", job.Name, scheduledFor);
            return new JobRunReport(job.Name, scheduledFor, JobRunOutcome.Busy, 0);
        }

        try
        {
            var runId = await runs.TryClaimAsync(job.Name, scheduledFor, trigger, host.Name, clock.GetUtcNow(), ct);
            if (runId is not { } id)
            {
                log.LogInformation("Job {Job} ({ScheduledFor:O}): occurrence already run, or overtaken by a later one", job.Name, scheduledFor);
                return new JobRunReport(job.Name, scheduledFor, JobRunOutcome.AlreadyRun, 0);
            }

            using var heartbeat = clock.CreateTimer(_ => Renew(job.Name, ttl), null, ttl / 3, ttl / 3);
            return await RunAttemptsAsync(job, id, scheduledFor, trigger, o, ct);
        }
        finally
        {
            await leases.ReleaseAsync(job.Name, host.Name);
        }
    }

    private async Task<JobRunReport> RunAttemptsAsync(IPipelineJob job, long id, DateTimeOffset scheduledFor, string trigger, ScheduleOptions o, CancellationToken ct)
    {
        var maxAttempts = Math.Max(1, o.MaxAttempts);
        var context = new JobContext(trigger, scheduledFor, host.Name);
        var attempt = 0;
        string? lastTransient = null;
        try
        {
            var result = await Retries(job, scheduledFor, o).ExecuteAsync(
                async token =>
                {
                    attempt++;
                    await runs.StartAttemptAsync(id, attempt, token);
                    log.LogInformation("Job {Job} ({ScheduledFor:O}) attempt {Attempt} started on {Host}", job.Name, scheduledFor, attempt, host.Name);
                    try
                    {
                        return await job.RunAsync(context, token);
                    }
                    catch (TransientJobException e)
                    {
                        lastTransient = e.Message;
                        throw;
                    }
                },
                ct);
            var summary = Summarise(result);
            await runs.FinishAsync(id, JobRunStore.Succeeded, summary, null, clock.GetUtcNow());
            log.LogInformation("Job {Job} ({ScheduledFor:O}) succeeded: {Summary}", job.Name, scheduledFor, summary);
            return new JobRunReport(job.Name, scheduledFor, JobRunOutcome.Succeeded, attempt, summary, null, id, result.Counts);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped while the job ran, or while waiting to retry it.
            var error = lastTransient is null ? "host stopped" : "host stopped during retry backoff: " + lastTransient;
            await runs.FinishAsync(id, JobRunStore.Cancelled, null, error, clock.GetUtcNow());
            log.LogWarning("Job {Job} ({ScheduledFor:O}) cancelled: the host is stopping", job.Name, scheduledFor);
            return new JobRunReport(job.Name, scheduledFor, JobRunOutcome.Cancelled, attempt, null, lastTransient ?? "host stopped", id);
        }
        catch (Exception e)
        {
            var error = Describe(e, attempt, maxAttempts);
            await runs.FinishAsync(id, JobRunStore.Failed, null, error, clock.GetUtcNow());
            log.LogError(e, "Job {Job} ({ScheduledFor:O}) failed: {Error}", job.Name, scheduledFor, error);
            return new JobRunReport(job.Name, scheduledFor, JobRunOutcome.Failed, attempt, null, error, id);
        }
    }

    /// <summary>
    /// Retries on <see cref="TransientJobException"/> only: base, 2 x base, 4 x base ... capped at
    /// <c>RetryMaxSeconds</c>, no jitter (one host runs an occurrence, so there is no herd to spread), on the injected clock.
    /// </summary>
    private ResiliencePipeline Retries(IPipelineJob job, DateTimeOffset scheduledFor, ScheduleOptions o)
    {
        var maxAttempts = Math.Max(1, o.MaxAttempts);
        if (maxAttempts == 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientJobException>(),
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = TimeSpan.FromSeconds(Math.Max(0, o.RetryBaseSeconds)),
                MaxDelay = TimeSpan.FromSeconds(Math.Max(o.RetryBaseSeconds, o.RetryMaxSeconds)),
                OnRetry = args =>
                {
                    log.LogWarning("Job {Job} ({ScheduledFor:O}) attempt {Attempt} failed transiently, retrying in {Delay}: {Error}", job.Name, scheduledFor, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return default;
                },
            })
            .Build();
    }

    private void Renew(string job, TimeSpan ttl)
    {
        // Timer callback: must not throw. A lost lease is logged; the claim in job_runs still keeps the
        // occurrence from running twice.
        _ = Task.Run(async () =>
        {
            try
            {
                if (!await leases.RenewAsync(job, host.Name, clock.GetUtcNow(), ttl))
                {
                    log.LogWarning("Job {Job}: lease lost while running", job);
                }
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Job {Job}: lease renewal failed", job);
            }
        });
    }

    private static string Describe(Exception e, int attempt, int maxAttempts)
    {
        var kind = e is TransientJobException ? $"transient failure on all {maxAttempts} attempts" : $"failed on attempt {attempt}";
        return $"{kind}: {e.GetType().Name}: {e.Message}";
    }

    private static string Summarise(JobResult result) =>
        result.Counts.Count == 0
            ? result.Summary
            : result.Summary + " (" + string.Join(", ", result.Counts.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}"))) + ")";

    private static Dictionary<string, IPipelineJob> IndexJobs(IEnumerable<IPipelineJob> jobs)
    {
        var index = new Dictionary<string, IPipelineJob>(StringComparer.OrdinalIgnoreCase);
        foreach (var job in jobs)
        {
            if (!index.TryAdd(job.Name, job))
            {
                throw new InvalidOperationException($"Two jobs are registered under the name '{job.Name}'.");
            }
        }

        return index;
    }
}
