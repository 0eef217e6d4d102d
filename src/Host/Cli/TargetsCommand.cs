using System.CommandLine;
using Integration.Alerts.Targets;
using Integration.Core.Export;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary><c>targets</c>: inspectors' list ranked by risk score, by province/district, cut to capacity.</summary>
internal static class TargetsCommand
{
    private static readonly Option<string?> Province = AlertsCli.Province();
    private static readonly Option<string?> District = AlertsCli.District();
    private static readonly Option<int?> Capacity = new("--capacity") { Description = "Number of visits (rows) to keep, e.g. 20 per inspector per month (default: Alerts:Targets:DefaultCapacity)." };
    private static readonly Option<string?> AsOf = AlertsCli.ListAsOf("targets");
    private static readonly Option<string?> Out = AlertsCli.OutFile("targets.csv");

    public static Command Create()
    {
        var command = new Command("targets", "Enterprises ranked by inspection risk (0..100), each factor with its points.");
        foreach (var option in new Option[] { Province, District, Capacity, AsOf, Out })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => AlertsCli.Guard("targets", () => RunAsync(parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        AlertsCli.Date(parse, AsOf); // a malformed date is refused before the database is opened
        if (parse.GetValue(Capacity) is < 0)
        {
            throw new ArgumentException("--capacity must be 0 (no cut) or positive.");
        }

        using var services = CliServices.Build(parse);
        var asOf = AlertsCli.Date(parse, AsOf, services);
        var answer = await services.GetRequiredService<TargetService>().ReadAsync(new TargetQuery(parse.GetValue(Province), parse.GetValue(District), parse.GetValue(Capacity)), asOf, ct);
        var rows = answer.Rows;
        if (parse.GetValue(Out) is { Length: > 0 } file)
        {
            CsvExport.Write(file, TargetRow.Columns, rows.Select(r => r.Cells()));
            AnsiConsole.MarkupLine($"Wrote {rows.Count:N0} targets to {AlertsCli.Markup(Path.GetFullPath(file))}");
        }

        var table = new Table().AddColumns("#", "enterprise_id", "name", "district", "score", "reasons", "last inspected");
        foreach (var r in rows)
        {
            table.AddRow(
                r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AlertsCli.Markup(r.EnterpriseId),
                AlertsCli.Markup(r.NameEn ?? r.NameKm),
                AlertsCli.Markup(r.District),
                $"[bold]{r.RiskScore}[/]",
                AlertsCli.Markup(r.Reasons),
                AlertsCli.Markup(r.LastInspectedOn ?? "never"));
        }

        AlertsCli.Write(table);
        AnsiConsole.MarkupLine($"{rows.Count:N0} targets; {AlertsCli.RunLine(answer)}.");
        return 0;
    }
}
