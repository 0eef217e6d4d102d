using Integration.Matching.Blocking;
using Integration.Matching.Records;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>Blocking survives missing address parts and large blocks: no record loses its keys silently.</summary>
public class BlockingTests
{
    [Fact]
    public void A_record_without_its_commune_still_meets_its_twin_in_the_district()
    {
        List<SourceRecord> rows =
        [
            TestRecords.Source(Feeds.Moc, "M1", "Sovann Rith Pharmacy", commune: "Tonle Basak", district: "Chamkar Mon", province: "Phnom Penh"),
            TestRecords.Source(Feeds.Nssf, "N1", "Sovann Rith Pharmacy", district: "Chamkar Mon", province: "Phnom Penh"),
            TestRecords.Source(Feeds.Gdt, "G1", "Mekong Pearl Hotel", commune: "Boeng Keng Kang Muoy", district: "Chamkar Mon", province: "Phnom Penh"),
        ];
        var records = TestRecords.Standardise(rows);
        Assert.NotNull(records[0].Place.Commune);
        Assert.Null(records[1].Place.Commune);

        var index = BlockIndex.Build(records, 30, 2, [BlockingKey.PlacePhonetic]);

        Assert.Contains((1, 1 << (int)BlockingKey.PlacePhonetic), Candidates(index, records, 0));
    }

    [Fact]
    public void A_large_place_block_is_cut_to_windows_of_alike_names_instead_of_dropped()
    {
        // 80 firms at house 12 in one commune: far more than a block pairs in full.
        var rows = Enumerable.Range(0, 80).Select(i => TestRecords.Source(i % 2 == 0 ? Feeds.Moc : Feeds.Nssf, $"K{i}", TestRecords.Name(i / 2),
            commune: "Tonle Basak", district: "Chamkar Mon", province: "Phnom Penh", house: "12")).ToList();
        var records = TestRecords.Standardise(rows);

        var index = BlockIndex.Build(records, 30, 2, [BlockingKey.Premises], window: 3);

        for (var i = 0; i < records.Length; i += 2)
        {
            // Each firm's two records have one name: they sort side by side, so the window pairs them.
            Assert.Contains(Candidates(index, records, i), c => c.Record == i + 1);
            Assert.InRange(Candidates(index, records, i).Count, 1, 6);
        }

        Assert.True(index.Stats.WindowedBlocks[(int)BlockingKey.Premises] > 0);
        Assert.Equal(80, index.Stats.RecordsInWindowedBlocks);
    }

    [Fact]
    public void A_phone_shared_by_more_records_than_a_block_holds_pairs_nothing()
    {
        var rows = Enumerable.Range(0, 40).Select(i => TestRecords.Source(i % 2 == 0 ? Feeds.Moc : Feeds.Nssf, $"K{i}", TestRecords.Name(i), phone: "023 999 111")).ToList();
        var records = TestRecords.Standardise(rows);

        var index = BlockIndex.Build(records, 30, 2, [BlockingKey.Phone]);

        Assert.All(Enumerable.Range(0, records.Length), i => Assert.Empty(Candidates(index, records, i)));
    }

    [Fact]
    public void A_record_with_nothing_but_a_common_name_keeps_it_as_a_window()
    {
        // 40 records share one name sound and have nothing else; 40 others share it but also a phone with a twin.
        var rows = new List<SourceRecord>();
        for (var i = 0; i < 40; i++)
        {
            rows.Add(TestRecords.Source(i % 2 == 0 ? Feeds.Moc : Feeds.Nssf, $"A{i}", "Sokha Trading"));
            rows.Add(TestRecords.Source(i % 2 == 0 ? Feeds.Moc : Feeds.Gdt, $"B{i}", "Sokha Trading", phone: $"012 {100 + (i / 2):000} 000"));
        }

        var records = TestRecords.Standardise(rows);
        var index = BlockIndex.Build(records, 30, 2, [BlockingKey.Phonetic, BlockingKey.Phone]);

        Assert.Equal(40, index.Stats.RecordsWithCommonNamesOnly);
        Assert.Equal(40, index.Stats.RecordsLosingKeys);
        for (var i = 0; i < records.Length; i++)
        {
            var orphan = records[i].Source.SourceKey.StartsWith('A');
            var candidates = Candidates(index, records, i).Select(c => c.Record).ToList();

            // Those with a phone meet only their phone twin; the others meet neighbours, each of them one of their own kind.
            Assert.All(candidates, j => Assert.True(orphan || records[j].Source.SourceKey.StartsWith('A') || records[j].Phones.SequenceEqual(records[i].Phones)));
        }

        Assert.All(Enumerable.Range(0, records.Length).Where(i => records[i].Source.SourceKey.StartsWith('A')),
            i => Assert.True(AllCandidates(index, records, i) > 0));
    }

