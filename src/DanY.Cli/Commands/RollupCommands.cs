using System.CommandLine;
using System.Globalization;
using System.Security.Claims;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Synthesis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Cli.Commands;

/// <summary><c>synthesis submit</c>: a unit sends its synthesis to the unit above along its reporting line.</summary>
internal static class RollupCommands
{
    public static Command Submit()
    {
        var command = new Command("submit", "Gửi bản tổng hợp của đơn vị lên cấp trên (gửi lại thay bản trước) / submit a unit's synthesis to the unit above (replaces an earlier one).");
        var consultation = new Option<int>("--consultation") { Description = "Mã đợt lấy ý kiến (consultations list) / consultation id", Required = true };
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị gửi / submitting unit code", Required = true };
        var user = new Option<string?>("--user") { Description = "E-mail tài khoản cán bộ gửi (kiểm tra quyền biên tập) / staff account submitting (checked for the editor role); without it the operator submits" };
        command.Options.Add(consultation);
        command.Options.Add(unit);
        command.Options.Add(user);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            var rollup = scope.ServiceProvider.GetRequiredService<RollupService>();
            ClaimsPrincipal? principal = null;
            if (parseResult.GetValue(user) is { Length: > 0 } email)
            {
                string? id = await db.Users.Where(u => u.NormalizedEmail == email.Trim().ToUpperInvariant()).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
                if (id is null)
                {
                    await Console.Error.WriteLineAsync($"Không có tài khoản {email} / no account {email}.");
                    return 2;
                }
                principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email)], "cli"));
            }
            try
            {
                int consultationId = parseResult.GetValue(consultation);
                string code = parseResult.GetValue(unit)!;
                var unitIds = db.Units.Where(u => u.Code == code.Trim()).Select(u => u.Id);
                int replaced = await db.Set<Domain.Synthesis.RollupSubmission>().CountAsync(s => s.ConsultationId == consultationId && s.IsCurrent && unitIds.Contains(s.UnitId), cancellationToken);
                var submission = await rollup.SubmitAsync(principal, consultationId, code, cancellationToken);
                string parent = await db.Units.Where(u => u.Id == submission.ParentUnitId).Select(u => u.Code).SingleAsync(cancellationToken);
                Console.WriteLine(string.Join('\t', "submission", submission.Id.ToString(CultureInfo.InvariantCulture), "unit", code, "parent", parent,
                    "run", submission.RunId?.ToString(CultureInfo.InvariantCulture) ?? "", "comments", submission.Comments.ToString(CultureInfo.InvariantCulture),
                    "groups", submission.Groups.ToString(CultureInfo.InvariantCulture), "replaced", replaced.ToString(CultureInfo.InvariantCulture)));
                return 0;
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or RollupForbiddenException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return ex is RollupForbiddenException ? 3 : 2;
            }
        });
        return command;
    }
}
