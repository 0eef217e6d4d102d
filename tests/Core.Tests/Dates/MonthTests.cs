using Integration.Core.Dates;

namespace Integration.Core.Tests.Dates;

public class MonthTests
{
    [Fact]
    public void Month_arithmetic_crosses_years_and_days_are_clamped_to_the_month()
    {
        var january = new Month(2026, 1);
        Assert.Equal(new Month(2025, 11), january.AddMonths(-2));
        Assert.Equal(14, january.MonthsUntil(new Month(2027, 3)));
        Assert.Equal(january, Month.FromIndex(january.Index));
        Assert.Equal(new DateOnly(2026, 2, 28), new Month(2026, 2).Day(31));
        Assert.Equal(new DateOnly(2024, 2, 29), new Month(2024, 2).Day(30));
        Assert.Equal(new DateOnly(2026, 1, 1), january.FirstDay);
        Assert.True(new Month(2025, 12) < january);
    }

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("2026-11-05", false)]
    [InlineData("11/2026", false)]
    public void A_month_column_reads_exactly_yyyy_MM(string text, bool ok)
    {
        Assert.Equal(ok, Month.TryParseExact(text, out var m));
        if (ok)
        {
            Assert.Equal(text, m.ToString());
        }
    }

    [Fact]
    public void A_period_may_be_read_from_a_date()
    {
        Assert.True(Month.TryParse("2026-11-05", out var m));
        Assert.Equal(new Month(2026, 11), m);
        Assert.False(Month.TryParse("2026-00", out _));
    }
}
