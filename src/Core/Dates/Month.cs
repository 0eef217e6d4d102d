using System.Globalization;

namespace Integration.Core.Dates;

/// <summary>
/// A calendar month (<c>yyyy-MM</c>, its stored and written form): contribution periods, GDT return months, the
/// due-month window, the generator's periods. <see cref="Index"/> makes month arithmetic plain addition.
/// </summary>
public readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    public int Index => (Year * 12) + Number - 1;

    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public static Month FromIndex(int index) => new(index / 12, (index % 12) + 1);

    public DateOnly FirstDay => new(Year, Number, 1);

    /// <summary>Day <paramref name="day"/> of the month, or its last day when the month is shorter.</summary>
    public DateOnly Day(int day) => new(Year, Number, Math.Min(day, DateTime.DaysInMonth(Year, Number)));

    /// <summary>Reads exactly <c>yyyy-MM</c> (no day): a register's month column.</summary>
    public static bool TryParseExact(string? text, out Month month)
    {
        if (text is { Length: 7 } && IsoDate.TryParse(text + "-01", out var first))
        {
            month = Of(first);
            return true;
        }

        month = default;
        return false;
    }

    /// <summary>Reads <c>yyyy-MM</c>, or the month of a <c>yyyy-MM-dd</c> date.</summary>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 7 || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m is < 1 or > 12)
        {
            return false;
        }

        month = new Month(y, m);
        return true;
    }

    public Month AddMonths(int months) => FromIndex(Index + months);

    /// <summary>Whole months from this month to <paramref name="later"/> (negative when earlier).</summary>
    public int MonthsUntil(Month later) => later.Index - Index;

    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    public static bool operator <(Month a, Month b) => a.Index < b.Index;

    public static bool operator >(Month a, Month b) => a.Index > b.Index;

    public static bool operator <=(Month a, Month b) => a.Index <= b.Index;

    public static bool operator >=(Month a, Month b) => a.Index >= b.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");
}
