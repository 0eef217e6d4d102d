using Dapper;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Integration.Host.Scheduling;
using Integration.TestSupport;

namespace Integration.Host.Tests.Scheduling;

public class JobLeaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_live_lease_keeps_other_hosts_out_until_it_expires_or_is_released(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider, JobMigrations.Set);
        var leases = new JobLeases(test.Db);

        Assert.True(await leases.TryAcquireAsync("match", "a", T0, Ttl));
        Assert.False(await leases.TryAcquireAsync("match", "b", T0.AddMinutes(4), Ttl));
        Assert.True(await leases.TryAcquireAsync("alerts", "b", T0, Ttl)); // leases are per job
        Assert.True(await leases.TryAcquireAsync("match", "a", T0.AddMinutes(1), Ttl)); // re-entrant for its holder
        Assert.Equal("a", await leases.HolderAsync("match", T0.AddMinutes(2)));

        // Expired (renewed at +1 min, so it runs to +6 min): another host takes it over.
        Assert.False(await leases.TryAcquireAsync("match", "b", T0.AddMinutes(5), Ttl));
        Assert.True(await leases.TryAcquireAsync("match", "b", T0.AddMinutes(6), Ttl));
        Assert.False(await leases.RenewAsync("match", "a", T0.AddMinutes(6), Ttl));

        await leases.ReleaseAsync("match", "a"); // not a's any more: no effect
        Assert.Equal("b", await leases.HolderAsync("match", T0.AddMinutes(7)));
        await leases.ReleaseAsync("match", "b");
        Assert.True(await leases.TryAcquireAsync("match", "c", T0.AddMinutes(7), Ttl));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_acquirers_get_exactly_one_lease(DatabaseProvider provider)
    {
        using var test = TestDatabase.Create(provider, JobMigrations.Set);
        var leases = new JobLeases(test.Db);
        using var conn = test.Db.Open();

        for (var round = 0; round < 5; round++)
        {
            var now = T0.AddHours(round); // each round the previous lease has expired
            var start = new TaskCompletionSource();
            var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await leases.TryAcquireAsync("ingest", $"host-{round}-{i}", now, Ttl);
            })).ToList();
            start.SetResult();
            var won = await Task.WhenAll(attempts);

            Assert.Equal(1, won.Count(w => w));
            var holder = conn.QuerySingle<string>("SELECT holder FROM job_leases WHERE job = 'ingest'");
            Assert.Equal($"host-{round}-{Array.IndexOf(won, true)}", holder);
        }
    }
}
