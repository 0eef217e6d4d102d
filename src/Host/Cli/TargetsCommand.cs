using System.CommandLine;

namespace Integration.Host.Cli;

internal static class TargetsCommand
{
    public static Command Create()
    {
        var command = new Command("targets", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'targets' is not built yet.");
            return 2;
        });
        return command;
    }
}
