using System.Reflection;
using Integration.Web.Ui;

namespace Integration.Web.Tests;

public sealed class TextsTests
{
    [Fact]
    public void Every_interface_text_has_an_english_and_a_khmer_version()
    {
        var texts = typeof(Texts).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (f.Name, Text: (Text)f.GetValue(null)!)).ToList();
        Assert.True(texts.Count > 150);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Text.En), t.Name);
            Assert.True(t.Text.Km.Any(c => c is >= '\u1780' and <= '\u17FF'), $"{t.Name} has no Khmer: '{t.Text.Km}'");
            // Placeholders must match, or a Khmer page would throw or drop a figure.
            Assert.Equal(Placeholders(t.Text.En), Placeholders(t.Text.Km));
        });
    }

    private static string Placeholders(string s) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(s, @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
