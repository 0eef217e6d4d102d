using System.CommandLine;

namespace Integration.Host.Cli;

internal static class LeadsCommand
{
    public static Command Create()
    {
        var command = new Command("leads", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'leads' is not built yet.");
            return 2;
        });
        return command;
    }
}
