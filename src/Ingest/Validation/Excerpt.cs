using System.Globalization;

namespace Integration.Ingest.Validation;

/// <summary>
/// A value as quoted in a message: whole when short, else its start and its length. Messages go into the
/// quarantine table, the run record and both report files, so a 100 MB field must not go with them.
/// </summary>
internal static class Excerpt
{
    public const int MaxChars = 120;

    public static string Of(string value, int max = MaxChars)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{value[..cut]}… ({value.Length:N0} characters)");
    }
}
