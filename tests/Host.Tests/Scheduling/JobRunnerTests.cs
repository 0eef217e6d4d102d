using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Host.Scheduling;
using Integration.TestSupport;

namespace Integration.Host.Tests.Scheduling;

public class JobRunnerTests
{
    private static readonly DateTimeOffset Occurrence = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_occurrence_runs_once_and_is_recorded(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Occurrence);
        var job = new ScriptedJob("match");
        using var host = new SchedulerHarness(test.Options, clock, [job], hostName: "host-a");

        var first = await host.Runner.RunAsync("match", Occurrence, "schedule");
        var second = await host.Runner.RunAsync("match", Occurrence, "schedule");

        Assert.Equal(JobRunOutcome.Succeeded, first.Outcome);
        Assert.Equal(JobRunOutcome.AlreadyRun, second.Outcome);
        Assert.Equal(1, job.Calls);
        Assert.Equal(new JobContext("schedule", Occurrence, "host-a"), job.Contexts.Single());
        var run = Assert.Single(await host.Runs.ListAsync("match"));
        Assert.Equal(("succeeded", 1L, "host-a", "schedule"), (run.Outcome, run.Attempt, run.Host, run.TriggeredBy));
        Assert.Equal("2026-11-01T02:00:00.0000000Z", run.ScheduledFor);
        Assert.Equal("ok (rows=1)", run.Summary);
        Assert.NotNull(run.FinishedAt);
        Assert.Null(await host.Leases.HolderAsync("match", clock.GetUtcNow())); // released
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Transient_failures_are_retried_with_exponential_backoff_on_the_clock(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Occurrence);
        var job = new ScriptedJob("ingest", (attempt, _, _) => attempt < 3
            ? throw new TransientJobException($"storage unreachable ({attempt})")
            : Task.FromResult(JobResult.Of("loaded")));
        using var host = new SchedulerHarness(test.Options, clock, [job]); // RetryBaseSeconds = 10

        var run = host.Runner.RunAsync("ingest", Occurrence, "schedule");

        // After attempt 1: a 10 s wait. Nothing happens a tick before it ends.
        await clock.WaitForTimerAsync(d => d == Occurrence.AddSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.Equal(1, job.Calls);
        clock.Advance(TimeSpan.FromTicks(1));

        // After attempt 2: twice as long.
        await clock.WaitForTimerAsync(d => d == Occurrence.AddSeconds(30));
        Assert.Equal(2, job.Calls);
        clock.Advance(TimeSpan.FromSeconds(20));

        var report = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((JobRunOutcome.Succeeded, 3), (report.Outcome, report.Attempts));
        var record = Assert.Single(await host.Runs.ListAsync("ingest"));
        Assert.Equal(("succeeded", 3L), (record.Outcome, record.Attempt));
        Assert.Equal("2026-11-01T02:00:30.0000000Z", record.FinishedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attempts_run_out_and_the_run_is_recorded_as_failed(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Occurrence);
        var job = new ScriptedJob("alerts", (attempt, _, _) => throw new TransientJobException($"database busy ({attempt})"));
        using var host = new SchedulerHarness(test.Options, clock, [job], new Dictionary<string, string?> { ["Schedule:MaxAttempts"] = "2" });

        var run = host.Runner.RunAsync("alerts", Occurrence, "schedule");
        await clock.WaitForTimerAsync(d => d == Occurrence.AddSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(10));
        var report = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((JobRunOutcome.Failed, 2), (report.Outcome, report.Attempts));
        var record = Assert.Single(await host.Runs.ListAsync("alerts"));
        Assert.Equal("failed", record.Outcome);
        Assert.Equal("transient failure on all 2 attempts: TransientJobException: database busy (2)", record.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Other_errors_fail_at_once_without_retry(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Occurrence);
        var job = new ScriptedJob("match", (_, _, _) => throw new InvalidDataException("bad mapping for gdt-taxpayers"));
        using var host = new SchedulerHarness(test.Options, clock, [job]);

        var report = await host.Runner.RunAsync("match", Occurrence, "schedule");

        Assert.Equal((JobRunOutcome.Failed, 1, 1), (report.Outcome, report.Attempts, job.Calls));
        Assert.Equal("failed on attempt 1: InvalidDataException: bad mapping for gdt-taxpayers", report.Error);
        Assert.Empty(clock.PendingTimers);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_does_not_run_a_job_whose_lease_another_host_holds(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Occurrence);
        var release = new TaskCompletionSource();
        var jobA = new ScriptedJob("match", async (_, _, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return JobResult.Of("done");
        });
        var jobB = new ScriptedJob("match");
        using var a = new SchedulerHarness(test.Options, clock, [jobA], hostName: "a");
        using var b = new SchedulerHarness(test.Options, clock, [jobB], hostName: "b");

        var runA = a.Runner.RunAsync("match", Occurrence, "schedule");
        while (jobA.Calls == 0)
        {
            await Task.Delay(5);
        }

        var later = await b.Runner.RunAsync("match", Occurrence.AddDays(1), "schedule");
        release.SetResult();
        await runA;
        var same = await b.Runner.RunAsync("match", Occurrence, "schedule");

        Assert.Equal(JobRunOutcome.Busy, later.Outcome);
        Assert.Equal(JobRunOutcome.AlreadyRun, same.Outcome);
        Assert.Equal(0, jobB.Calls);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_left_behind_by_a_dead_host_is_taken_over_once_its_lease_expires(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Occurrence);
        var job = new ScriptedJob("match");
        using var b = new SchedulerHarness(test.Options, clock, [job], hostName: "b");

        // Host "a" took the lease and claimed the occurrence, then died without a word.
        Assert.True(await b.Leases.TryAcquireAsync("match", "a", Occurrence, TimeSpan.FromSeconds(300)));
        Assert.NotNull(await b.Runs.TryClaimAsync("match", Occurrence, "schedule", "a", Occurrence));

        Assert.Equal(JobRunOutcome.Busy, (await b.Runner.RunAsync("match", Occurrence, "schedule")).Outcome);
        clock.Advance(TimeSpan.FromSeconds(300));
        var report = await b.Runner.RunAsync("match", Occurrence, "schedule");

        Assert.Equal(JobRunOutcome.Succeeded, report.Outcome);
        var run = Assert.Single(await b.Runs.ListAsync("match"));
        Assert.Equal(("succeeded", "b"), (run.Outcome, run.Host));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_occurrence_overtaken_by_a_later_one_is_not_run_by_either_scheduler(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Occurrence);
        var job = new ScriptedJob("match");
        using var a = new SchedulerHarness(test.Options, clock, [job], hostName: "a");

        // Another host already ran the next occurrence; this host's timer for the one before fired late.
        Assert.Equal(JobRunOutcome.Succeeded, (await a.Runner.RunAsync("match", Occurrence.AddSeconds(2), "schedule")).Outcome);
        Assert.Equal(JobRunOutcome.AlreadyRun, (await a.Runner.RunAsync("match", Occurrence, "schedule")).Outcome);
        Assert.Equal(JobRunOutcome.AlreadyRun, (await a.Runner.RunAsync("match", Occurrence.AddSeconds(1), "azure-functions")).Outcome);
        Assert.Equal(JobRunOutcome.Succeeded, (await a.Runner.RunAsync("match", Occurrence.AddSeconds(4), "schedule")).Outcome);

        Assert.Equal([Occurrence.AddSeconds(2), Occurrence.AddSeconds(4)], (await a.Runs.ListAsync("match")).Select(r => Instants.Parse(r.ScheduledFor)).Order());
    }
}
