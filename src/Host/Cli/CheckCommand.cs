using System.CommandLine;

namespace Integration.Host.Cli;

internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'check' is not built yet.");
            return 2;
        });
        return command;
    }
}
