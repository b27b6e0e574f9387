using System.CommandLine;
using System.Globalization;
using DanY.Documents.Pdf;
using DanY.Documents.Reports;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Jobs;
using DanY.Infrastructure.Synthesis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DanY.Cli.Commands;

/// <summary><c>consultations list</c> and <c>synthesis run|report</c>: the stored synthesis on the web app's database.</summary>
internal static class SynthesisWorkspaceCommands
{
    public static Command Consultations()
    {
        var command = new Command("consultations", "Các đợt lấy ý kiến / consultations.");
        var list = new Command("list", "In mỗi đợt một dòng: id<TAB>trạng thái<TAB>tên / one line per consultation: id, status, title.");
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            foreach (var c in await db.Consultations.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Status, c.Title }).ToListAsync(cancellationToken))
            {
                Console.WriteLine(string.Join('\t', c.Id.ToString(CultureInfo.InvariantCulture), c.Status.ToString().ToLowerInvariant(), c.Title));
            }
            return 0;
        });
        command.Subcommands.Add(list);
        command.Subcommands.Add(CommentGeneratorCommands.GenerateComments());
        return command;
    }

    public static Command Synthesis()
    {
        var command = new Command("synthesis", "Tổng hợp ý kiến đã lưu, báo cáo / stored synthesis and its report.");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Report());
        command.Subcommands.Add(RollupCommands.Submit());
        command.Subcommands.Add(SynthesisCheckCommand.Create());
        return command;
    }

    private static Option<int> ConsultationOption() => new("--consultation") { Description = "Mã đợt lấy ý kiến (consultations list) / consultation id", Required = true };

    private static Command Run()
    {
        var command = new Command("run", "Chạy hoặc làm mới bản tổng hợp (gộp ý kiến mới vào bản đã có), có thanh tiến độ / run or refresh the synthesis (folding new comments in) with a progress bar.");
        var consultation = ConsultationOption();
        var full = new Option<bool>("--full") { Description = "Tổng hợp lại toàn bộ thay vì gộp ý kiến mới / recompute everything instead of folding new comments in" };
        command.Options.Add(consultation);
        command.Options.Add(full);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<SynthesisJobQueue>();
            var store = scope.ServiceProvider.GetRequiredService<SynthesisStore>();
            var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            int id = parseResult.GetValue(consultation);
            SynthesisJob job;
            try
            {
                job = await queue.EnqueueAsync(id, "cli", parseResult.GetValue(full), cancellationToken);
            }
            catch (KeyNotFoundException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            SynthesisJob? finished = null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var stages = new List<(string Stage, TimeSpan At)>();
            if (job.Status == JobStatus.Running)
            {
                // The web app's runner (or another CLI) has it: follow its progress from the table.
                await Console.Error.WriteLineAsync($"Công việc {job.Id} đang chạy ở nơi khác; theo dõi tiến độ / job {job.Id} is running elsewhere; following it.");
                await err.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("tổng hợp", maxValue: 1.0);
                        while (true)
                        {
                            var current = await queue.FindAsync(job.Id, cancellationToken);
                            if (current is null) break;
                            task.Value = current.Progress;
                            task.Description = "tổng hợp: " + current.Stage;
                            if (!current.IsActive)
                            {
                                finished = current;
                                break;
                            }
                            await Task.Delay(500, cancellationToken);
                        }
                    });
            }
            else if (await queue.ClaimAsync(job.Id, cancellationToken))
            {
                await err.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("tổng hợp", maxValue: 1.0);
                        var progress = new Progress<StoreProgress>(p =>
                        {
                            task.Value = p.Fraction;
                            task.Description = "tổng hợp: " + p.Stage;
                            if (stages.Count == 0 || !string.Equals(stages[^1].Stage, p.Stage, StringComparison.Ordinal)) stages.Add((p.Stage, clock.Elapsed));
                        });
                        finished = await queue.ExecuteAsync(job.Id, store, progress, cancellationToken);
                        task.Value = 1;
                    });
            }
            else
            {
                finished = await queue.FindAsync(job.Id, cancellationToken);
            }
            if (stages.Count > 0)
            {
                // Where the time went, for bench/RESULTS.md: each stage from its first report to the next stage's.
                var parts = stages.Select((s, i) => string.Create(CultureInfo.InvariantCulture,
                    $"{s.Stage} {((i + 1 < stages.Count ? stages[i + 1].At : clock.Elapsed) - s.At).TotalSeconds:F1} s"));
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", parts)}; total {clock.Elapsed.TotalSeconds:F1} s"));
            }
            if (finished is null || finished.Status != JobStatus.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Tổng hợp không thành công / synthesis failed: {finished?.Error}");
                return 1;
            }
            var run = await scope.ServiceProvider.GetRequiredService<DanYDbContext>().SynthesisRuns.AsNoTracking().SingleAsync(r => r.Id == finished.RunId, cancellationToken);
            int groups = await scope.ServiceProvider.GetRequiredService<DanYDbContext>().SynthesisGroups.CountAsync(g => g.RunId == run.Id, cancellationToken);
            Console.WriteLine(string.Join('\t', "run", run.Id.ToString(CultureInfo.InvariantCulture), "comments", run.Comments.ToString(CultureInfo.InvariantCulture),
                "groups", groups.ToString(CultureInfo.InvariantCulture), "engine", run.EngineVersion, "input", run.InputHash,
                "folds", run.Folds.ToString(CultureInfo.InvariantCulture)));
            return 0;
        });
        return command;
    }

    private static Command Report()
    {
        var command = new Command("report", "Xuất báo cáo tổng hợp DOCX (phụ lục XLSX, PDF) / write the synthesis report.");
        var consultation = ConsultationOption();
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị ban hành báo cáo / issuing unit code", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Tệp DOCX / output DOCX", Required = true };
        var appendix = new Option<FileInfo?>("--appendix") { Description = "Phụ lục XLSX mọi ý kiến và nhóm / XLSX appendix" };
        var pdf = new Option<FileInfo?>("--pdf") { Description = "PDF qua LibreOffice nếu có / PDF through LibreOffice when installed" };
        command.Options.Add(consultation);
        command.Options.Add(unit);
        command.Options.Add(output);
        command.Options.Add(appendix);
        command.Options.Add(pdf);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var builder = scope.ServiceProvider.GetRequiredService<SynthesisReportBuilder>();
            int id = parseResult.GetValue(consultation);
            SynthesisReport report;
            try
            {
                report = await builder.BuildAsync(id, parseResult.GetValue(unit)!, cancellationToken);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            byte[] docx = DocxReportWriter.ToBytes(report.Document);
            var outFile = parseResult.GetValue(output)!;
            await File.WriteAllBytesAsync(outFile.FullName, docx, cancellationToken);
            await Console.Error.WriteLineAsync($"Đã ghi {outFile.FullName}: {report.Figures.Comments} ý kiến, {report.Figures.ReportedGroups} nhóm được nêu.");
            if (parseResult.GetValue(appendix) is { } xlsx)
            {
                await using var stream = File.Create(xlsx.FullName);
                await builder.WriteAppendixAsync(id, stream, cancellationToken);
                await Console.Error.WriteLineAsync($"Đã ghi phụ lục {xlsx.FullName}.");
            }
            if (parseResult.GetValue(pdf) is { } pdfFile)
            {
                var result = await new LibreOfficePdfConverter().ConvertAsync(docx, cancellationToken: cancellationToken);
                if (!result.Succeeded)
                {
                    await Console.Error.WriteLineAsync($"{result.VietnameseMessage} / {result.EnglishMessage}");
                    return 3;
                }
                await File.WriteAllBytesAsync(pdfFile.FullName, result.Pdf!, cancellationToken);
                await Console.Error.WriteLineAsync($"Đã ghi {pdfFile.FullName}.");
            }
            return 0;
        });
        return command;
    }
}
