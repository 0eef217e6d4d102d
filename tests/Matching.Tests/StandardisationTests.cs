using Integration.Core.Reference;
using Integration.Matching.Standardisation;
using Integration.TestSupport;

namespace Integration.Matching.Tests;

public class StandardisationTests
{
    private static readonly Lazy<Gazetteer> Full = Gazetteer.Shipped;

    [Theory]
    [InlineData("Sokha Trading Co., Ltd.", "SOKHA TRADING CO.,LTD")]
    [InlineData("Sokha Trading Company Limited", "sokha  trading")]
    [InlineData("Angkor Wat Trading Plc", "ANGKORWAT TRADING")]
    [InlineData("Kompong Cham Rice (Cambodia) Co., Ltd", "Kampong Cham Rice")]
    [InlineData("Sokkha & Dara Garment", "Sokha and Dara Garment Co Ltd")]
    [InlineData("Cheah Construction", "Chea Construction")]
    public void Latin_name_variants_standardise_to_the_same_joined_name(string a, string b)
    {
        Assert.Equal(string.Concat(LatinNames.Tokens(a)), string.Concat(LatinNames.Tokens(b)));
    }

    [Fact]
    public void Different_firms_keep_different_names()
    {
        Assert.NotEqual(string.Concat(LatinNames.Tokens("Sokha Trading")), string.Concat(LatinNames.Tokens("Dara Trading")));
    }

    [Fact]
    public void Khmer_names_drop_invisible_characters_and_legal_forms()
    {
        var plain = KhmerNames.Standardise("ក្រុមហ៊ុន សុខា ត្រេឌីង ឯ.ក");
        var joined = KhmerNames.Standardise("សុខា\u200Bត្រេឌីង\u200C");
        Assert.Equal("សុខាត្រេឌីង", plain);
        Assert.Equal(plain, joined);
    }

    [Theory]
    [InlineData("សុខា", "Sokha")]
    [InlineData("សុខា", "Sokhar")]
    [InlineData("កំពង់ចាម", "Kampong Cham")]
    [InlineData("កំពង់ចាម", "Kompong Cham")]
    [InlineData("ភ្នំពេញ", "Phnom Penh")]
    [InlineData("សុខា រតនា ត្រេឌីង", "Sokha Rathana Trading")]
    public void Khmer_and_latin_spellings_share_a_phonetic_key(string khmer, string latin)
    {
        Assert.Equal(PhoneticKey.FromKhmer(khmer), PhoneticKey.FromLatin(latin));
    }

    [Fact]
    public void Phonetic_key_tells_different_names_apart()
    {
        Assert.NotEqual(PhoneticKey.FromLatin("Sokha"), PhoneticKey.FromLatin("Dara"));
    }

    [Fact]
    public void Tins_have_one_canonical_form_and_digit_slips_are_seen()
    {
        Assert.Equal("K001901234567", Identifiers.Canonical("k001-901 234 567"));
        Assert.Equal("K001901234567", Identifiers.Canonical("K001901234567"));
        Assert.Null(Identifiers.Canonical(" - "));
        Assert.True(Identifiers.OneSlipApart("K001901234567", "K001901234568"));
        Assert.True(Identifiers.OneSlipApart("K001901234567", "K001901234576"));
        Assert.False(Identifiers.OneSlipApart("K001901234567", "K001901299967"));
    }

    [Theory]
    [InlineData("Phnom Penh", "Sen Sok", null, "12", "1208")]
    [InlineData("PP", "Khan Sen Sok", null, "12", "1208")]
    [InlineData("Phnum Penh", "Saensokh", null, "12", "1208")]
    [InlineData("ភ្នំពេញ", "សែនសុខ", null, "12", "1208")]
    [InlineData(null, null, "#12, St. 271, Khan Sen Sok, Phnom Penh", "12", "1208")]
    [InlineData("Siem Reap", null, null, "17", null)]
    public void Places_resolve_to_gazetteer_codes_from_any_spelling(string? province, string? district, string? address, string expectedProvince, string? expectedDistrict)
    {
        var resolver = new AddressResolver(Full.Value);
        var codes = resolver.Resolve(province, district, null, address);
        Assert.Equal(expectedProvince, codes.Province);
        Assert.Equal(expectedDistrict, codes.District);
    }

    [Fact]
    public void A_commune_resolves_inside_its_district()
    {
        var g = Full.Value;
        var commune = g.Communes.First(c => c.Code.StartsWith("1208", StringComparison.Ordinal));
        var codes = new AddressResolver(g).Resolve("Phnom Penh", "Sen Sok", "Sangkat " + commune.NameLatin, null);
        Assert.Equal(commune.Code, codes.Commune);
        var khmer = new AddressResolver(g).Resolve("រាជធានីភ្នំពេញ", "ខណ្ឌសែនសុខ", commune.NameKm, null);
        Assert.Equal(commune.Code, khmer.Commune);
    }
}

public class IdentifierFormatTests
{
    [Theory]
    [InlineData("K001-901234567")]
    [InlineData("K001901234567")]
    [InlineData("901234567")]
    [InlineData("k001-901234567")]
    [InlineData("K001 - 901234567")]
    [InlineData("K-001-901234567")]
    public void Tin_layouts_give_one_key(string layout) => Assert.Equal("901234567", Identifiers.CanonicalTin(layout));

    [Theory]
    [InlineData("Co.012345/15E")]
    [InlineData("CO.012345/15E")]
    [InlineData("Co 012345/15E")]
    [InlineData("012345/15E")]
    [InlineData("12345/15E")]
    public void Moc_number_layouts_give_one_key(string layout) => Assert.Equal("1234515E", Identifiers.CanonicalMocNo(layout));
}
