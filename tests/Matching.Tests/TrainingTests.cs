using Integration.Matching.Blocking;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>The model learns from the data: counted agreement, identifier weights, a prior that holds without identifiers.</summary>
public class TrainingTests
{
    [Fact]
    public void Exact_agreement_is_counted_over_every_pair()
    {
        var rows = Enumerable.Range(0, 60).Select(i => TestRecords.Source(Feeds.All[i % 3], $"K{i}", TestRecords.Name(i % 17),
            house: (i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture), phone: $"012 {i % 11:000} 000", tin: i % 3 == 1 ? $"K001-1000000{i % 23:00}" : $"K001-1000000{i % 19:00}")).ToList();
        var records = TestRecords.Standardise(rows);

        var counted = AgreementCounts.Count(records);

        foreach (var (field, level) in new[] { (Fields.Phone, 1), (Fields.Name, 4), (Fields.House, 1), (Fields.Tin, 2) })
        {
            double cross = 0, within = 0;
            for (var a = 0; a < records.Length; a++)
            {
                for (var b = a + 1; b < records.Length; b++)
                {
                    if (Pattern.Level(PairComparer.Compare(records[a], records[b]), field) == level)
                    {
                        if (records[a].Feed == records[b].Feed)
                        {
                            within++;
                        }
                        else
                        {
                            cross++;
                        }
                    }
                }
            }

            Assert.Equal(cross, counted.Cross[field][level]);
            Assert.Equal(within, counted.Within[field][level]);
        }
    }

    [Fact]
    public void An_email_made_from_the_name_adds_nothing_to_agreeing_names_but_counts_beside_different_ones()
    {
        var records = TestRecords.Standardise(
        [
            TestRecords.Source(Feeds.Moc, "M1", "Alliance Trading", province: "Phnom Penh") with { Email = "alliancetrading@gmail.com" },
            TestRecords.Source(Feeds.Moc, "M2", "Alliance Trading Co., Ltd.", province: "Kandal") with { Email = "alliancetrading@gmail.com" },
            TestRecords.Source(Feeds.Gdt, "K001-100000001", "Sokha Mini Mart", province: "Phnom Penh") with { Email = "alliancetrading@gmail.com" },
            TestRecords.Source(Feeds.Gdt, "K001-100000002", "Alliance Trading", province: "Kandal") with { Email = "sok.dara81@yahoo.com" },
            TestRecords.Source(Feeds.Nssf, "N1", "Alliance Trading", province: "Kandal") with { Email = "sok.dara81@yahoo.com" },
            .. Enumerable.Range(0, 200).Select(i => TestRecords.Source(Feeds.Nssf, $"F{i}", TestRecords.Name(i))), // e-mail shares are of all records
        ]);
        var scoring = new PairScoring(records);
        var model = new FellegiSunterModel(
            Enumerable.Range(0, Fields.Count).Select(f => Enumerable.Repeat(0.5, Fields.LevelCount(f)).ToArray()).ToArray(),
            Enumerable.Range(0, Fields.Count).Select(f => Enumerable.Repeat(0.001, Fields.LevelCount(f)).ToArray()).ToArray(),
            0.001);

        double EmailWeight(int a, int b) => scoring.FieldWeights(model, a, b, PairComparer.Compare(records[a], records[b]))[Fields.Email];

        Assert.True(PairScoring.NameDerivedEmail("info@menglyminimart.com.kh", records[0], TestRecords.Standardise([TestRecords.Source(Feeds.Moc, "X", "Mengly Mini Mart")])[0]));
        Assert.Equal(0, EmailWeight(0, 1)); // namesakes make the same address
        Assert.False(scoring.SpecificEmail(0, 1));
        Assert.True(EmailWeight(0, 2) > 5); // a renamed firm keeps its address
        Assert.True(EmailWeight(3, 4) > 5); // a personal address beside agreeing names
        Assert.True(scoring.SpecificEmail(3, 4));
    }

    [Fact]
    public void A_name_seen_once_in_a_registry_is_rarer_than_one_in_its_size()
    {
        var f = new ValueFrequencies();
        for (var i = 0; i < 1000; i++)
        {
            f.Add($"name{i}", 0);
            f.Add($"name{i}", 1);
        }

        f.Add("name1", 0); // one name seen twice: most are singletons
        f.Add("common", 0);
        f.Add("common", 0);
        f.Add("common", 0);
        f.Add("common", 1);
        f.Finish([1004, 1001, 0]);

        Assert.True(f.Frequency("name7", 0, 1) < 1.0 / 1001);
        Assert.True(f.Frequency("common", 0, 1) > f.Frequency("name7", 0, 1));
    }

