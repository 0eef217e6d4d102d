using System.CommandLine;

namespace Integration.Host.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'serve' is not built yet.");
            return 2;
        });
        return command;
    }
}
