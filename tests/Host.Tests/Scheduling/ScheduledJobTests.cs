using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Host.Scheduling;
using Integration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Scheduling;

public class ScheduledJobTests
{
    private const string Daily2am = "0 0 2 * * *";
    private static readonly DateTimeOffset Nov1 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Runs_each_occurrence_when_it_falls_due(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Nov1);
        var job = new ScriptedJob("match");
        using var host = new SchedulerHarness(test.Options, clock, [job]);
        var scheduled = host.Scheduled("match", Daily2am);
        await scheduled.InitialiseAsync();

        Assert.Equal(Nov1.AddHours(2), scheduled.NextOccurrence);
        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Null(await scheduled.StepAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(JobRunOutcome.Succeeded, (await scheduled.StepAsync())!.Outcome);
        Assert.Null(await scheduled.StepAsync());

        Assert.Equal(1, job.Calls);
        Assert.Equal(Nov1.AddDays(1).AddHours(2), scheduled.NextOccurrence);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_downtime_the_latest_missed_occurrence_runs_once_at_start(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Nov1.AddHours(2));
        var job = new ScriptedJob("alerts");
        using (var before = new SchedulerHarness(test.Options, clock, [job]))
        {
            Assert.Equal(JobRunOutcome.Succeeded, (await before.Runner.RunAsync("alerts", Nov1.AddHours(2), "schedule")).Outcome);
        }

        // Down from Nov 1 until Nov 4, 05:00: the Nov 2, 3 and 4 runs were missed.
        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(3));
        using var after = new SchedulerHarness(test.Options, clock, [job]);
        var scheduled = after.Scheduled("alerts", Daily2am);
        await scheduled.InitialiseAsync();

        Assert.Equal(Nov1.AddDays(3).AddHours(2), scheduled.NextOccurrence);
        Assert.Equal(JobRunOutcome.Succeeded, (await scheduled.StepAsync())!.Outcome);
        Assert.Null(await scheduled.StepAsync());
        Assert.Equal(2, job.Calls);
        Assert.Equal([Nov1.AddHours(2), Nov1.AddDays(3).AddHours(2)], job.Contexts.Select(c => c.ScheduledFor));
        Assert.Equal(Nov1.AddDays(4).AddHours(2), scheduled.NextOccurrence);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_recorded_run_or_with_catch_up_off_nothing_runs_at_start(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Nov1.AddHours(5));
        var job = new ScriptedJob("alerts");
        using var fresh = new SchedulerHarness(test.Options, clock, [job]);
        var scheduled = fresh.Scheduled("alerts", Daily2am);
        await scheduled.InitialiseAsync();
        Assert.Null(await scheduled.StepAsync());

        await fresh.Runner.RunAsync("alerts", Nov1.AddHours(2), "schedule");
        clock.Advance(TimeSpan.FromDays(2));
        using var noCatchUp = new SchedulerHarness(test.Options, clock, [job], new Dictionary<string, string?> { ["Schedule:CatchUp"] = "false" });
        var again = noCatchUp.Scheduled("alerts", Daily2am);
        await again.InitialiseAsync();

        Assert.Null(await again.StepAsync());
        Assert.Equal(Nov1.AddDays(3).AddHours(2), again.NextOccurrence);
        Assert.Equal(1, job.Calls);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Occurrences_missed_during_a_long_run_collapse_into_one(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Nov1);
        var slow = true;
        var job = new ScriptedJob("ingest", (_, _, _) =>
        {
            if (slow)
            {
                clock.Advance(TimeSpan.FromMinutes(35)); // the run outlasts three 10-minute occurrences
            }

            return Task.FromResult(JobResult.Of("slow"));
        });
        using var host = new SchedulerHarness(test.Options, clock, [job]);
        var scheduled = host.Scheduled("ingest", "0 */10 * * * *");
        await scheduled.InitialiseAsync();
        clock.Advance(TimeSpan.FromMinutes(10));

        await scheduled.StepAsync();

