using System.CommandLine;
using DanY.Domain.Accounts;
using DanY.Infrastructure;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Cli.Commands;

internal static class UserCommands
{
    public static Command Users()
    {
        var command = new Command("users", "Tài khoản cán bộ / Staff accounts.");
        command.Subcommands.Add(CreateAdmin());
        return command;
    }

    private static Command CreateAdmin()
    {
        var command = new Command("create-admin", "Tạo quản trị viên toàn hệ thống / Create a system administrator (Administrator at the root unit).");
        var email = new Option<string>("--email") { Description = "Thư điện tử đăng nhập / log-in e-mail", Required = true };
        var password = new Option<string?>("--password") { Description = "Mật khẩu (bỏ trống để sinh ngẫu nhiên) / password (random if omitted)" };
        command.Options.Add(email);
        command.Options.Add(password);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await host.Services.InitialiseDanYDatabaseAsync(host.Services.GetRequiredService<IConfiguration>(), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            string address = parseResult.GetValue(email)!.Trim();
            string secret = parseResult.GetValue(password) is { Length: > 0 } given ? given : Passwords.Generate();
            var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (root is null)
            {
                await Console.Error.WriteLineAsync("Chưa có đơn vị gốc; hãy chạy `seed` trước / No root unit; run `seed` first.");
                return 1;
            }
            if (await users.FindByEmailAsync(address) is not null)
            {
                await Console.Error.WriteLineAsync($"Tài khoản {address} đã tồn tại / The account already exists.");
                return 1;
            }
            var user = new StaffUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = "Quản trị viên" };
            var result = await users.CreateAsync(user, secret);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync($"{e.Code}: {e.Description}");
                return 1;
            }
            db.UnitRoles.Add(new UnitRoleAssignment(user.Id, root.Id, UnitRole.Administrator));
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine(parseResult.GetValue(password) is { Length: > 0 }
                ? $"Đã tạo quản trị viên {address}."
                : $"Đã tạo quản trị viên {address}, mật khẩu {secret}");
            return 0;
        });
        return command;
    }
}
