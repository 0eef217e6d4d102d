using System.CommandLine;
using System.Globalization;
using Integration.Alerts.Runs;
using Integration.Core.Dates;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary>Options and helpers shared by the alerts commands (check, leads, targets, export).</summary>
internal static class AlertsCli
{
    public static Option<string?> AsOf(string what) => new("--as-of") { Description = $"Date of the {what}, yyyy-MM-dd (default: today)." };

    /// <summary>--as-of of a list: served from the latest alerts run unless a date it does not cover is asked.</summary>
    public static Option<string?> ListAsOf(string what) =>
        new("--as-of") { Description = $"Date of the {what}, yyyy-MM-dd (default: the latest alerts run's; another date is computed on demand, which reads the whole register)." };

    /// <summary>Which run a list comes from, for the line under the table.</summary>
    public static string RunLine<T>(ListAnswer<T> answer) =>
        answer.MatchRunId is null
            ? "no match run yet"
            : $"match run {Markup(answer.MatchRunId)} as of {Markup(answer.AsOf)}, " + (answer.AlertRunId is null ? "computed on demand (not stored)" : $"alerts run {Markup(answer.AlertRunId)}");

    public static Option<string?> Province() => new("--province") { Description = "Gazetteer province code or name, as the enterprises table holds it." };

    public static Option<string?> District() => new("--district") { Description = "Gazetteer district code or name." };

    public static Option<string?> OutFile(string file) => new("--out") { Description = $"Also write the list as CSV to this file (e.g. {file})." };

    /// <summary>Parses an optional yyyy-MM-dd; throws a message naming the option otherwise.</summary>
    public static DateOnly? Date(ParseResult parse, Option<string?> option)
    {
        var text = parse.GetValue(option);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return IsoDate.TryParse(text.Trim(), out var d)
            ? d
            : throw new ArgumentException($"{option.Name} must be a date yyyy-MM-dd, got '{text}'.");
    }

    /// <summary>
    /// <see cref="Date(ParseResult, Option{string?})"/> read against the product's plausible dates (Dates:*), as the API
    /// reads asOf: year 0001 or 9999 and Buddhist-era years are refused with the reason.
    /// </summary>
    public static DateOnly? Date(ParseResult parse, Option<string?> option, IServiceProvider services)
    {
        if (Date(parse, option) is not { } date)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        var check = services.GetRequiredService<Integration.Core.Dates.DateRules>().Check(date, today);
        return check.Ok ? check.Date : throw new ArgumentException($"{option.Name} {IsoDate.Format(date)} {check.Why}.");
    }

    /// <summary>Runs a command body, turning bad input into a one-line error and exit code 2.</summary>
    public static async Task<int> Guard(string name, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{name}: {e.Message}");
            return 2;
        }
    }

    public static string Markup(string? text) => Spectre.Console.Markup.Escape(text ?? "");

    public static string DecisionColour(string decision) => decision switch
    {
        "ALLOW" => "green",
        "BLOCK" => "red",
        _ => "yellow",
    };

    /// <summary>Writes a table to stdout; wide enough on a terminal, plain when redirected.</summary>
    public static void Write(Table table)
    {
        table.Border(AnsiConsole.Profile.Capabilities.Interactive ? TableBorder.Rounded : TableBorder.Simple);
        AnsiConsole.Write(table);
    }
}
