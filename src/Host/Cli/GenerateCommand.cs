using System.CommandLine;

namespace Integration.Host.Cli;

internal static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'generate' is not built yet.");
            return 2;
        });
        return command;
    }
}
