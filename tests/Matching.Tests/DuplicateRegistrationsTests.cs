using Dapper;
using Integration.Core.Database;
using Integration.Matching.Persistence;
using Integration.Matching.Records;
using Integration.TestSupport;

namespace Integration.Matching.Tests;

public class DuplicateRegistrationsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_reader_groups_the_pairs_of_one_registry_by_enterprise(DatabaseProvider provider)
    {
        using var h = new MatchHarness(provider);
        using (var conn = h.Db.Open())
        {
            foreach (var (e, feed, a, b, method) in new[]
            {
                ("E1", Feeds.Nssf, "N1", "N2", "id"), ("E1", Feeds.Nssf, "N1", "N3", "review"), ("E1", Feeds.Gdt, "K1", "K2", "fuzzy"), ("E2", Feeds.Nssf, "N7", "N8", "fuzzy"),
            })
            {
                conn.Execute(
                    "INSERT INTO registration_duplicates (enterprise_id, feed, key_a, key_b, probability, method, evidence, run_id) VALUES (@e, @feed, @a, @b, 0.99, @method, 'name exact', 'r1')",
                    new { e, feed, a, b, method });
            }
        }

        var reader = new DuplicateRegistrations(h.Db);
        var nssf = await reader.ListAsync(Feeds.Nssf);
        Assert.Equal(["E1", "E2"], nssf.Select(g => g.EnterpriseId));
        Assert.Equal(["N1", "N2", "N3"], nssf[0].Keys);
        Assert.True(nssf[0].Uncertain);
        Assert.False(nssf[1].Uncertain);
        var e1 = await reader.ForEnterpriseAsync("E1");
        Assert.Equal([Feeds.Gdt, Feeds.Nssf], e1.Select(g => g.Feed));
        Assert.Empty(await reader.ForEnterpriseAsync("E3"));
    }
}
