using System.CommandLine;
using Integration.Alerts.Checks;
using Integration.Core.Dates;
using Integration.Core.Identifiers;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary><c>check</c>: one licence check for a MoC registration number, logged like an HTTP check.</summary>
internal static class CheckCommand
{
    private static readonly Argument<string> RegistrationNo = new("registration_no") { Description = "MoC registration number." };
    private static readonly Option<string?> AsOf = AlertsCli.AsOf("check");
    private static readonly Option<string?> User = new("--user") { Description = "Who asks (recorded in the check log; default: the OS user)." };

    public static Command Create()
    {
        var command = new Command("check", "Licence check for one MoC registration number: ALLOW, BLOCK or REVIEW with reasons (rules.md).");
        command.Arguments.Add(RegistrationNo);
        command.Options.Add(AsOf);
        command.Options.Add(User);
        command.SetAction((parse, ct) => AlertsCli.Guard("check", () => RunAsync(parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        AlertsCli.Date(parse, AsOf); // a malformed date is refused before the database is opened
        using var services = CliServices.Build(parse);
        var asOf = AlertsCli.Date(parse, AsOf, services);
        var checks = services.GetRequiredService<LicenceCheckService>();
        var user = parse.GetValue(User) is { Length: > 0 } u ? u : Environment.UserName;
        LoggedDecision logged;
        try
        {
            // The number as ingest stores it (RegistryIds), as the API looks it up.
            var typed = parse.GetValue(RegistrationNo)!;
            var number = RegistryIds.Canonical(IdentifierKind.MocRegistrationNo, typed) ?? typed.Trim();
            logged = await checks.CheckAsync(new CheckRequest(number, asOf, user, "cli"), ct);
        }
        catch (UnknownRegistrationException e)
        {
            Console.Error.WriteLine("check: " + e.Message);
            return 1;
        }

        var d = logged.Decision;
        AnsiConsole.MarkupLine($"[bold {AlertsCli.DecisionColour(d.Decision)}]{d.Decision}[/]  {AlertsCli.Markup(d.RegistrationNo)}  (check #{logged.CheckId})");
        foreach (var reason in d.Reasons)
        {
            AnsiConsole.MarkupLine($"  [bold]{reason.Code}[/]: {AlertsCli.Markup(reason.Text)}");
        }

        var table = new Table().AddColumn("field").AddColumn("value");
        table.AddRow("enterprise_id", AlertsCli.Markup(d.EnterpriseId));
        table.AddRow("nssf_id", AlertsCli.Markup(d.NssfId));
        table.AddRow("paid_through", AlertsCli.Markup(d.PaidThrough));
        table.AddRow("unpaid_periods", d.UnpaidPeriods.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("arrears_khr", d.ArrearsKhr.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("as_of", IsoDate.Format(d.AsOf));
        table.AddRow("run_id", AlertsCli.Markup(d.RunId));
        AlertsCli.Write(table);
        return 0;
    }
}
