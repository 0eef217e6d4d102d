using Dapper;
using Microsoft.Extensions.Configuration;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Host.Scheduling;
using Integration.TestSupport;
using Xunit.Abstractions;

namespace Integration.Host.Tests.Scheduling;

/// <summary>
/// Two real <c>serve</c> processes of the built binary on one database, scheduling the host's heartbeat and
/// the modules' real ingest, match and alerts jobs every few seconds: each occurrence runs exactly once,
/// never two runs of a job at a time, none skipped unless a run overran it.
/// </summary>
public class TwoServeProcessesTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, int> Cadence = new()
    {
        ["heartbeat"] = 2,
        ["ingest-moc-licences"] = 3,
        ["match"] = 4, // a match run loads the full gazetteer: slack for a loaded machine
        ["alerts"] = 4,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_hosts_run_each_scheduled_occurrence_once(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider);
        using var folder = new TempFolder("serve");
        var args = ScheduleArguments().Concat(["--urls", "http://127.0.0.1:0", "--set", "Schedule:Heartbeat:HoldMilliseconds=1200", "--set", "Schedule:BusyRetrySeconds=0.2"]).ToList();

        using (var a = new ServeProcess(folder.Path, test.Options, args))
        using (var b = new ServeProcess(folder.Path, test.Options, args))
        {
            await a.WaitForOutputAsync("Serving on", TimeSpan.FromSeconds(60));
            await b.WaitForOutputAsync("Serving on", TimeSpan.FromSeconds(60));
            // Until every job has run its four occurrences (the heartbeat eight), not a fixed time: on a loaded
            // machine a match run takes seconds and the jobs reach their counts later.
            var limit = DateTime.UtcNow + TimeSpan.FromSeconds(150);
            while (Cadence.Keys.Any(job => CountFinished(test, job) < (job == "heartbeat" ? 8 : 4)) && DateTime.UtcNow < limit && !a.HasExited && !b.HasExited)
            {
                await Task.Delay(200);
            }

            output.WriteLine(a.Output);
            output.WriteLine(b.Output);
            foreach (var p in new[] { a, b })
            {
                // Each host looked at every heartbeat occurrence: it ran it, or found it run or running elsewhere.
                Assert.True(Lines(p.Output, "Job heartbeat (") >= 6, "a host stopped scheduling:\n" + p.Output);
            }
        }

        using var conn = test.Db.Open();
        var runs = conn.Query<JobRunRecord>("SELECT * FROM job_runs").ToList();
        foreach (var (job, seconds) in Cadence)
        {
            var finished = runs.Where(r => r.Job == job && r.FinishedAt is not null).OrderBy(r => r.ScheduledFor, StringComparer.Ordinal).ToList();
            Assert.True(finished.Count >= 4, $"{job}: only {finished.Count} runs");
            // The scheduler's promise is "once"; whether a module's job succeeds on an empty database is the
            // module's own test. The heartbeat has nothing to fail on.
            Assert.All(finished, r => Assert.True(job != "heartbeat" || r.Outcome == "succeeded", $"{job} {r.ScheduledFor}: {r.Outcome} {r.Error}"));

            // None skipped without cause: consecutive occurrences are on the schedule's grid, one cadence apart,
            // unless the earlier run overran its slot. Occurrences that pass while a run is still going collapse
            // into the latest one (ScheduledJob.Advance): on a loaded machine a match run takes longer than 4 s.
            var cadence = TimeSpan.FromSeconds(seconds);
            Assert.All(finished.Zip(finished.Skip(1)), p =>
            {
                var first = Instants.Parse(p.First.ScheduledFor);
                var gap = Instants.Parse(p.Second.ScheduledFor) - first;
                Assert.True(gap >= cadence && gap.Ticks % cadence.Ticks == 0, $"{job}: {p.First.ScheduledFor} then {p.Second.ScheduledFor} is off the schedule");
                Assert.True(gap == cadence || Instants.Parse(p.First.FinishedAt!) > first + cadence,
                    $"{job}: {p.Second.ScheduledFor} follows {p.First.ScheduledFor}, which finished in its slot at {p.First.FinishedAt}: an occurrence was skipped");
            });

            // Never two at once: each run starts after the previous one finished.
            Assert.All(finished.Zip(finished.Skip(1)), p => Assert.True(
                string.CompareOrdinal(p.Second.StartedAt, p.First.FinishedAt) >= 0,
                $"{job}: {p.Second.ScheduledFor} started at {p.Second.StartedAt} before {p.First.ScheduledFor} finished at {p.First.FinishedAt}"));
        }

        output.WriteLine(string.Join("\n", runs.GroupBy(r => r.Host).Select(g => $"{g.Key}: {g.Count()} runs")));
    }

    /// <summary>The test cadence for the jobs above, every other job of the default schedule off.</summary>
    private static IEnumerable<string> ScheduleArguments()
    {
        var defaults = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()
            .GetSection("Schedule:Jobs").GetChildren().Select(c => c.Key);
        foreach (var job in defaults.Union(Cadence.Keys))
        {
            yield return "--set";
            yield return Cadence.TryGetValue(job, out var s) ? $"Schedule:Jobs:{job}=*/{s} * * * * *" : $"Schedule:Jobs:{job}=off";
        }
    }

    private static long CountFinished(TestDatabase test, string job)
    {
        using var conn = test.Db.Open();
        return conn.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = @job AND finished_at IS NOT NULL", new { job });
    }

    private static int Lines(string text, string marker) =>
        text.Split('\n').Count(l => l.Contains(marker, StringComparison.Ordinal) && (l.Contains("succeeded", StringComparison.Ordinal) || l.Contains("already run", StringComparison.Ordinal) || l.Contains("holds the lease", StringComparison.Ordinal)));

}
