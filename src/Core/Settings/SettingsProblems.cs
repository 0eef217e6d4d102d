using System.Globalization;

namespace Integration.Core.Settings;

/// <summary>The failures of one options check, each naming its full configuration key (section:key) and the value read.</summary>
public sealed class SettingsProblems(string section)
{
    public List<string> Failures { get; } = [];

    public void Add(string key, string message) => Failures.Add($"{section}:{key} {message}");

    public void InRange(string key, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            Add(key, $"is {Show(value)}; it must lie between {Show(min)} and {Show(max)}.");
        }
    }

    public void AtLeast(string key, double value, double min)
    {
        if (!(value >= min))
        {
            Add(key, $"is {Show(value)}; it must be at least {Show(min)}.");
        }
    }

    /// <summary><paramref name="key"/> must not be below <paramref name="otherKey"/> (a lower and an upper bound read together).</summary>
    public void NotBelow(string key, double value, string otherKey, double other)
    {
        if (value < other)
        {
            Add(key, $"is {Show(value)}, below {section}:{otherKey} ({Show(other)}); it must be at or above it.");
        }
    }

    /// <summary><paramref name="value"/> must be strictly greater than <paramref name="min"/> (a share or a duration that cannot be 0).</summary>
    public void Above(string key, double value, double min)
    {
        if (!(value > min))
        {
            Add(key, $"is {Show(value)}; it must be above {Show(min)}.");
        }
    }

    /// <summary>An enum read from configuration as a number binds even when no member has it: refuse that.</summary>
    public void Defined<TEnum>(string key, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(key, $"is {value}; it must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    public void NotEmpty(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, "is empty; it must be set.");
        }
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
