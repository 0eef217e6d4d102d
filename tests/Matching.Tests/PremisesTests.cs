using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>Premises numbers in every form registers write them give one comparable token; units and floors apart.</summary>
public class PremisesTests
{
    [Theory]
    [InlineData(null, "Building 517A, St. 310, Phnom Penh", "517A")]
    [InlineData(null, "Bldg. 517 A, Norodom Blvd, Phnom Penh", "517A")]
    [InlineData(null, "4600 S HERMITAGE AVE, chicago 60609", "4600")] // a direction, not a house letter
    [InlineData(null, "4600 S. Hermitage, chicago", "4600")]
    [InlineData(null, "1845 E 79TH STREET, chicago 60649", "1845")]
    [InlineData(null, "Blk 517-A, Phnom Penh", "517A")]
    [InlineData(null, "Lot 27E1, Phnom Penh SEZ", "27E1")]
    [InlineData(null, "Plot No. 27 E1, Phnom Penh SEZ", "27E1")]
    [InlineData(null, "Borey Peng Huoth, No. 12a, St. 2004", "12A")]
    [InlineData(null, "Borey Peng Huoth Street 12, House 045", "45")]
    [InlineData(null, "ភូមិ ២ ផ្ទះលេខ ១២ ផ្លូវ ៣១០", "12")]
    [InlineData(null, "# 12-14, St. 310", "12-14")]
    [InlineData(null, "N° 12/3, St. 310", "12/3")]
    [InlineData(null, "Stall A-12, Central Market", "A12")]
    [InlineData(null, "Shophouse 12Eo, St. 1986", "12E0")]
    [InlineData(null, "Depot 12, National Road 4", "12")]
    [InlineData(null, "12th Floor, Vattanac Tower, No. 66, Monivong Blvd", "66")]
    [InlineData("No. 12", null, "12")]
    [InlineData("69F", null, "69F")] // a house letter, not a floor
    [InlineData(null, "56F, St. 1019, Phum Preaek Ta Long", "56F")]
    [InlineData(null, "3rd F, No. 8, St. 63", "8")]
    [InlineData("H. 0012B", null, "12B")]
    [InlineData(null, "Orchard Road, Singapore 238839", null)]
    [InlineData(null, "Ph. 2, Sangkat Tuol Tumpung Ti Pir, Phnom Penh", null)] // a village's number
    [InlineData(null, "Krom 5, Phum Boeng Salang", null)]
    [InlineData(null, "Singapore 238839", null)]
    [InlineData(null, "Phum 2, Sangkat Tuol Tumpung", null)]
    public void A_house_number_under_any_label_and_in_any_form_is_one_token(string? column, string? line, string? expected) =>
        Assert.Equal(expected, Premises.HouseNumber(column, line));

    [Theory]
    [InlineData("Unit 3B, 12th Floor, Vattanac Tower, No. 66, Monivong Blvd", "66", "3B")]
    [InlineData("Flat 4, Building 12, St. 310", "12", "4")]
    [InlineData("Room 205, #12, St. 310", "12", "205")]
    [InlineData("បន្ទប់លេខ ៣ អគារលេខ ១២ ផ្លូវ ៣១០", "12", "3")]
    public void A_unit_inside_a_building_is_kept_apart_from_the_house(string line, string house, string unit) =>
        Assert.Equal((house, unit), Premises.Parse(null, null, line));

    [Theory]
    [InlineData("12", "12", true)]
    [InlineData("45-47", "46", true)]
    [InlineData("45-47", "48", false)]
    [InlineData("12", "13", false)]
    [InlineData("12A", "12B", false)]
    [InlineData("12A", "12", null)]
    [InlineData("12/3", "12", null)]
    public void Two_house_tokens_are_the_same_different_or_not_known(string a, string b, bool? same)
    {
        Assert.Equal(same, Premises.SameNumber(a, b));
        Assert.Equal(same, Premises.SameNumber(b, a));
    }

    [Theory]
    [InlineData("Building 517A, St. 310, Phum 2, Sangkat Tuol Tumpung", "Phum 2, Sangkat Tuol Tumpung")]
    [InlineData("Singapore 238839", "Singapore 238839")]
    [InlineData("Depot 12, Phum 2", "Depot, Phum 2")]
    public void The_place_part_of_a_line_keeps_no_premises(string line, string places) =>
        Assert.Equal(places, Premises.WithoutHouseNumber(line));

    [Theory]
    [InlineData(null, "1120 N Lamon Ave, Chicago", "Lamon Avenue", null)]
    [InlineData("S. Karlov Ave", null, null, "4400 South Karlov, Chicago")]
    [InlineData(null, "12, 3rd Street, Phnom Penh", "St. 3", null)]
    public void Named_streets_have_one_key_without_directions_and_street_types(string? columnA, string? lineA, string? columnB, string? lineB)
    {
        var key = Premises.StreetKey(columnA, lineA);
        Assert.NotNull(key);
        Assert.Equal(key, Premises.StreetKey(columnB, lineB));
    }

    [Theory]
    [InlineData("12 Phum 2 Tuol Tumpung")]
    [InlineData("Phum 2, Sangkat Tuol Tumpung")]
    public void A_line_naming_only_places_has_no_street(string line) => Assert.Null(Premises.StreetKey(null, line));
}

/// <summary>The house field of a pair: same number and street, same number, different premises, or not known.</summary>
public class HouseLevelTests
{
    private static readonly Lazy<Standardiser> Standardiser = new(() => new Standardiser(Integration.Core.Reference.Gazetteer.Shipped.Value));

    private static int Level(string lineA, string lineB)
    {
        var a = Standardiser.Value.Standardise(new Records.SourceRecord { Feed = 0, SourceKey = "A", NameEn = "Sokha Trading", Address = lineA });
        var b = Standardiser.Value.Standardise(new Records.SourceRecord { Feed = 1, SourceKey = "B", NameEn = "Sokha Trading", Address = lineB });
        return Comparison.Pattern.Level(Comparison.PairComparer.Compare(a, b), Comparison.Fields.House);
    }

    [Theory]
    [InlineData("Building 517A, St. 310, Phnom Penh", "No. 517 A, Street 310, Phnom Penh", 2)]
    [InlineData("ផ្ទះលេខ ៥១៧ ផ្លូវ ៣១០ ភ្នំពេញ", "#517, St. 310, Phnom Penh", 2)]
    [InlineData("Lot 27E1, Phnom Penh SEZ", "Plot 27 E1, Phnom Penh SEZ", 1)]
    [InlineData("No. 45-47, St. 310", "No. 46, St. 310", 2)]
    [InlineData("No. 12, St. 310", "No. 14, St. 310", 0)]
    [InlineData("Unit 3, No. 66, Monivong Blvd", "Unit 4, No. 66, Monivong Blvd", 0)]
    [InlineData("Unit 3, No. 66, Monivong Blvd", "No. 66, Monivong Blvd", 2)]
    [InlineData("No. 12A, St. 310", "No. 12, St. 310", -1)]
    [InlineData("St. 310, Phnom Penh", "No. 12, St. 310", -1)]
    public void Premises_are_the_same_number_and_street_the_same_number_different_or_unknown(string a, string b, int level) =>
        Assert.Equal(level, Level(a, b));
}
