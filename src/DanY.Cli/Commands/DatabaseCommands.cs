using System.CommandLine;

namespace DanY.Cli.Commands;

internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Apply database migrations.");
        command.SetAction(_ => 0);
        return command;
    }

    public static Command Seed()
    {
        var command = new Command("seed", "Seed the demo data.");
        command.SetAction(_ => 0);
        return command;
    }
}
