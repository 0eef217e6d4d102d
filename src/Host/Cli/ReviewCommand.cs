using System.CommandLine;

namespace Integration.Host.Cli;

internal static class ReviewCommand
{
    public static Command Create()
    {
        var command = new Command("review", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("'review' is not built yet.");
            return 2;
        });
        return command;
    }
}
