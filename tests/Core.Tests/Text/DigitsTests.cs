using Integration.Core.Text;

namespace Integration.Core.Tests.Text;

public sealed class DigitsTests
{
    [Theory]
    [InlineData("០១២ ៣៤៥ ៦៧៨", "012 345 678")] // Khmer
    [InlineData("២០២៤-០៥-១២", "2024-05-12")]
    [InlineData("๐๘๑ ๒๓๔", "081 234")] // Thai
    [InlineData("٠١٢٣", "0123")] // Arabic-Indic
    [InlineData("０１２", "012")] // full-width
    [InlineData("ផ្ទះលេខ ៤៩E៣", "ផ្ទះលេខ 49E3")]
    public void Digits_of_any_script_become_ascii_digits(string text, string expected)
    {
        Assert.Equal(expected, Digits.ToAscii(text));
    }

    [Theory]
    [InlineData("012 345 678")]
    [InlineData("ក្រុមហ៊ុន អង្គរ")]
    [InlineData("")]
    public void Text_without_other_digits_is_returned_as_it_is(string text)
    {
        Assert.Same(text, Digits.ToAscii(text));
    }
}
