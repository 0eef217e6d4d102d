using Dapper;
using Integration.Core.Database;
using Integration.Ingest.Contracts;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

/// <summary>Ingest's published reader of the feed rows, on both databases.</summary>
public class FeedRowReaderTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    /// <summary>
    /// The batch selects pending renewals in SQL for licences no enterprise links and with
    /// <see cref="FeedRowReader.IsPendingRenewal"/> for rows it has read: the two statements of one rule must agree on
    /// every kind of row (renewal applied, none, an empty value, a removed record).
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_pending_renewal_query_and_the_row_test_select_the_same_licences(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        static string Applied(string row) => row.Replace("2027-01-15,,", "2027-01-15,2026-10-01,", StringComparison.Ordinal);
        h.Write("moc-licences/2026-09-01.csv", Fixtures.MocFile(
            Applied(Fixtures.Moc("00001", "Alpha Co")),
            Fixtures.Moc("00002", "Beta Co"),
            Applied(Fixtures.Moc("00003", "Gamma Co")),
            Applied(Fixtures.Moc("00004", "Delta Co"))));
        await h.RunAsync();
        using var conn = h.Database.Db.Open();
        conn.Execute("UPDATE moc_licences SET is_current = 0 WHERE registration_no = '00003'");
        conn.Execute("UPDATE moc_licences SET renewal_applied_on = '' WHERE registration_no = '00004'");

        var byQuery = FeedRowReader.PendingRenewals(conn).Select(m => m.RegistrationNo).Order(StringComparer.Ordinal).ToList();
        var byRow = FeedRowReader.MocInStorageOrder(conn, ["00001", "00002", "00003", "00004"])
            .Where(FeedRowReader.IsPendingRenewal).Select(m => m.RegistrationNo).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["00001"], byQuery);
        Assert.Equal(byQuery, byRow);
    }
}
