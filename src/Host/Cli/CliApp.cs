using System.CommandLine;
using Microsoft.Extensions.Options;

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

        // A wrong setting is the operator's to fix, not a crash: one line per setting on stderr, exit code 2.
        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(invocation);
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("Configuration error:");
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }

            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What System.CommandLine's default handler does, which the line above turns off for every exception.
            await Console.Error.WriteLineAsync("Unhandled exception: " + e);
            return 1;
        }
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
