using System.Buffers;
using System.Globalization;
using Integration.Core.Dates;

namespace Integration.Host.Api;

/// <summary>
/// Checks of request parameters and bodies, each answering a 400 problem document that names the parameter and
/// the rule (one place, so every endpoint refuses the same input the same way).
/// </summary>
internal static class ApiInput
{
    /// <summary>C0 and C1 control characters and DEL: never part of a name, an identifier or a filter (a note may hold line breaks).</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Append(0x7F).Concat(Enumerable.Range(0x80, 0x20)).Select(c => (char)c)));

    private static readonly SearchValues<char> ControlsButLineBreaks = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\n' or '\r' or '\t')).Append(0x7F).Concat(Enumerable.Range(0x80, 0x20)).Select(c => (char)c)));

    /// <summary>Largest page a client may ask for; without limit the whole list comes back, as before paging.</summary>
    public const int MaxLimit = 10_000;

    public static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Null when <paramref name="value"/> is acceptable text for <paramref name="name"/>, else the 400 answer.</summary>
    public static IResult? Text(string name, string? value, int max, bool required = false, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Problem(400, $"Missing {name}", $"{name} is required.") : null;
        }

        if (value.Length > max)
        {
            return Problem(400, $"{name} too long", string.Create(CultureInfo.InvariantCulture, $"{name} may hold at most {max:N0} characters, got {value.Length:N0} (Api:Limits)."));
        }

        return value.AsSpan().IndexOfAny(multiline ? ControlsButLineBreaks : Controls) is var at and >= 0
            ? Problem(400, $"Invalid {name}", string.Create(CultureInfo.InvariantCulture, $"{name} holds control character U+{(int)value[at]:X4} at position {at + 1}."))
            : null;
    }

    /// <summary>The first problem of several checks, or null.</summary>
    public static IResult? First(params IResult?[] checks) => checks.FirstOrDefault(c => c is not null);

    /// <summary>An optional yyyy-MM-dd within the product's plausible dates (<see cref="DateRules"/>) around today.</summary>
    public static bool TryDate(string? text, DateRules rules, DateOnly today, out DateOnly? date, out IResult problem)
    {
        date = null;
        problem = Results.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!IsoDate.TryParse(text.Trim(), out var d))
        {
            problem = Problem(400, "Invalid asOf", $"asOf must be a date yyyy-MM-dd, got '{Shown(text)}'.");
            return false;
        }

        var check = rules.Check(d, today);
        if (!check.Ok)
        {
            problem = Problem(400, "Invalid asOf", $"asOf {text.Trim()} {check.Why}.");
            return false;
        }

        date = check.Date;
        return true;
    }

    /// <summary>A page of a list: rows <see cref="Offset"/> onwards, at most <see cref="Limit"/> of them (all when null).</summary>
    public readonly record struct Page(int? Limit, int Offset);

    public static bool TryPage(int? limit, int? offset, out Page page, out IResult problem)
    {
        page = new Page(limit, offset ?? 0);
        problem = Results.Empty;
        if (limit is < 1 or > MaxLimit)
        {
            problem = Problem(400, "Invalid limit", $"limit must be between 1 and {MaxLimit:N0}, got {limit}.");
            return false;
        }

        if (offset is < 0)
        {
            problem = Problem(400, "Invalid offset", $"offset must be zero or more, got {offset}.");
            return false;
        }

        return true;
    }

    /// <summary>A number in a range, or the 400 answer naming it.</summary>
    public static IResult? Range(string name, int? value, int min, int max) =>
        value is { } v && (v < min || v > max)
            ? Problem(400, $"Invalid {name}", string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min:N0} and {max:N0}, got {v}."))
            : null;

    /// <summary>User text as quoted back in a problem: short, whatever was sent.</summary>
    public static string Shown(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
