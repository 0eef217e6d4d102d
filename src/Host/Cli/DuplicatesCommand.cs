using System.CommandLine;
using Integration.Alerts.Duplicates;
using Integration.Core.Export;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary><c>duplicates</c>: the NSSF registrations of employers registered more than once, and what to do with each.</summary>
internal static class DuplicatesCommand
{
    private static readonly Option<string?> Province = AlertsCli.Province();
    private static readonly Option<string?> District = AlertsCli.District();
    private static readonly Option<string?> Action = new("--action") { Description = "Only enterprises with a registration to handle so (" + string.Join(", ", DuplicateActions.All) + ")." };
    private static readonly Option<int> Limit = new("--limit") { Description = "Rows shown on screen (0 = all).", DefaultValueFactory = _ => 50 };
    private static readonly Option<string?> AsOf = AlertsCli.ListAsOf("list");
    private static readonly Option<string?> Out = AlertsCli.OutFile("duplicates.csv");

    public static Command Create()
    {
        var command = new Command("duplicates", "NSSF registrations to clean up: employers registered more than once, the registration to keep and what to do with the others.");
        foreach (var option in new Option[] { Province, District, Action, Limit, AsOf, Out })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => AlertsCli.Guard("duplicates", () => RunAsync(parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var asOf = AlertsCli.Date(parse, AsOf);
        if (parse.GetValue(Action) is { Length: > 0 } action && DuplicateActions.Normalise(action) is null)
        {
            throw new ArgumentException($"--action must be one of {string.Join(", ", DuplicateActions.All)}, got '{action}'.");
        }

        using var services = CliServices.Build(parse);
        var answer = await services.GetRequiredService<DuplicateService>().ReadAsync(new DuplicateQuery(parse.GetValue(Province), parse.GetValue(District), parse.GetValue(Action)), asOf, ct);
        var rows = answer.Rows;
        if (parse.GetValue(Out) is { Length: > 0 } file)
        {
            CsvExport.Write(file, DuplicateRow.Columns, rows.Select(r => r.Cells()));
            AnsiConsole.MarkupLine($"Wrote {rows.Count:N0} registrations to {AlertsCli.Markup(Path.GetFullPath(file))}");
        }

        var limit = parse.GetValue(Limit);
        var table = new Table().AddColumns("enterprise_id", "nssf_id", "action", "keep", "status", "registered", "paid through", "name", "reason");
        foreach (var r in limit > 0 ? rows.Take(limit) : rows)
        {
            table.AddRow(
                AlertsCli.Markup(r.EnterpriseId),
                AlertsCli.Markup(r.NssfId),
                r.Action == "KEEP" ? "[green]KEEP[/]" : $"[bold]{AlertsCli.Markup(r.Action)}[/]",
                AlertsCli.Markup(r.KeepNssfId),
                AlertsCli.Markup(r.Status),
                AlertsCli.Markup(r.RegisteredOn),
                AlertsCli.Markup(r.PaidThrough ?? "never"),
                AlertsCli.Markup(r.NameEn ?? r.NameKm),
                AlertsCli.Markup(r.Reason));
        }

        AlertsCli.Write(table);
        var employers = rows.Select(r => r.EnterpriseId).Distinct(StringComparer.Ordinal).Count();
        var shown = limit > 0 ? Math.Min(limit, rows.Count) : rows.Count;
        AnsiConsole.MarkupLine($"{employers:N0} employers with {rows.Count:N0} registrations{(shown < rows.Count ? $", first {shown} shown" : "")}; {AlertsCli.RunLine(answer)}.");
        return 0;
    }
}
