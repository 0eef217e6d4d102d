using Integration.Core.Jobs;
using Integration.Host.Scheduling;

namespace Integration.Host.Tests.Scheduling;

public class CronScheduleTests
{
    private static readonly DateTimeOffset Nov1 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Six_fields_include_seconds_like_Azure_timer_triggers()
    {
        var cron = CronSchedule.Parse("30 0 2 * * *");

        Assert.Equal(Nov1.AddHours(2).AddSeconds(30), cron.Next(Nov1));
        Assert.Equal(Nov1.AddDays(1).AddHours(2).AddSeconds(30), cron.Next(Nov1.AddHours(2).AddSeconds(30)));
    }

    [Fact]
    public void Five_fields_are_minute_based()
    {
        var cron = CronSchedule.Parse("15 3 * * *");

        Assert.Equal(Nov1.AddHours(3).AddMinutes(15), cron.Next(Nov1));
    }

    [Fact]
    public void Latest_finds_the_most_recent_occurrence_in_a_window()
    {
        var cron = CronSchedule.Parse("0 0 2 * * *");

        Assert.Equal(Nov1.AddDays(4).AddHours(2), cron.Latest(Nov1, Nov1.AddDays(4).AddHours(5)));
        Assert.Equal(Nov1.AddDays(4).AddHours(2), cron.Latest(Nov1, Nov1.AddDays(4).AddHours(2)));
        Assert.Null(cron.Latest(Nov1.AddHours(2), Nov1.AddHours(20)));
    }

    [Theory]
    [InlineData("0 2 * *")]
    [InlineData("0 0 25 * * *")]
    [InlineData("every day")]
    public void Bad_expressions_name_their_source(string expression)
    {
        var e = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression, "Schedule:Jobs:match"));

        Assert.Contains("Schedule:Jobs:match", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("off", false)]
    [InlineData("OFF", false)]
    [InlineData("0 0 2 * * *", true)]
    public void Empty_or_off_disables_a_job(string expression, bool enabled) =>
        Assert.Equal(enabled, CronSchedule.IsEnabled(expression));
}
