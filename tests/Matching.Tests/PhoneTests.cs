using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>Phone cells to tokens through libphonenumber: every way of writing one number meets, foreign numbers survive.</summary>
public class PhoneTests
{
    [Theory]
    [InlineData("012 345 678")]
    [InlineData("012-345-678")]
    [InlineData("012345678")]
    [InlineData("+855 12 345 678")]
    [InlineData("(+855) 12-345-678")]
    [InlineData("85512345678")]
    [InlineData("855 12 345678")]
    [InlineData("00855 12 345 678")]
    [InlineData("+855 (0)12 345 678")]
    [InlineData("12 345 678")]
    [InlineData("012.345.678")]
    [InlineData("Tel: 012 345 678 ext. 12")]
    [InlineData("០១២ ៣៤៥ ៦៧៨")]
    [InlineData("ទូរស័ព្ទ៖ ០១២-៣៤៥-៦៧៨")]
    [InlineData("+៨៥៥ ១២ ៣៤៥ ៦៧៨")]
    [InlineData("０１２ ３４５ ６７８")]
    public void Every_layout_of_a_cambodian_number_gives_its_e164(string cell)
    {
        Assert.Equal(["+85512345678"], Phones.Parse(cell));
    }

    [Theory]
    [InlineData("+1 310 246 1501", "+13102461501")]
    [InlineData("+66 2 123 4567", "+6621234567")]
    [InlineData("+84 90 123 4567", "+84901234567")]
    [InlineData("0086 10 1234 5678", "+861012345678")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Foreign_numbers_with_a_country_code_are_kept_in_e164_and_in_national_digits(string cell, string e164)
    {
        var tokens = Phones.Parse(cell);
        Assert.Equal(e164, tokens[0]);
        Assert.True(e164.EndsWith(tokens[1], StringComparison.Ordinal) && tokens[1].Length >= 8, string.Join(" ", tokens));
    }

    [Theory]
    [InlineData("66 926053626", "+66-926053626")]
    [InlineData("66926053626", "(+66) 92 605 3626")]
    [InlineData("44 20 7946 0958", "+44 20 7946 0958")]
    [InlineData("86 10 1234 5678", "0086 10 1234 5678")]
    public void A_foreign_number_written_with_its_country_code_but_no_plus_meets_its_international_form(string a, string b)
    {
        var x = Phones.Parse(a);
        Assert.Contains(Phones.Parse(b)[0], x);
    }

    [Theory]
    [InlineData("12 345 678", "+85512345678")]
    [InlineData("85512345678", "+85512345678")]
    public void A_cambodian_number_without_its_trunk_zero_is_not_read_as_a_foreign_one(string cell, string e164)
    {
        Assert.Equal([e164], Phones.Parse(cell));
    }

    [Theory]
    [InlineData("310/246-1501", "310-246-1501")]
    [InlineData("310/246-1501", "(310) 246 1501")]
    [InlineData("310/ 246-1501.", "+1 310 246 1501")]
    [InlineData("226-2649", "2262649")]
    [InlineData("081 234 5678", "+66 81 234 5678")]
    public void A_number_without_country_code_that_is_not_cambodian_still_compares(string a, string b)
    {
        var x = Phones.Parse(a);
        var y = Phones.Parse(b);
        Assert.NotEmpty(x);
        Assert.Contains(x, y.Contains);
    }

    [Theory]
    [InlineData("095 123 4567", "+855 95 123 4567")]
    [InlineData("023 123 456", "855 23 123 456")]
    [InlineData("0 23 123 456", "00855 23 123 456")]
    public void Cambodian_numbers_outside_the_library_metadata_meet_in_every_layout(string a, string b)
    {
        Assert.Equal(Phones.Parse(a), Phones.Parse(b));
        Assert.Single(Phones.Parse(a));
    }

    [Theory]
    [InlineData("012 345 678 / 017 888 999")]
    [InlineData("012 345 678, 017 888 999")]
    [InlineData("012 345 678; 017-888-999")]
    [InlineData("012 345 678 or 017 888 999")]
    [InlineData("012345678 017888999")]
    [InlineData("012 345 678 017 888 999")]
    [InlineData("+855 12 345 678 | 855 17 888 999")]
    public void Several_numbers_in_one_cell_are_all_kept(string cell)
    {
        Assert.Equal(["+85512345678", "+85517888999"], Phones.Parse(cell));
    }

    [Theory]
    [InlineData("n/a")]
    [InlineData("-")]
    [InlineData("0")]
    [InlineData("ext 12")]
    [InlineData("")]
    [InlineData(null)]
    public void Cells_without_a_number_give_none(string? cell)
    {
        Assert.Empty(Phones.Parse(cell));
    }

    [Fact]
    public void Different_numbers_stay_different()
    {
        Assert.NotEqual(Phones.Parse("012 345 678"), Phones.Parse("012 345 679"));
        Assert.NotEqual(Phones.Parse("310/246-1501"), Phones.Parse("310/246-1502"));
    }
}
