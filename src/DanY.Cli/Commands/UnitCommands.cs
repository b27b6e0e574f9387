using System.CommandLine;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Cli.Commands;

internal static class UnitCommands
{
    public static Command Units()
    {
        var command = new Command("units", "Cây đơn vị / The unit tree.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Import());
        return command;
    }

    /// <summary>code TAB name TAB parent code, root first, depth-first with siblings by code.</summary>
    private static Command List()
    {
        var command = new Command("list", "Liệt kê đơn vị: mã<TAB>tên<TAB>mã cấp trên / List units: code<TAB>name<TAB>parent code.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Name, u.ParentId }).ToListAsync(cancellationToken);
            var codes = units.ToDictionary(u => u.Id, u => u.Code);
            var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
            var stack = new Stack<(int Id, string Code, string Name, int? ParentId)>(
                units.Where(u => u.ParentId is null).OrderByDescending(u => u.Code, StringComparer.Ordinal).Select(u => (u.Id, u.Code, u.Name, u.ParentId)));
            using var stdout = Console.OpenStandardOutput();
            using var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            while (stack.Count > 0)
            {
                var u = stack.Pop();
                await writer.WriteLineAsync($"{u.Code}\t{u.Name}\t{(u.ParentId is int p ? codes[p] : "")}");
                foreach (var c in children[u.Id].OrderByDescending(c => c.Code, StringComparer.Ordinal)) stack.Push((c.Id, c.Code, c.Name, c.ParentId));
            }
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var command = new Command("import", "Nhập đơn vị từ tệp CSV/XLSX (kiểm tra từng dòng, chỉ ghi khi không có lỗi) / Import units from CSV or XLSX.");
        var file = new Argument<FileInfo>("file") { Description = "Tệp .csv hoặc .xlsx / a .csv or .xlsx file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ kiểm tra, không ghi / validate only" };
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var info = parseResult.GetValue(file)!;
            if (!info.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp {info.FullName} / File not found.");
                return 2;
            }
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DanYDbContext>().Database.MigrateAsync(cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<UnitImporter>();
            UnitImportPreview preview;
            await using (var stream = info.OpenRead())
            {
                preview = await importer.PreviewAsync(stream, info.Name, grants: null, cancellationToken);
            }
            foreach (var e in preview.Errors)
                await Console.Error.WriteLineAsync(e.Line > 0 ? $"Dòng {e.Line}: {e.Message}" : e.Message);
            if (!preview.CanCommit)
            {
                await Console.Error.WriteLineAsync($"{preview.Errors.Count} lỗi, không ghi gì / {preview.Errors.Count} error(s), nothing imported.");
                return 1;
            }
            if (parseResult.GetValue(dryRun))
            {
                await Console.Error.WriteLineAsync($"Hợp lệ: {preview.Creates} thêm mới, {preview.Updates} cập nhật (chưa ghi) / valid, not written.");
                return 0;
            }
            int changed = await importer.CommitAsync(preview, cancellationToken);
            await Console.Error.WriteLineAsync($"Đã nhập {changed} đơn vị ({preview.Creates} thêm mới, {preview.Updates} cập nhật) / imported.");
            return 0;
        });
        return command;
    }
}
