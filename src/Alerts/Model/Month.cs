using System.Globalization;

namespace Integration.Alerts.Model;

/// <summary>A calendar month (<c>yyyy-MM</c>): contribution periods, GDT return months and the due-month window.</summary>
public readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    public int Index => (Year * 12) + Number - 1;

    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public static Month FromIndex(int index) => new(index / 12, (index % 12) + 1);

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
