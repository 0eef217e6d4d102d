using Integration.Core.Reference;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>End to end from the address line to the pair's place level: a weak or foreign resolution is no disagreement.</summary>
public class PlaceEvidenceTests
{
    private static readonly Lazy<Standardiser> Standardiser = new(() => new Standardiser(Gazetteer.Shipped.Value));

    private static int PlaceLevel(string lineA, string lineB)
    {
        var a = Standardiser.Value.Standardise(new SourceRecord { Feed = 0, SourceKey = "A", NameEn = "Sokha Trading", Address = lineA });
        var b = Standardiser.Value.Standardise(new SourceRecord { Feed = 1, SourceKey = "B", NameEn = "Sokha Trading", Address = lineB });
        return Pattern.Level(PairComparer.Compare(a, b), Fields.Place);
    }

    [Theory]
    [InlineData("Orchard Road, Singapore 238839", "No. 12, St. 310, Sangkat Tuol Tumpung Ti Pir, Khan Chamkar Mon, Phnom Penh")]
    [InlineData("5121 N Kimball Ave, Chicago", "Phum Thmei, Sangkat Kakab, Khan Pou Senchey, Phnom Penh")]
    [InlineData("88 Nguyen Hue, Ho Chi Minh City, Vietnam", "Krong Battambang, Battambang")]
    public void A_weak_or_foreign_address_gives_no_place_evidence(string weak, string cambodian)
    {
        Assert.Equal(-1, PlaceLevel(weak, cambodian));
        Assert.Equal(-1, PlaceLevel(cambodian, weak));
    }

    [Fact]
    public void Words_run_together_agree_with_the_same_place_written_apart() =>
        Assert.True(PlaceLevel("dangkorphnom penh", "Khan Dangkor, Phnom Penh") > 0);

    [Fact]
    public void Two_cambodian_provinces_disagree() =>
        Assert.Equal(0, PlaceLevel("Krong Battambang, Battambang", "Khan Chamkar Mon, Phnom Penh"));

    [Fact]
    public void A_place_agreeing_as_far_as_a_blank_part_weighs_as_agreement_not_as_the_deeper_disagreement()
    {
        // m and u of different province .. same village: "same province" is mostly pairs whose districts differ.
        double[][] m = [.. Enumerable.Range(0, Fields.Count).Select(f => Enumerable.Repeat(0.5, Fields.LevelCount(f)).ToArray())];
        double[][] u = [.. Enumerable.Range(0, Fields.Count).Select(f => Enumerable.Repeat(0.01, Fields.LevelCount(f)).ToArray())];
        m[Fields.Place] = [0.01, 0.04, 0.15, 0.3, 0.5];
        u[Fields.Place] = [0.8, 0.17, 0.02, 0.007, 0.003];
        var model = new FellegiSunterModel(m, u, 0.001);
        var records = Standardiser.Value.StandardiseAll(
        [
            new SourceRecord { Feed = 0, SourceKey = "A", NameEn = "Sokha Trading", Province = "Phnom Penh" },
            new SourceRecord { Feed = 1, SourceKey = "B", NameEn = "Sokha Trading", Address = "Sangkat Tuol Tumpung Ti Pir, Khan Chamkar Mon, Phnom Penh" },
            new SourceRecord { Feed = 1, SourceKey = "C", NameEn = "Sokha Trading", Address = "Sangkat Kakab, Khan Pou Senchey, Phnom Penh" },
        ]);
        var scoring = new PairScoring(records);
        double Place(int a, int b) => scoring.FieldWeights(model, a, b, PairComparer.Compare(records[a], records[b]))[Fields.Place];

        Assert.Equal(1, Pattern.Level(PairComparer.Compare(records[0], records[1]), Fields.Place));
        Assert.Equal(Math.Log2(0.99 / 0.2), Place(0, 1), 6); // province agrees, A names no district: agreement at province depth
        Assert.Equal(Math.Log2(0.04 / 0.17), Place(1, 2), 6); // both name a district, and the districts differ
    }
}
