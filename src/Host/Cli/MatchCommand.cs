using System.CommandLine;

namespace Integration.Host.Cli;

internal static class MatchCommand
{
    public static Command Create()
    {
        var command = new Command("match", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'match' is not built yet.");
            return 2;
        });
        return command;
    }
}
