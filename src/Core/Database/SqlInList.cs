using System.Globalization;
using System.Text;
using Dapper;

namespace Integration.Core.Database;

/// <summary>
/// <c>IN (...)</c> lists with one named parameter per value, valid on both databases. Dapper's own list
/// expansion (<c>IN @list</c>) sends the whole list to Npgsql as one array parameter, which PostgreSQL's
/// <c>IN</c> does not accept; and a statement must stay short (SQLite binds named parameters by a linear
/// search), so long lists are cut into chunks of <see cref="MaxValues"/>, one statement each.
/// </summary>
public static class SqlInList
{
    /// <summary>Values per statement: enough to keep round trips few, few enough for SQLite's parameter lookup.</summary>
    public const int MaxValues = 500;

    /// <summary>
    /// Adds <paramref name="values"/> to <paramref name="args"/> as <c>@{prefix}0</c>, <c>@{prefix}1</c>, ... and
    /// returns the list <c>(@{prefix}0, @{prefix}1, ...)</c>. An empty list is <c>(NULL)</c>, which matches nothing.
    /// </summary>
    public static string Add<T>(DynamicParameters args, string prefix, IReadOnlyList<T> values)
    {
        if (values.Count == 0)
        {
            return "(NULL)";
        }

        var list = new StringBuilder("(");
        for (var i = 0; i < values.Count; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            args.Add(name, values[i]);
            list.Append(i == 0 ? "@" : ", @").Append(name);
        }

        return list.Append(')').ToString();
    }

    /// <summary>The distinct values in chunks of at most <paramref name="size"/> (default <see cref="MaxValues"/>), one statement's list each.</summary>
    public static IEnumerable<T[]> Chunks<T>(IEnumerable<T> values, IEqualityComparer<T>? comparer = null, int size = MaxValues) =>
        values.Distinct(comparer).Chunk(Math.Clamp(size, 1, MaxValues));
}
