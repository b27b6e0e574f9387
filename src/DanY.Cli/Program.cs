using System.CommandLine;
using System.Text;
using DanY.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
// Each feature contributes one command tree; keep this list in the order `dany --help` shows it.
var root = new RootCommand("DanY (Dân ý): lấy ý kiến dự thảo văn kiện và nắm tình hình Nhân dân.");
root.Options.Add(CliHost.ProviderOption);
root.Options.Add(CliHost.ConnectionOption);
root.Options.Add(CliHost.DataPathOption);
foreach (var command in new[]
{
    DatabaseCommands.Migrate(),
    DatabaseCommands.Seed(),
    UnitCommands.Units(),
    UserCommands.Users(),
    SynthesisCommands.Synthesize(),
    SynthesisCommands.Pairs(),
    ClassifyCommands.Create(),
    PlanCommands.Plans(),
    ConsultationCommands.Comments(),
    ReportingCommands.Create(),
    SynthesisWorkspaceCommands.Consultations(),
    SynthesisWorkspaceCommands.Synthesis(),
})
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
