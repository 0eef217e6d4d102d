using System.CommandLine;

namespace Integration.Host.Cli;

internal static class IngestCommand
{
    public static Command Create()
    {
        var command = new Command("ingest", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'ingest' is not built yet.");
            return 2;
        });
        return command;
    }
}
