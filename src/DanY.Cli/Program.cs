using System.CommandLine;
using DanY.Cli.Commands;

// Each feature contributes one command tree; keep this list in the order `dany --help` shows it.
var root = new RootCommand("DanY (Dân ý): lấy ý kiến dự thảo văn kiện và nắm tình hình Nhân dân.");
foreach (var command in new[]
{
    DatabaseCommands.Migrate(),
    DatabaseCommands.Seed(),
    PlanCommands.Plans(),
})
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
