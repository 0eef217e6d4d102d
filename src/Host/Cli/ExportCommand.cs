using System.CommandLine;

namespace Integration.Host.Cli;

internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'export' is not built yet.");
            return 2;
        });
        return command;
    }
}
