using System.CommandLine;

namespace Integration.Host.Cli;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'demo' is not built yet.");
            return 2;
        });
        return command;
    }
}