        Assert.Equal(Nov1.AddMinutes(40), scheduled.NextOccurrence); // 00:20 and 00:30 collapse into 00:40 (now 00:45)
        slow = false;
        Assert.Equal(JobRunOutcome.Succeeded, (await scheduled.StepAsync())!.Outcome);
        Assert.Equal(Nov1.AddMinutes(50), scheduled.NextOccurrence);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_hosts_on_one_database_run_each_occurrence_once(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Nov1);
        var jobA = new ScriptedJob("match");
        var jobB = new ScriptedJob("match");
        using var a = new SchedulerHarness(test.Options, clock, [jobA], hostName: "a");
        using var b = new SchedulerHarness(test.Options, clock, [jobB], hostName: "b");
        var onA = a.Scheduled("match", "0 0 */6 * * *");
        var onB = b.Scheduled("match", "0 0 */6 * * *");
        await onA.InitialiseAsync();
        await onB.InitialiseAsync();

        for (var i = 0; i < 8; i++)
        {
            clock.Advance(TimeSpan.FromHours(6));
            // Both wake at once; whoever gets there first runs it, the other sees it taken (or busy, then taken).
            var reports = await Task.WhenAll(Task.Run(() => onA.StepAsync()), Task.Run(() => onB.StepAsync()));
            clock.Advance(TimeSpan.FromSeconds(5));
            await onA.StepAsync();
            await onB.StepAsync();
            Assert.Equal(1, reports.Count(r => r!.Outcome == JobRunOutcome.Succeeded));
        }

        Assert.Equal(8, jobA.Calls + jobB.Calls);
        var runs = await a.Runs.ListAsync("match");
        Assert.Equal(8, runs.Count);
        Assert.Equal(8, runs.Select(r => r.ScheduledFor).Distinct().Count());
        Assert.Equal(Nov1.AddHours(54), onA.NextOccurrence);
        Assert.Equal(Nov1.AddHours(54), onB.NextOccurrence);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_scheduler_service_runs_configured_jobs_on_the_injected_clock(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        var clock = new ManualTimeProvider(Nov1);
        var ingest = new ScriptedJob("ingest-moc-licences");
        var match = new ScriptedJob("match");
        using var host = new SchedulerHarness(test.Options, clock, [ingest, match], new Dictionary<string, string?>
        {
            ["Schedule:Jobs:ingest-moc-licences"] = "0 0 1 * * *",
            ["Schedule:Jobs:match"] = "0 0 3 * * *",
            ["Schedule:Jobs:alerts"] = "off",
        });
        var scheduler = host.Services.GetRequiredService<JobScheduler>();
        using var stop = new CancellationTokenSource();

        await scheduler.StartAsync(stop.Token);
        for (var day = 0; day < 3; day++)
        {
            await clock.WaitForTimerAsync(d => d == Nov1.AddDays(day).AddHours(1));
            await clock.WaitForTimerAsync(d => d == Nov1.AddDays(day).AddHours(3));
            clock.Advance(TimeSpan.FromDays(1));
        }

        // Both jobs re-armed for the fourth day, so the third day's runs have both finished (waiting for one only
        // raced the other's run on a slow database: stopping cancels a run still taking its lease).
        await clock.WaitForTimerAsync(d => d == Nov1.AddDays(3).AddHours(1));
        await clock.WaitForTimerAsync(d => d == Nov1.AddDays(3).AddHours(3));
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal((3, 3), (ingest.Calls, match.Calls));
        Assert.Equal(6, (await host.Runs.ListAsync()).Count(r => r.Outcome == "succeeded"));
    }

    [Fact]
    public void An_unknown_job_in_the_schedule_is_a_start_up_error()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var host = new SchedulerHarness(test.Options, new ManualTimeProvider(), [], new Dictionary<string, string?> { ["Schedule:Jobs:ingest-typo"] = "0 0 1 * * *" });

        var e = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<JobScheduler>().CreateJobs());

        Assert.Contains("Schedule:Jobs:ingest-typo names no registered job", e.Message, StringComparison.Ordinal);
        Assert.Contains("heartbeat", e.Message, StringComparison.Ordinal);
    }
}
