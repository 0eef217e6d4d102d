using System.CommandLine;
using Integration.Alerts.Leads;
using Integration.Core.Export;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary><c>leads</c>: the NSSF division's lead list, or (with --set-status) record a lead's status.</summary>
internal static class LeadsCommand
{
    private static readonly Option<string?> Province = AlertsCli.Province();
    private static readonly Option<string?> District = AlertsCli.District();
    private static readonly Option<bool> OnlyNew = new("--only-new") { Description = "Only leads that were not leads in the previous run." };
    private static readonly Option<string?> Status = new("--status") { Description = "Filter by status; with --set-status, the status to set (" + string.Join(", ", LeadStatuses.All) + ")." };
    private static readonly Option<string?> SetStatus = new("--set-status") { Description = "Enterprise id whose status to set (with --status and --by)." };
    private static readonly Option<string?> By = new("--by") { Description = "Who sets the status." };
    private static readonly Option<string?> Note = new("--note") { Description = "Note kept with the status." };
    private static readonly Option<int> Limit = new("--limit") { Description = "Rows shown on screen (0 = all).", DefaultValueFactory = _ => 50 };
    private static readonly Option<string?> AsOf = AlertsCli.ListAsOf("leads");
    private static readonly Option<string?> Out = AlertsCli.OutFile("leads.csv");

    public static Command Create()
    {
        var command = new Command("leads", "Enterprises that must register with NSSF and have not, newest first; --set-status records the division's follow-up.");
        foreach (var option in new Option[] { Province, District, OnlyNew, Status, SetStatus, By, Note, Limit, AsOf, Out })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => AlertsCli.Guard("leads", () => RunAsync(parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        AlertsCli.Date(parse, AsOf); // a malformed date is refused before the database is opened
        using var services = CliServices.Build(parse);
        var asOf = AlertsCli.Date(parse, AsOf, services);
        var leads = services.GetRequiredService<LeadService>();
        if (parse.GetValue(SetStatus) is { Length: > 0 } enterpriseId)
        {
            var status = parse.GetValue(Status) ?? throw new ArgumentException("--set-status needs --status.");
            var by = parse.GetValue(By) is { Length: > 0 } b ? b : Environment.UserName;
            var change = await leads.SetStatusAsync(enterpriseId, status, by, parse.GetValue(Note), ct);
            if (change is null)
            {
                Console.Error.WriteLine($"leads: enterprise '{enterpriseId}' does not exist.");
                return 1;
            }

            AnsiConsole.MarkupLine($"{AlertsCli.Markup(change.EnterpriseId)} is now [bold]{change.Status}[/] (set by {AlertsCli.Markup(change.SetBy)} at {change.SetAt}).");
            return 0;
        }

        var answer = await leads.ReadAsync(new LeadQuery(parse.GetValue(Province), parse.GetValue(District), parse.GetValue(OnlyNew), parse.GetValue(Status)), asOf, ct);
        var rows = answer.Rows;
        if (parse.GetValue(Out) is { Length: > 0 } file)
        {
            CsvExport.Write(file, LeadRow.Columns, rows.Select(r => r.Cells()));
            AnsiConsole.MarkupLine($"Wrote {rows.Count:N0} leads to {AlertsCli.Markup(Path.GetFullPath(file))}");
        }

        var limit = parse.GetValue(Limit);
        var table = new Table().AddColumns("enterprise_id", "name", "province / district", "phone", "employees", "first seen", "new", "status");
        foreach (var r in limit > 0 ? rows.Take(limit) : rows)
        {
            table.AddRow(
                AlertsCli.Markup(r.EnterpriseId),
                AlertsCli.Markup(r.NameEn ?? r.NameKm),
                AlertsCli.Markup($"{r.Province} / {r.District}"),
                AlertsCli.Markup(r.Phone),
                AlertsCli.Markup(r.EmployeesEvidence),
                AlertsCli.Markup(r.FirstSeenOn),
                r.IsNew ? "[green]yes[/]" : "",
                AlertsCli.Markup(r.Status));
        }

        AlertsCli.Write(table);
        var shown = limit > 0 ? Math.Min(limit, rows.Count) : rows.Count;
        AnsiConsole.MarkupLine($"{rows.Count:N0} leads ({rows.Count(r => r.IsNew):N0} new){(shown < rows.Count ? $", first {shown} shown" : "")}; {AlertsCli.RunLine(answer)}.");
        return 0;
    }
}
