using Dapper;
using Integration.Core.Database;
using Integration.Matching.Records;
using Integration.TestSupport;

namespace Integration.Matching.Tests;

public class MatchRunnerTests
{
    private static readonly string[] Methods = ["id", "fuzzy", "review", "single", "clerk"];

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_current_record_is_linked_exactly_once_and_twins_share_an_enterprise(DatabaseProvider provider)
    {
        using var h = new MatchHarness(provider);
        FeedRows.Background(h.Db, 40);
        FeedRows.Moc(h.Db, "MOC-OLD", new Firm("Closed Firm Co., Ltd."), current: 0);

        var summary = await h.MatchAsync();

        var links = h.Links();
        Assert.Equal(120, links.Count);
        Assert.Equal(120, summary.Records);
        Assert.DoesNotContain((Feeds.Moc, "MOC-OLD"), links.Keys);
        for (var i = 0; i < 40; i++)
        {
            var e = links[(Feeds.Moc, $"MOC-{10000 + i}")].EnterpriseId;
            Assert.Equal(e, links[(Feeds.Gdt, $"K00{i % 9}9{i:00000000}".Insert(4, "-"))].EnterpriseId);
            Assert.Equal(e, links[(Feeds.Nssf, $"N{50000 + i}")].EnterpriseId);
        }

        Assert.Equal(40, links.Values.Select(l => l.EnterpriseId).Distinct().Count());
        Assert.All(links.Values, l => Assert.Contains(l.Method, Methods));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_register_too_small_for_any_candidate_pair_still_matches(int firms)
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        for (var i = 0; i < firms; i++)
        {
            FeedRows.Moc(h.Db, $"MOC-ONLY{i}", new Firm("Lonely Firm Co., Ltd."));
        }

        var summary = await h.MatchAsync();

        Assert.Equal(firms, summary.Records);
        Assert.Equal(firms, h.Links().Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_khmer_only_nssf_record_links_to_its_latin_only_moc_twin(DatabaseProvider provider)
    {
        using var h = new MatchHarness(provider);
        FeedRows.Background(h.Db, 40);
        FeedRows.Moc(h.Db, "MOC-KM1", new Firm("Sokha Rathana Trading Co., Ltd.", Province: "Phnom Penh", District: "Sen Sok", Phone: "012 987 654"));
        FeedRows.Nssf(h.Db, "N-KM1", new Firm(null, NameKm: "ក្រុមហ៊ុន សុខា\u200Bរតនា ត្រេឌីង ឯ.ក", Province: "ភ្នំពេញ", District: "សែនសុខ", Phone: "+855 12 987 654"));

        await h.MatchAsync();

        var links = h.Links();
        Assert.Equal(links[(Feeds.Moc, "MOC-KM1")].EnterpriseId, links[(Feeds.Nssf, "N-KM1")].EnterpriseId);
        Assert.NotEqual("single", links[(Feeds.Nssf, "N-KM1")].Method);
        using var conn = h.Db.Open();
        var evidence = conn.QuerySingle<string>("SELECT evidence FROM entity_links WHERE feed = @f AND source_key = 'N-KM1'", new { f = Feeds.Nssf });
        Assert.Contains("name cross-script", evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_cross_reference_does_not_merge_two_firms()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        FeedRows.Background(h.Db, 40);
        FeedRows.Gdt(h.Db, "K009-111222333", new Firm("Mekong Pearl Hotel", District: "Doun Penh", Phone: "023 999 111"));
        // MoC typed another firm's TIN: nothing else agrees.
        FeedRows.Moc(h.Db, "MOC-WRONG", new Firm("Battambang Rice Mill Co., Ltd.", Province: "Battambang", District: "Battambang", Phone: "053 777 888"), tin: "K009-111222333");

        await h.MatchAsync();

        Assert.NotEqual(h.EnterpriseOf(Feeds.Moc, "MOC-WRONG"), h.EnterpriseOf(Feeds.Gdt, "K009-111222333"));
    }

    [Fact]
    public async Task Enterprise_ids_survive_reruns_and_record_changes()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        FeedRows.Background(h.Db, 40);
        await h.MatchAsync();
        var first = h.Links();

        await h.MatchAsync();
        Assert.Equal(first, h.Links());

        // A renamed MoC record and an NSSF record that is no longer current: the firm keeps its id.
        FeedRows.Rename(h.Db, "moc_licences", "registration_no", "MOC-10003", "Sophea Chan Construction Company Limited");
        FeedRows.SetCurrent(h.Db, "nssf_employers", "nssf_id", "N50003", 0);
        await h.MatchAsync();
        var third = h.Links();
        Assert.Equal(first[(Feeds.Moc, "MOC-10003")].EnterpriseId, third[(Feeds.Moc, "MOC-10003")].EnterpriseId);
        Assert.DoesNotContain((Feeds.Nssf, "N50003"), third.Keys);
        Assert.Equal(119, third.Count);
    }

    [Fact]
    public async Task Clerk_decisions_win_and_merges_and_splits_are_recorded()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        FeedRows.Background(h.Db, 40);
        FeedRows.Moc(h.Db, "MOC-A", new Firm("Golden Lotus Spa Co., Ltd.", District: "Tuol Kouk", Phone: "011 222 333"));
        FeedRows.Gdt(h.Db, "K001-555000111", new Firm("Blue River Logistics", District: "Mean Chey", Phone: "016 444 555"));
        await h.MatchAsync();
        var a = h.EnterpriseOf(Feeds.Moc, "MOC-A");
        var b = h.EnterpriseOf(Feeds.Gdt, "K001-555000111");
        Assert.NotEqual(a, b);

        // Accept two records the matcher kept apart: they merge, one id retires into the other.
        await h.Review.DecideAsync(Feeds.Gdt, "K001-555000111", Feeds.Moc, "MOC-A", "accept", "clerk.sophea", "same owner, moved");
        await h.MatchAsync();
        var merged = h.EnterpriseOf(Feeds.Moc, "MOC-A");
        Assert.Equal(merged, h.EnterpriseOf(Feeds.Gdt, "K001-555000111"));
        Assert.Equal("clerk", h.Links()[(Feeds.Moc, "MOC-A")].Method);
        Assert.Contains(h.Events(), e => e.Kind == "MERGE" && e.EnterpriseId == merged);
        using (var conn = h.Db.Open())
        {
            var retired = merged == a ? b : a;
            Assert.Equal(merged, conn.QuerySingle<string>("SELECT retired_into FROM enterprises WHERE enterprise_id = @retired", new { retired }));
        }

        // Reject a pair the matcher linked: it splits, and stays split on every later run.
        var twin = h.EnterpriseOf(Feeds.Moc, "MOC-10005");
        await h.Review.DecideAsync(Feeds.Moc, "MOC-10005", Feeds.Nssf, "N50005", "REJECT", "clerk.dara", null);
        await h.MatchAsync();
        await h.MatchAsync();
        Assert.NotEqual(h.EnterpriseOf(Feeds.Moc, "MOC-10005"), h.EnterpriseOf(Feeds.Nssf, "N50005"));
        Assert.Contains(h.Events(), e => e.Kind == "SPLIT" && e.EnterpriseId == twin);
        Assert.Equal(twin, h.EnterpriseOf(Feeds.Moc, "MOC-10005"));
    }

    [Fact]
    public async Task Review_band_links_provisionally_and_feeds_the_queue_and_exports()
    {
        // Nothing auto-links without an identifier: every fuzzy link lands in the review band.
        using var h = new MatchHarness(DatabaseProvider.Sqlite, new MatchingOptions { AutoLinkThreshold = 1.01, ReviewThreshold = 0.5 });
        FeedRows.Background(h.Db, 40);
        var summary = await h.MatchAsync();

        var links = h.Links();
        Assert.True(summary.ReviewPairs > 0);
        Assert.Contains(links.Values, l => l.Method == "review");
        var queue = await h.Review.QueueAsync();
        Assert.Equal(summary.ReviewPairs, queue.Count);
        Assert.True(queue.Zip(queue.Skip(1)).All(p => p.First.Probability >= p.Second.Probability), "best first");
        Assert.Contains("\"fields\"", queue[0].Evidence, StringComparison.Ordinal);

        var reviewCsv = File.ReadAllLines(h.Exports.Combine("review.csv"));
        Assert.Equal(queue.Count + 1, reviewCsv.Length);
        Assert.EndsWith("run_id,as_of,model_version", reviewCsv[0], StringComparison.Ordinal);
        var linksCsv = File.ReadAllLines(h.Exports.Combine("links.csv"));
        Assert.Equal(121, linksCsv.Length);
        Assert.Contains(summary.RunId, linksCsv[1], StringComparison.Ordinal);
        var enterprisesCsv = File.ReadAllLines(h.Exports.Combine("enterprises.csv"));
        Assert.StartsWith("enterprise_id,name_en,name_km,province,district,moc_registration_no,tin,nssf_id,feeds,run_id,as_of,model_version", enterprisesCsv[0], StringComparison.Ordinal);

        // A decision takes the pair out of the queue and wins in the next run.
        var item = queue[0];
        await h.Review.DecideAsync(item.A.Feed, item.A.SourceKey, item.B.Feed, item.B.SourceKey, "ACCEPT", "clerk.sophea", null);
        Assert.Equal(queue.Count - 1, (await h.Review.QueueAsync()).Count);
        await h.MatchAsync();
        Assert.Equal(h.EnterpriseOf(item.A.Feed, item.A.SourceKey), h.EnterpriseOf(item.B.Feed, item.B.SourceKey));
        using var conn = h.Db.Open();
        Assert.Equal("CLERK_ACCEPT", conn.QuerySingle<string>(
            "SELECT band FROM match_pairs WHERE feed_a = @FeedA AND key_a = @KeyA AND feed_b = @FeedB AND key_b = @KeyB",
            new { FeedA = item.A.Feed, KeyA = item.A.SourceKey, FeedB = item.B.Feed, KeyB = item.B.SourceKey }));
    }

    [Fact]
    public async Task Decisions_on_unknown_records_are_refused_with_a_reason()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        var ex = await Assert.ThrowsAsync<Review.ReviewException>(() => h.Review.DecideAsync(Feeds.Moc, "NOPE", Feeds.Gdt, "K1", "ACCEPT", "x", null));
        Assert.Contains("NOPE", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<Review.ReviewException>(() => h.Review.DecideAsync(Feeds.Moc, "A", Feeds.Gdt, "B", "MAYBE", "x", null));
    }

    [Fact]
    public async Task A_run_records_the_blocking_keys_it_was_configured_with_not_every_key()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite, new MatchingOptions { BlockingKeys = [Blocking.BlockingKey.Tin, Blocking.BlockingKey.Phonetic] });
        FeedRows.Background(h.Db, 5);

        var summary = await h.MatchAsync();

        using var conn = h.Db.Open();
        using var parameters = System.Text.Json.JsonDocument.Parse(conn.QuerySingle<string>("SELECT parameters FROM match_runs WHERE run_id = @id", new { id = summary.RunId }));
        Assert.Equal(["Tin", "Phonetic"], parameters.RootElement.GetProperty("blocking_keys").EnumerateArray().Select(k => k.GetString()));
    }
}
