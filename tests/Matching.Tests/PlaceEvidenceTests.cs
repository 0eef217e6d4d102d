using Integration.Core.Reference;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
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
}
