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