    [Fact]
    public void The_same_house_in_the_same_district_meets_across_communes_resolved_differently()
    {
        // One kiosk: the licence's line resolved to one commune, the taxpayer's to its neighbour; the names differ
        // (the taxpayer is the owner). The house in the district still pairs them; the same house elsewhere does not.
        List<SourceRecord> rows =
        [
            TestRecords.Source(Feeds.Moc, "M1", "Sith Sokh Cafe", commune: "Tonle Basak", district: "Chamkar Mon", province: "Phnom Penh", house: "C63"),
            TestRecords.Source(Feeds.Gdt, "G1", "Luch Srey", commune: "Boeng Keng Kang Muoy", district: "Chamkar Mon", province: "Phnom Penh", house: "C63"),
            TestRecords.Source(Feeds.Nssf, "N1", "Mekong Pearl Hotel", commune: "Svay Dankum", district: "Siem Reap", province: "Siem Reap", house: "C63"),
        ];
        var records = TestRecords.Standardise(rows);
        Assert.NotEqual(records[0].Place.Commune, records[1].Place.Commune);
        Assert.Equal(records[0].Place.District, records[1].Place.District);

        var index = BlockIndex.Build(records, 30, 2, [BlockingKey.Premises]);

        Assert.Equal([(1, 1 << (int)BlockingKey.Premises)], Candidates(index, records, 0));
        Assert.Empty(Candidates(index, records, 1));
    }

    [Fact]
    public void An_orphan_known_only_by_its_province_meets_the_records_of_its_common_name_inside_that_province()
    {
        // 40 licences of one common name with full Phnom Penh addresses, 40 in Siem Reap; a taxpayer of that name
        // known only by "Phnom Penh" and four other such taxpayers, with nothing else to share. Sorted by place, the
        // coarse ones sit side by side before the province's records: a window of 3 neighbours met at most 3.
        var rows = new List<SourceRecord>();
        for (var i = 0; i < 40; i++)
        {
            rows.Add(TestRecords.Source(Feeds.Moc, $"P{i}", "Sokha Trading", commune: "Tonle Basak", district: "Chamkar Mon", province: "Phnom Penh", house: $"{i + 1}"));
            rows.Add(TestRecords.Source(Feeds.Moc, $"S{i}", "Sokha Trading", commune: "Svay Dankum", district: "Siem Reap", province: "Siem Reap", house: $"{i + 1}"));
        }

        for (var i = 0; i < 5; i++)
        {
            rows.Add(TestRecords.Source(Feeds.Gdt, $"G{i}", "Sokha Trading", province: "Phnom Penh"));
        }

        var records = TestRecords.Standardise(rows);
        var index = BlockIndex.Build(records, 30, 2, [BlockingKey.Phonetic, BlockingKey.PlacePhonetic], window: 3);
        Assert.Equal(5, index.Stats.RecordsWithCommonNamesOnly);

        var orphan = Array.FindIndex(records, r => r.Source.SourceKey == "G4");
        var partners = Enumerable.Range(0, records.Length).Where(j => j != orphan
            && (Candidates(index, records, Math.Min(j, orphan)).Exists(c => c.Record == Math.Max(j, orphan)))).Select(j => records[j].Source.SourceKey).ToList();

        Assert.True(partners.Count(k => k.StartsWith('P')) >= 20, string.Join(",", partners));
        Assert.DoesNotContain(partners, k => k.StartsWith('S'));
    }

    private static List<(int Record, int Keys)> Candidates(BlockIndex index, StandardRecord[] records, int i)
    {
        var found = new List<(int, int)>();
        index.Candidates(i, records, found);
        return found;
    }

    /// <summary>Candidates of i in either direction (the index gives those after i only).</summary>
    private static int AllCandidates(BlockIndex index, StandardRecord[] records, int i) =>
        Candidates(index, records, i).Count + Enumerable.Range(0, i).Count(j => Candidates(index, records, j).Exists(c => c.Record == i));
}
