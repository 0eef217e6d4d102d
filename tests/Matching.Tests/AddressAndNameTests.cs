using Integration.Core.Reference;
using Integration.Matching.Clustering;
using Integration.Matching.Standardisation;
using Integration.TestSupport;

namespace Integration.Matching.Tests;

/// <summary>Address lines without commas or in Khmer, house numbers, branch markers, trade words and the branch rule.</summary>
public class AddressAndNameTests
{
    private static readonly Lazy<AddressResolver> Resolver = new(() => new AddressResolver(Gazetteer.Shipped.Value));

    [Theory]
    [InlineData(null, null, null, null, "No. 12, St. 310, Phum 2, Sangkat Tuol Tumpung Ti Pir, Khan Chamkar Mon, Phnom Penh")]
    [InlineData(null, null, null, null, "#12 St. 310 Phum 2 Toul Tumpung Ti Pir Chomkar Mon Phnum Penh")]
    [InlineData(null, null, null, null, "ផ្ទះលេខ ១២ ផ្លូវលេខ ៣១០ ភូមិភូមិ ២ សង្កាត់ទួលទំពូងទី ២ ខណ្ឌចំការមន រាជធានីភ្នំពេញ")]
    [InlineData("PP", "Chamkar Mon", "Sangkat Tuol Tumpung Ti Pir", "Phum 2", null)]
    [InlineData("Phnom Penh", null, "Tuol Tumpung Ti Pir", null, "Phum 2, Chamkar Mon")]
    [InlineData("Phnom Penh", "Chamkar Mon", "Tuol Tumpung Ti Pir", "Ph. 2", null)] // a village's number is no house number
    [InlineData(null, null, null, null, "Ph. 2, Sangkat Tuol Tumpung Ti Pir, Khan Chamkar Mon, Phnom Penh")]
    public void Every_way_of_writing_one_address_resolves_to_the_same_village(string? province, string? district, string? commune, string? village, string? line)
    {
        var codes = Resolver.Value.Resolve(province, district, commune, village, line);
        Assert.Equal("12", codes.Province);
        Assert.Equal("1201", codes.District);
        Assert.Equal("120109", codes.Commune);
        Assert.Equal("12010902", codes.Village);
    }

    [Fact]
    public void Equally_supported_rival_places_keep_only_what_they_share()
    {
        // "Phum 2" exists in many communes: with no commune named, no village is guessed.
        var codes = Resolver.Value.Resolve("Phnom Penh", "Chamkar Mon", null, "Phum 2", null);
        Assert.Equal("1201", codes.District);
        Assert.Null(codes.Commune);
        Assert.Null(codes.Village);
    }

    [Theory]
    [InlineData("12B", null, "12B")]
    [InlineData(null, "No. 12B, St. 310, Phnom Penh", "12B")]
    [InlineData(null, "#45E1 National Road 4 Kampot", "45E1")]
    [InlineData("១២៣", null, "123")]
    [InlineData(null, "ផ្ទះលេខ ៤៥E១ ផ្លូវជាតិលេខ ៦ ភូមិក្រសាំង", "45E1")]
    [InlineData(null, "St. 310, Phum 2, Phnom Penh", null)]
    public void House_numbers_come_from_their_column_or_the_line(string? column, string? line, string? expected)
    {
        Assert.Equal(expected, Premises.HouseNumber(column, line));
    }

    [Theory]
    [InlineData("St. 271", null, "ST271")]
    [InlineData(null, "ផ្ទះលេខ ១២ ផ្លូវលេខ ២៧១ ភូមិ ២", "ST271")]
    [InlineData("National Road 5", null, "NR5")]
    [InlineData(null, "ផ្ទះលេខ ១២ ផ្លូវជាតិលេខ ៥", "NR5")]
    public void Streets_have_one_form_in_both_scripts(string? column, string? line, string expected)
    {
        Assert.Equal(expected, Premises.StreetKey(column, line));
    }

    [Theory]
    [InlineData("Sokha Trading Co., Ltd. - Branch 2", "Sokha Trading Co., Ltd.", true)]
    [InlineData("Sokha Trading Co., Ltd. (Siem Reap Branch)", "Sokha Trading Co., Ltd.", true)]
    [InlineData("ក្រុមហ៊ុន សុខា ពាណិជ្ជកម្ម ឯ.ក សាខា២", "ក្រុមហ៊ុន សុខា ពាណិជ្ជកម្ម ឯ.ក", true)]
    [InlineData("Golden Garment (Cambodia Branch)", "Golden Garment (Cambodia Branch)", false)]
    [InlineData("Sokha Trading", "Sokha Trading", false)]
    public void Branch_markers_are_cut_off_and_remembered(string name, string expected, bool isBranch)
    {
        Assert.Equal((expected, isBranch), Branches.Strip(name));
    }

    [Fact]
    public void Suffixes_written_without_spaces_are_legal_forms_too()
    {
        Assert.Equal(["bopha", "trading"], LatinNames.Tokens("Bopha Trading SoleProprietorship"));
        Assert.Equal(["sokha"], LatinNames.Tokens("Sokha CompanyLimited"));
        Assert.False(LatinNames.IsLegalCompound("colombo"));
    }

    [Fact]
    public void Trade_words_are_left_out_of_the_core_so_scripts_and_styles_meet()
    {
        Assert.Equal("បុប្ផា", TradeWords.KhmerCore(KhmerNames.Standardise("ហាង បុប្ផា ពាណិជ្ជកម្ម")));
        Assert.Equal(TradeWords.KhmerCore(KhmerNames.Standardise("ហាង បុប្ផា")), TradeWords.KhmerCore(KhmerNames.Standardise("ហាង បុប្ផា ពាណិជ្ជកម្ម")));
        Assert.Equal(["bopha"], TradeWords.LatinCore(LatinNames.Tokens("Bopha Trading Shop")));
        Assert.Equal(PhoneticKey.FromKhmer(TradeWords.KhmerCore(KhmerNames.Standardise("ហាង បុប្ផា ពាណិជ្ជកម្ម"))), PhoneticKey.FromLatin("Bopha"));
    }
}
