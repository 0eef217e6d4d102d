using Integration.Core.Reference;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>Forms of one name meet: short forms of words, letters apart, numbers as words, punctuation, acronyms, a name inside a longer one.</summary>
public class NameFormTests
{
    private static readonly Lazy<Standardiser> Standardiser = new(() => new Standardiser(Gazetteer.Shipped.Value));

    private static string Joined(string name) => string.Concat(LatinNames.Tokens(name));

    [Theory]
    [InlineData("Sokha Dev. Co., Ltd.", "Sokha Development Co., Ltd.")]
    [InlineData("Angkor Const. Co., Ltd.", "Angkor Construction Company Limited")]
    [InlineData("Bayon Imp-Exp", "Bayon Import Export")]
    [InlineData("Bayon Imp. & Exp.", "Bayon Import and Export")]
    [InlineData("Mekong Int'l Trdg", "Mekong International Trading")]
    [InlineData("Mekong Intl. Trading", "Mekong International Trading")]
    [InlineData("Lucky Mfg.", "Lucky Manufacturing")]
    [InlineData("Vattanac Security Svcs", "Vattanac Security Services")]
    [InlineData("Sunrise Grp", "Sunrise Group")]
    [InlineData("Phnom Tech", "Phnom Technology")]
    [InlineData("Sovan Education Centre", "Sovan Education Center")]
    [InlineData("Oudam Jewellery", "Oudam Jewelry")]
    [InlineData("Chan Dara Ent.", "Chan Dara Enterprise")]
    public void Short_forms_of_words_are_read_as_the_word(string a, string b) => Assert.Equal(Joined(b), Joined(a));

    [Theory]
    [InlineData("M E R C U R Y", "Mercury")]
    [InlineData("A.B.C. Trading", "ABC Trading")]
    [InlineData("S K H Construction", "SKH Construction")]
    [InlineData("Seven Stars Hotel", "7 Stars Hotel")]
    [InlineData("First Choice Mart", "1st Choice Mart")]
    [InlineData("Mother's Touch", "Mother’s Touch")]
    [InlineData("Mother's Touch", "Mother?s Touch")]
    [InlineData("The Learning Tree", "Learning Tree")]
    [InlineData("\"Golden Star\" Trading.", "Golden Star Trading")]
    public void Letters_numbers_and_punctuation_have_one_form(string a, string b) => Assert.Equal(Joined(b), Joined(a));

    [Fact]
    public void Different_short_forms_stay_different()
    {
        Assert.NotEqual(Joined("Sokha Imp-Exp"), Joined("Sokha Construction"));
        Assert.NotEqual(Joined("Seven Stars"), Joined("Eight Stars"));
    }

    [Fact]
    public void Latin_and_khmer_digits_in_a_khmer_name_are_one_name()
    {
        Assert.Equal(KhmerNames.Standardise("ហាង ៧ ដារ៉ា"), KhmerNames.Standardise("ហាង 7 ដារ៉ា"));
    }

    [Theory]
    [InlineData("Bayon Development", "bayon")]
    [InlineData("Bayon Investment Group", "bayon")]
    [InlineData("Sokha Dental Clinic", "sokha")]
    [InlineData("Dara Food Restaurant", "dara")]
    [InlineData("Vanna Coffee Shop", "vana")]
    public void Activity_words_are_trade_words(string name, string core) => Assert.Equal([core], TradeWords.LatinCore(LatinNames.Tokens(name)));

    [Theory]
    [InlineData("បាយ័ន អភិវឌ្ឍន៍", "បាយ័ន")]
    [InlineData("គ្លីនិកធ្មេញ សុខា", "សុខា")]
    [InlineData("ដារ៉ា វិនិយោគ", "ដារ៉ា")]
    [InlineData("ហាងកាហ្វេ វណ្ណា", "វណ្ណា")]
    public void Khmer_activity_words_are_trade_words(string name, string core) => Assert.Equal(core, TradeWords.KhmerCore(KhmerNames.Standardise(name)));

    /// <summary>Standardises the names with enough other records around them that word weights are as in a register.</summary>
    private static StandardRecord[] Records(params string[] names)
    {
        var filler = Enumerable.Range(0, 300).Select(i => $"Filler{i} {(i % 3 == 0 ? "Sokha" : "Dara" + i)} Trading");
        var all = names.Concat(filler).Select((n, i) => new SourceRecord { Feed = i % 2, SourceKey = "K" + i, NameEn = n }).ToList();
        var records = all.Select(Standardiser.Value.Standardise).ToArray();
        TokenWeighting.Apply(records);
        return records;
    }

    [Theory]
    [InlineData("IBM", "International Business Machines")]
    [InlineData("SKH Trading", "Sokha Kim Heng Trading")]
    [InlineData("S.K.H. Trading", "Sokha Kim Heng Trading")]
    [InlineData("Edwards", "Chicago Public Schools Edwards, Richard")]
    [InlineData("Davis, N.", "Chicago Public Schools Davis, Nathan")]
    [InlineData("Jones Academy, Inc.", "Henry Booth House Jones Academy")]
    public void A_short_form_of_a_name_is_its_own_level(string a, string b)
    {
        var r = Records(a, b);
        Assert.Equal(Fields.NameShortForm, NameSimilarity.Level(r[0], r[1]));
        Assert.True(Fields.NameAgrees(NameSimilarity.Level(r[1], r[0])));
    }

    [Theory]
    [InlineData("Sokha", "Sokha Chea Trading")] // every third record is a Sokha
    [InlineData("Trading", "Bopha Trading")]
    [InlineData("ABC", "Asia Pacific Trading")]
    public void A_common_word_or_other_initials_is_no_short_form(string a, string b)
    {
        var r = Records(a, b);
        Assert.NotEqual(Fields.NameShortForm, NameSimilarity.Level(r[0], r[1]));
    }
}
