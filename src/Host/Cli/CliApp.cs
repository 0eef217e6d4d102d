using System.CommandLine;

namespace Integration.Host.Cli;

/// <summary>The command line: one file per command, composed here.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Cross-ministry NSSF compliance pipeline: MoC, GDT and NSSF registers ingested, matched and turned into alerts.");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }

    private static IEnumerable<Command> Commands() =>
    [
        GenerateCommand.Create(),
        IngestCommand.Create(),
        MatchCommand.Create(),
        ReviewCommand.Create(),
        EvaluateCommand.Create(),
        CheckCommand.Create(),
        LeadsCommand.Create(),
        TargetsCommand.Create(),
        DuplicatesCommand.Create(),
        ExportCommand.Create(),
        DemoCommand.Create(),
        ServeCommand.Create(),
        UsersCommand.Create(),
        AuditCommand.Create(),
    ];
}
