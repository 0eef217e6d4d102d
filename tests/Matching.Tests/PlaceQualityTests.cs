using Integration.Core.Reference;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>The resolver says how sure it is: chance sound-alikes and foreign addresses keep no codes, so they never count as a disagreement.</summary>
public class PlaceQualityTests
{
    private static readonly Lazy<AddressResolver> Resolver = new(() => new AddressResolver(Gazetteer.Shipped.Value));

    private static PlaceCodes Line(string line) => Resolver.Value.Resolve(null, null, null, null, line);

    [Theory]
    [InlineData("435 s. la cienega blv., los angeles")]
    [InlineData("123 Main St, Springfield, IL 62701, USA")]
    [InlineData("22 Sukhumvit Soi 11, Khlong Toei, Bangkok 10110, Thailand")]
    [InlineData("88 Nguyen Hue, Quan 1, TP Ho Chi Minh, Viet Nam")]
    [InlineData("Chaoyang District, Beijing, P.R. China")]
    [InlineData("Jalan Ampang, Kuala Lumpur")]
    [InlineData("Orchard Road, Singapore 238839")]
    [InlineData("Gangnam-gu, Seoul, Korea")]
    [InlineData("ទីក្រុងបាងកក ប្រទេសថៃ")]
    public void A_foreign_address_resolves_to_no_cambodian_unit(string line)
    {
        var codes = Line(line);
        Assert.Equal(PlaceQuality.Foreign, codes.Quality);
        Assert.Null(codes.Province);
    }

    [Theory]
    [InlineData("1120 N Lamon Ave")]
    [InlineData("5121 N Kimball")]
    [InlineData("1500 N Mason Ave")]
    [InlineData("701 stone canyon rd., bel air")]
    [InlineData("23725 w. malibu rd., malibu")]
    [InlineData("10 S Kedzie Ave")]
    [InlineData("11410 S Edbrooke Ave")]
    [InlineData("1 water st. at the east river, brooklyn")]
    [InlineData("103 waverly pl.  near washington sq.")]
    [InlineData("3858 S Cottage Grove, 60653")]
    [InlineData("1842 e. first, st. boyle hts.")]
    [InlineData("624 s. la brea ave.")]
    [InlineData("c buford hwy.  northwoods plaza  doraville")]
    public void A_chance_sound_alike_keeps_no_codes(string line)
    {
        // Each of these once resolved to some commune or district: one run of words sounding like a unit, with
        // nothing else of its chain named.
        var codes = Line(line);
        Assert.True(codes.Quality is PlaceQuality.Weak or PlaceQuality.None, $"{codes}");
        Assert.Null(codes.Province);
    }

    [Theory]
    [InlineData("dangkorphnom penh", "1205")]
    [InlineData("chamkarmonphnom penh", "1201")]
    [InlineData("toulkorkphnompenh", "1204")]
    [InlineData("Sensokphnom Penh", "1208")]
    [InlineData("KhanSensok, Phnom Penh", "1208")]
    [InlineData("Srokbati takeo", "2102")]
    public void Words_run_together_still_resolve(string line, string district)
    {
        var codes = Line(line);
        Assert.Equal(PlaceQuality.Confident, codes.Quality);
        Assert.Equal(district, codes.District);
    }

    [Theory]
    [InlineData("Phnom Penh")]
    [InlineData("Kampot")]
    [InlineData("Sangkat Toul Tumpung Ti Pir, Khan Chamkar Mon")]
    [InlineData("Tuol Tumpung Ti Pir Chamkar Mon")]
    [InlineData("No. 1E3, Buo Sangkreach, Khlaeng Meas, Srok Bavel, Battambang")]
    [InlineData("#194, Phum Doung, Malai, Malai, B. Meanchey")]
    [InlineData("ផ្ទះលេខ ១២ ផ្លូវលេខ ៣១០ សង្កាត់ទួលទំពូងទី ២ ខណ្ឌចំការមន")]
    [InlineData("Russian Federation Blvd, Sangkat Toek Thla, Khan Sen Sok, Phnom Penh")]
    public void A_cambodian_address_named_credibly_is_confident(string line)
    {
        var codes = Line(line);
        Assert.Equal(PlaceQuality.Confident, codes.Quality);
        Assert.NotNull(codes.Province);
    }

    [Fact]
    public void A_unit_in_the_column_of_its_level_is_credible_even_alone()
    {
        var codes = Resolver.Value.Resolve(null, "Sen Sok", null, null, null);
        Assert.Equal(("12", "1208", PlaceQuality.Confident), (codes.Province, codes.District, codes.Quality));
    }

    [Theory]
    [InlineData("Khum Kraya, Kampong Thom", "06")]
    [InlineData("Khum Chrey, Battambang", "02")]
    [InlineData("Khum Angkanh, Takeo", "21")]
    public void A_commune_name_of_two_districts_is_ambiguous_and_keeps_only_the_province(string line, string province)
    {
        var codes = Line(line);
        Assert.Equal((province, null, PlaceQuality.Ambiguous), (codes.Province, codes.District, codes.Quality));
    }
}
