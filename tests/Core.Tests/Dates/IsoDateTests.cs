using System.Globalization;
using Integration.Core.Dates;

namespace Integration.Core.Tests.Dates;

public class IsoDateTests
{
    [Fact]
    public void Dates_are_written_and_read_in_the_gregorian_calendar_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // Thai's default calendar is Buddhist: a culture-sensitive "yyyy-MM-dd" writes 2569-11-21.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            var date = new DateOnly(2026, 11, 21);
            Assert.Equal("2026-11-21", IsoDate.Format(date));
            Assert.Equal("2026-11", Month.Of(date).ToString());
            Assert.Equal(date, IsoDate.Parse("2026-11-21"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("2026-02-29")]
    [InlineData("21/11/2026")]
    [InlineData("2026-11-21T10:00:00Z")]
    [InlineData(" 2026-11-21")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_a_real_date_in_exactly_the_iso_form_is_read(string? text)
    {
        Assert.False(IsoDate.TryParse(text, out _));
    }

    [Fact]
    public void A_stored_timestamp_gives_its_date_and_a_bad_date_names_itself()
    {
        Assert.True(IsoDate.TryParseStart("2026-11-21T10:00:00.0000000Z", out var d));
        Assert.Equal(new DateOnly(2026, 11, 21), d);
        Assert.False(IsoDate.TryParseStart("2026-11", out _));
        Assert.Contains("'2026-13-01'", Assert.Throws<FormatException>(() => IsoDate.Parse("2026-13-01")).Message, StringComparison.Ordinal);
        Assert.Null(IsoDate.Format((DateOnly?)null));
    }
}
