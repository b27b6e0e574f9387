using System.CommandLine;
using DanY.Infrastructure;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Cli.Commands;

internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Áp dụng các migration cho cơ sở dữ liệu / Apply database migrations.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"Đã áp dụng {pending.Count} migration ({host.Services.GetRequiredService<DatabaseSettings>().Provider}).");
            return 0;
        });
        return command;
    }

    public static Command Seed()
    {
        var command = new Command("seed", "Tạo dữ liệu ban đầu nếu cơ sở dữ liệu trống / Seed the register and demo data into an empty database.");
        var noDemo = new Option<bool>("--no-demo") { Description = "Chỉ nạp danh mục đơn vị hành chính / only the administrative register" };
        command.Options.Add(noDemo);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            if (await db.Units.AnyAsync(cancellationToken))
            {
                await Console.Error.WriteLineAsync("Cơ sở dữ liệu đã có dữ liệu, không nạp lại / The database is not empty; nothing seeded.");
                return 0;
            }
            var accounts = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(DependencyInjection.SeedOptionsFrom(host.Services.GetRequiredService<IConfiguration>()) with { Demo = !parseResult.GetValue(noDemo) }, cancellationToken);
            await Console.Error.WriteLineAsync($"Đã nạp {await db.Units.CountAsync(cancellationToken)} đơn vị.");
            foreach (var a in accounts) Console.WriteLine($"Tài khoản demo: {a.Email} mật khẩu {a.Password} ({a.Description})");
            return 0;
        });
        return command;
    }
}
