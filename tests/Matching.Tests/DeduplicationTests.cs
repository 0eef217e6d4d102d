using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Matching.Comparison;
using Integration.Matching.Persistence;
using Integration.Matching.Records;
using Integration.Matching.Standardisation;
using Integration.TestSupport;

namespace Integration.Matching.Tests;

/// <summary>One firm, several records of one registry: compared within the registry, joined only when directly linked.</summary>
public class DeduplicationTests
{
    private static readonly Lazy<Gazetteer> Places = new(() => Gazetteer.Shipped.Value);

    [Fact]
    public void Own_keys_of_one_registry_count_only_when_they_are_two_spellings_of_one_number()
    {
        var records = new Standardiser(Places.Value).StandardiseAll(
        [
            Record(Feeds.Gdt, "K001-123456789", ownTin: "K001-123456789"),
            Record(Feeds.Gdt, "E001-123456789", ownTin: "E001-123456789"),
            Record(Feeds.Gdt, "K001-123456780", ownTin: "K001-123456780"),
            Record(Feeds.Nssf, "N1", refTin: "K001-123456780"),
            Record(Feeds.Nssf, "N2", refTin: "K001-123456781"),
        ]);

        Assert.Equal(2, Pattern.Level(PairComparer.Compare(records[0], records[1]), Fields.Tin)); // one serial, two offices
        Assert.Equal(-1, Pattern.Level(PairComparer.Compare(records[0], records[2]), Fields.Tin)); // neighbours in the numbering: no evidence
        Assert.Equal(1, Pattern.Level(PairComparer.Compare(records[3], records[4]), Fields.Tin)); // two cross-references: a slip is evidence
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_firm_registered_twice_with_nssf_is_one_enterprise_with_both_registrations_listed(DatabaseProvider provider)
    {
        using var h = new MatchHarness(provider);
        FeedRows.Background(h.Db, 40);
        var firm = new Firm("Angkor Lotus Printing Co., Ltd.", District: "Tuol Kouk", Phone: "012 345 678", Street: "St. 271");
        FeedRows.Moc(h.Db, "MOC-LOTUS", firm, tin: "K001-700100200");
        FeedRows.Gdt(h.Db, "K001-700100200", firm with { NameEn = "ANGKOR LOTUS PRINTING CO.,LTD" });
        FeedRows.Nssf(h.Db, "N-LOTUS-OLD", firm with { NameEn = "Angkor Lotus Printing Company Limited" }, tin: "K001-700100200", status: "CLOSED");
        FeedRows.Nssf(h.Db, "N-LOTUS-NEW", firm with { NameEn = "ANGKOR LOTUS PRINTING" }, tin: "K001-700100200");

        await h.MatchAsync();

        var enterprise = h.EnterpriseOf(Feeds.Moc, "MOC-LOTUS");
        Assert.Equal(enterprise, h.EnterpriseOf(Feeds.Nssf, "N-LOTUS-OLD"));
        Assert.Equal(enterprise, h.EnterpriseOf(Feeds.Nssf, "N-LOTUS-NEW"));
        var groups = await new DuplicateRegistrations(h.Db).ForEnterpriseAsync(enterprise);
        var group = Assert.Single(groups);
        Assert.Equal(Feeds.Nssf, group.Feed);
        Assert.Equal(["N-LOTUS-NEW", "N-LOTUS-OLD"], group.Keys);
        Assert.False(group.Uncertain);
        Assert.Contains("tin equal", group.Pairs[0].Evidence, StringComparison.Ordinal);
        var view = await new EnterpriseQueries(h.Db).FindAsync(enterprise);
        Assert.Equal("N-LOTUS-NEW|N-LOTUS-OLD", view!.Enterprise.NssfIds);

        // The background's own registrations are not duplicates of each other.
        Assert.Single(await new DuplicateRegistrations(h.Db).ListAsync());
    }

    [Fact]
    public async Task Namesakes_in_one_registry_and_district_stay_two_firms_and_another_firms_registration_never_chains_in()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        FeedRows.Background(h.Db, 40);
        FeedRows.Nssf(h.Db, "N-SOKHA-1", new Firm("Sokha Mini Mart", District: "Sen Sok", Phone: "012 111 222"));
        FeedRows.Nssf(h.Db, "N-SOKHA-2", new Firm("Sokha Mini Mart", District: "Sen Sok", Phone: "017 999 888"));

        // A firm with its own NSSF registration, and another firm's registration carrying its TIN by mistake.
        var hotel = new Firm("Mekong Pearl Hotel", District: "Doun Penh", Phone: "023 999 111");
        FeedRows.Gdt(h.Db, "K009-111222333", hotel);
        FeedRows.Nssf(h.Db, "N-PEARL", hotel with { NameEn = "MEKONG PEARL HOTEL" }, tin: "K009-111222333");
        FeedRows.Nssf(h.Db, "N-RICE", new Firm("Battambang Rice Mill", Province: "Battambang", District: "Battambang", Phone: "053 777 888"), tin: "K009-111222333");

        await h.MatchAsync();

        Assert.NotEqual(h.EnterpriseOf(Feeds.Nssf, "N-SOKHA-1"), h.EnterpriseOf(Feeds.Nssf, "N-SOKHA-2"));
        Assert.Equal(h.EnterpriseOf(Feeds.Gdt, "K009-111222333"), h.EnterpriseOf(Feeds.Nssf, "N-PEARL"));
        Assert.NotEqual(h.EnterpriseOf(Feeds.Gdt, "K009-111222333"), h.EnterpriseOf(Feeds.Nssf, "N-RICE"));
        Assert.Empty(await new DuplicateRegistrations(h.Db).ListAsync());
    }

    private static SourceRecord Record(string feed, string key, string? ownTin = null, string? refTin = null) => new()
    {
        Feed = Feeds.Index(feed),
        SourceKey = key,
        NameEn = "Sokha Trading",
        OwnTin = ownTin,
        RefTin = refTin,
    };
}
