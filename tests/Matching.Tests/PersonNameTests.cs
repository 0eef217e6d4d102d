using Integration.Matching.Comparison;

namespace Integration.Matching.Tests;

/// <summary><see cref="PersonName"/>: a director's or owner's name as a key that ignores word order, case and legal-form words, within one script.</summary>
public class PersonNameTests
{
    private static bool Finds(string director, string? nameEn, string? nameKm = null) =>
        PersonName.Of(director) is { } d && PersonName.OfRecordName(nameEn, nameKm).Contains(d);

    [Theory]
    [InlineData("SOK DARA", "Dara Sok")]
    [InlineData("Sok Dara", "SOK DARA Sole Proprietorship")]
    [InlineData("Sok Dara", "Sok Dara (Dara Mini Mart)")]
    [InlineData("Sok Dara", "Dara Mini Mart (Sok Dara)")]
    public void A_latin_name_is_found_in_any_word_order_case_and_beside_the_shops_name_in_brackets(string director, string name) =>
        Assert.True(Finds(director, name));

    [Fact]
    public void A_khmer_name_is_found_in_khmer_in_any_word_order_but_not_through_a_romanisation()
    {
        Assert.True(Finds("សុខ ដារា", null, "ដារា សុខ"));
        Assert.True(Finds("សុខ ដារា", "Dara Mini Mart", "សុខ ដារា (ហាង ដារា)"));

        // A phonetic key of a two-word name (Serey Chea, Ouch Srey: both "SR C") names too many people.
        Assert.False(Finds("Sok Dara", null, "សុខ ដារា"));
        Assert.False(Finds("Serey Chea", "Ouch Srey"));
    }

    [Fact]
    public void Another_person_or_a_part_of_the_name_is_not_found()
    {
        Assert.False(Finds("Sok Dara", "Sok Vanna"));
        Assert.False(Finds("Sok Dara Vanna", "Sok Dara"));
        Assert.False(Finds("Sok Dara", "Dara Mini Mart"));
    }

    [Theory]
    [InlineData("Dara")]
    [InlineData("Kim Co., Ltd.")]
    [InlineData("Sok Dara Chan Vanna")]
    [InlineData("")]
    public void Text_that_is_not_two_or_three_words_is_no_persons_name(string text) =>
        Assert.Null(PersonName.Of(text));
}