    [Fact]
    public void On_name_only_registers_the_prior_holds_and_a_rare_exact_name_reaches_review()
    {
        // 300 MoC and 200 NSSF records, names only; 150 NSSF records are MoC firms (120 spelled alike, 30 with a typo).
        var rows = new List<SourceRecord>();
        for (var i = 0; i < 300; i++)
        {
            rows.Add(TestRecords.Source(Feeds.Moc, $"M{i}", TestRecords.Name(i)));
        }

        for (var i = 0; i < 200; i++)
        {
            var name = i < 150 ? TestRecords.Name(i) : TestRecords.Name(1000 + i);
            rows.Add(TestRecords.Source(Feeds.Nssf, $"N{i}", i is >= 120 and < 150 ? name.Replace('a', 'e') : name));
        }

        var (records, model, decision) = Train(rows);

        var truePrior = Math.Log2(150.0 / ((300 * 200) - 150));
        Assert.InRange(model.PriorWeight, truePrior - 2, truePrior + 2);
        var (a, b) = (IndexOf(records, "M5"), IndexOf(records, "N5"));
        Assert.True(decision.Decide(a, b, PairComparer.Compare(records[a], records[b])).Probability >= decision.ReviewThreshold);
    }

    [Fact]
    public void A_shared_identifier_weighs_what_the_data_says_and_a_wrong_cross_reference_does_not_link()
    {
        // 400 firms in MoC and GDT; MoC carries the TIN of 300, 15 of them another firm's (5 %).
        var rows = new List<SourceRecord>();
        for (var i = 0; i < 400; i++)
        {
            var district = (i % 4) switch { 0 => "Chamkar Mon", 1 => "Doun Penh", 2 => "Tuol Kouk", _ => "Sen Sok" };
            var tin = i < 300 ? $"K001-2000{(i < 15 ? 399 - i : i):00000}" : null;
            rows.Add(TestRecords.Source(Feeds.Moc, $"M{i}", TestRecords.Name(i), district: district, province: "Phnom Penh", phone: $"012 {i:000} 111", tin: tin));
            rows.Add(TestRecords.Source(Feeds.Gdt, $"K001-2000{i:00000}", i % 10 == 0 ? TestRecords.Name(i).Split(' ')[0] + " Sunrise Company" : TestRecords.Name(i),
                district: district, province: "Phnom Penh", phone: i % 20 == 10 ? null : $"012 {i:000} 111", tin: $"K001-2000{i:00000}"));
        }

        var (records, _, decision) = Train(rows, out var report);

        Assert.InRange(report.IdentifierMatchShare, 0.9, 0.99);
        var wrong = (IndexOf(records, "M3"), IndexOf(records, "K001-200000396"));
        Assert.Null(decision.Decide(wrong.Item1, wrong.Item2, PairComparer.Compare(records[wrong.Item1], records[wrong.Item2])).Method);

        // A renamed firm (the names share one word only) whose phone agrees: without the identifier a different name
        // keeps it for a clerk; the identifier stays in the score and links it.
        var (a, b) = (IndexOf(records, "M20"), IndexOf(records, "K001-200000020"));
        var pattern = PairComparer.Compare(records[a], records[b]);
        Assert.False(Fields.NameAgrees(Pattern.Level(pattern, Fields.Name)));
        Assert.Equal(LinkMethod.Id, decision.Decide(a, b, pattern).Method);
        Assert.NotEqual(LinkMethod.Fuzzy, decision.Decide(a, b, Pattern.With(pattern, Fields.Tin, -1)).Method);
    }

    private static (StandardRecord[] Records, FellegiSunterModel Model, LinkDecision Decision) Train(List<SourceRecord> rows) => Train(rows, out _);

    private static (StandardRecord[] Records, FellegiSunterModel Model, LinkDecision Decision) Train(List<SourceRecord> rows, out TrainingReport report)
    {
        var records = TestRecords.Standardise(rows);
        var options = new MatchingOptions();
        var candidates = CandidateComparison.Run(records, BlockIndex.Build(records, options.MaxBlockSize, options.RareTokensPerRecord, options.BlockingKeys));
        var trained = ModelTraining.Train(records, candidates, options);
        report = trained.Report;
        return (records, trained.Model, new LinkDecision(options, trained.Model, new PairScoring(records)));
    }

    private static int IndexOf(StandardRecord[] records, string key) => Array.FindIndex(records, r => r.Source.SourceKey == key);
}
