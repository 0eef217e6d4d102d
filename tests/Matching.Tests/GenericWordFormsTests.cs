using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>Legal forms and trade words mistyped by a letter or run on to the name are still read as generic words.</summary>
public class GenericWordFormsTests
{
    [Theory]
    [InlineData("Sokha Compnay Limted")]
    [InlineData("Sokha Coporation")]
    [InlineData("Sokha Co., Ltd. (Cambodai)")]
    [InlineData("SokhaCoLtd")]
    [InlineData("Sokha Company Limited")]
    public void A_mistyped_or_run_on_legal_form_leaves_only_the_name(string name)
    {
        Assert.Equal(["sokha"], LatinNames.Tokens(name));
    }

    [Theory]
    [InlineData("Bopha Resturant")]
    [InlineData("Bopha Restaruant")]
    [InlineData("BophaRestaurant")]
    [InlineData("Bopha Restaurant Co., Ltd.")]
    public void A_mistyped_or_run_on_trade_word_is_the_trade_word(string name)
    {
        var tokens = LatinNames.Tokens(name);
        Assert.Equal(["bopha", "restaurant"], tokens);
        Assert.Equal(["bopha"], TradeWords.LatinCore(tokens));
    }

    [Theory]
    [InlineData("Sok Shot")] // short words: one letter from "shop" is another word
    [InlineData("Colombo Trading")]
    [InlineData("Supermarket")] // a trade word of its own, not "super" + "market"
    [InlineData("Angkor Mart")]
    public void Short_and_whole_words_are_left_alone(string name)
    {
        var expected = TextFold.LatinWords(name).Split(' ').Select(LatinNames.NormaliseWord).Where(w => w is not ("co" or "ltd")).ToArray();
        Assert.Equal(expected, LatinNames.Tokens(name));
    }

    [Theory]
    [InlineData("restaurant", "resturant", true)]
    [InlineData("restaurant", "restaruant", true)]
    [InlineData("restaurant", "restaurantx", true)]
    [InlineData("restaurant", "xrestaurant", true)]
    [InlineData("restaurant", "restourant", true)]
    [InlineData("restaurant", "restaurant", false)]
    [InlineData("restaurant", "resturnat", false)]
    [InlineData("company", "compnya", false)]
    public void One_edit_means_one_letter_changed_added_dropped_or_swapped(string a, string b, bool expected)
    {
        Assert.Equal(expected, GenericWordForms.OneEditApart(a, b));
        Assert.Equal(expected, GenericWordForms.OneEditApart(b, a));
    }
}
