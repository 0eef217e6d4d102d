using System.Globalization;

namespace Integration.Generator.Model;

/// <summary>Months as integers (year * 12 + month - 1) so month arithmetic is plain addition.</summary>
public static class Months
{
    public static int Of(DateOnly d) => (d.Year * 12) + d.Month - 1;

    public static DateOnly FirstDay(int month) => new(month / 12, (month % 12) + 1, 1);

    public static DateOnly Day(int month, int day) => new(month / 12, (month % 12) + 1, Math.Min(day, DateTime.DaysInMonth(month / 12, (month % 12) + 1)));

    public static string Format(int month) => string.Create(CultureInfo.InvariantCulture, $"{month / 12:D4}-{(month % 12) + 1:D2}");
}
