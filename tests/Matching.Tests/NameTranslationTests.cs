using Integration.Core.Reference;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>Names translated rather than transliterated meet through the bilingual lexicon (Golden Star / ផ្កាយមាស / Phkay Meas).</summary>
public class NameTranslationTests
{
    private static readonly Lazy<Standardiser> Standardiser = new(() => new Standardiser(Gazetteer.Shipped.Value));

    private static string Meaning(string name) =>
        TextFold.HasKhmer(name) ? Lexicon.OfKhmer(KhmerNames.Standardise(name)) : Lexicon.OfLatin(LatinNames.Tokens(name));

    [Theory]
    [InlineData("Golden Star Trading Co., Ltd.", "ក្រុមហ៊ុន ផ្កាយមាស ពាណិជ្ជកម្ម")]
    [InlineData("Golden Star", "Phkay Meas")]
    [InlineData("GoldenStar Trading", "ផ្កាយ មាស")]
    [InlineData("Sunrise Guesthouse", "ផ្ទះសំណាក់ ថ្ងៃរះ")]
    [InlineData("Rising Sun Hotel", "សណ្ឋាគារថ្ងៃរះ")]
    [InlineData("Diamond Sokha Jewelry", "ហាងគ្រឿងអលង្ការ ពេជ្រ សុខា")]
    [InlineData("Seven Stars Restaurant", "ភោជនីយដ្ឋាន ផ្កាយ៧")]
    [InlineData("7 Stars", "ផ្កាយប្រាំពីរ")]
    [InlineData("Red Dragon", "នាគក្រហម")]
    [InlineData("New Lotus Pharmacy", "ឱសថស្ថាន ឈូកថ្មី")]
    public void A_translated_name_means_the_same_in_both_scripts(string a, string b)
    {
        Assert.NotEqual("", Meaning(a));
        Assert.Equal(2, Lexicon.Agreement(Meaning(a), Meaning(b)));
    }

    [Theory]
    [InlineData("Golden Star", "ផ្កាយប្រាក់")] // silver star
    [InlineData("Golden Sokha", "មាស")]
    [InlineData("Golden Sokha", "មាស ដារ៉ា")]
    [InlineData("Star Garden", "ផ្កាយ")]
    public void Other_meanings_or_other_words_do_not_agree(string a, string b) =>
        Assert.Equal(0, Lexicon.Agreement(Meaning(a), Meaning(b)));

    [Theory]
    [InlineData("Sokha Trading")]
    [InlineData("សុខា ពាណិជ្ជកម្ម")]
    [InlineData("7 Eleven")]
    public void A_name_without_lexicon_words_has_no_meaning(string name) => Assert.Equal("", Meaning(name));

    [Theory]
    [InlineData("Golden Star Trading", "ហាង ផ្កាយមាស", 7)]
    [InlineData("Phkay Meas Co., Ltd.", "Golden Star Company Limited", 7)]
    [InlineData("Diamond Sokha", "ពេជ្រ សុខ", 7)] // the rest sounds the same
    [InlineData("Diamond Sovannara", "ពេជ្រ សុវណ្ណរ៉ា", 7)]
    [InlineData("Golden Star Chanthoun", "ផ្កាយមាស ចាន់ធូ", 6)]
    [InlineData("Diamond Sovannarath", "ពេជ្រ សុវណ្ណរ៉ា", 6)]
    public void Translated_names_reach_a_cross_script_level(string a, string b, int level)
    {
        var ra = Standardiser.Value.Standardise(Record(0, a));
        var rb = Standardiser.Value.Standardise(Record(1, b));
        Assert.Equal(level, NameSimilarity.Level(ra, rb));
        Assert.Equal(level, NameSimilarity.Level(rb, ra));
    }

    private static SourceRecord Record(int feed, string name) => TextFold.HasKhmer(name)
        ? new SourceRecord { Feed = feed, SourceKey = "K" + feed, NameKm = name }
        : new SourceRecord { Feed = feed, SourceKey = "K" + feed, NameEn = name };
}
