using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Cli.Commands;

/// <summary><c>dany reporting obligations | matrix | remind | ics</c>: situation-report deadlines from the command line.</summary>
internal static class ReportingCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var command = new Command("reporting", "Nghĩa vụ báo cáo, bảng theo dõi nộp báo cáo, nhắc việc / Reporting obligations, completeness matrix, reminders.");
        command.Subcommands.Add(Obligations());
        command.Subcommands.Add(Matrix());
        command.Subcommands.Add(Remind());
        command.Subcommands.Add(Calendar());
        return command;
    }

    private static Command Obligations()
    {
        var command = new Command("obligations", "Liệt kê nghĩa vụ báo cáo / List reporting obligations (JSON).");
        command.SetAction(async (parseResult, ct) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            var list = await db.ReportingObligations.AsNoTracking().Include(o => o.ReportersRoot).Include(o => o.Recipient).OrderBy(o => o.Id).ToListAsync(ct);
            Console.WriteLine(JsonSerializer.Serialize(list.Select(o => new
            {
                id = o.Id, title = o.Title, reporters = o.ReportersRoot!.Code, level = o.ReporterLevel?.ToString(), recipient = o.Recipient!.Code,
                schedule = o.ScheduleText(), rrule = o.RRule(), active = o.Active,
            }), Json));
            return 0;
        });
        return command;
    }

    private static Command Matrix()
    {
        var command = new Command("matrix", "Bảng đúng hạn/chậm/chưa nộp/trả lại theo đơn vị và kỳ / Completeness and timeliness matrix (JSON).");
        var obligation = new Option<int>("--obligation") { Description = "Mã nghĩa vụ báo cáo / obligation id", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Mã đơn vị gốc của cây con / root unit code (default: all reporters)" };
        var months = new Option<int>("--months") { Description = "Số tháng gần nhất / months back (default 6)", DefaultValueFactory = _ => 6 };
        command.Options.Add(obligation);
        command.Options.Add(unit);
        command.Options.Add(months);
        command.SetAction(async (parseResult, ct) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var monitoring = scope.ServiceProvider.GetRequiredService<SituationMonitoring>();
            var today = monitoring.Today;
            ReportingMatrix m;
            try
            {
                m = await monitoring.MatrixForOperatorAsync(parseResult.GetValue(obligation), parseResult.GetValue(unit), today.AddMonths(-Math.Clamp(parseResult.GetValue(months), 1, 60)), today.AddMonths(1), ct);
            }
            catch (MonitoringNotFoundException)
            {
                await Console.Error.WriteLineAsync("Không tìm thấy nghĩa vụ hoặc đơn vị / Obligation or unit not found.");
                return 2;
            }
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                obligation = m.ObligationTitle,
                root = m.RootUnitName,
                periods = m.Periods.Select(p =>
                {
                    var r = m.Rates.Single(x => x.PeriodId == p.Id);
                    return new
                    {
                        key = p.Key, label = p.Label, due = p.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        expected = r.Expected, onTime = r.OnTime, late = r.Late, missing = r.Missing, returned = r.Returned, pending = r.Pending,
                        completeness = Math.Round(r.Completeness, 4), onTimeRate = Math.Round(r.OnTimeRate, 4),
                    };
                }),
                units = m.Units.Select(u => new
                {
                    code = u.Code, name = u.Name,
                    states = m.Periods.ToDictionary(p => p.Key, p => m.Cell(u.Id, p.Id).State.ToString(), StringComparer.Ordinal),
                }),
            }, Json));
            return 0;
        });
        return command;
    }

    private static Command Remind()
    {
        var command = new Command("remind", "Tạo nhắc việc trước/sau hạn và gửi thư vào hộp thư đi / Create reminders and queue e-mails.");
        var date = new Option<string?>("--date") { Description = "Ngày chạy (yyyy-MM-dd), mặc định hôm nay / run as of this day" };
        command.Options.Add(date);
        command.SetAction(async (parseResult, ct) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var monitoring = scope.ServiceProvider.GetRequiredService<SituationMonitoring>();
            var day = monitoring.Today;
            if (parseResult.GetValue(date) is { Length: > 0 } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                await Console.Error.WriteLineAsync($"Ngày không hợp lệ: {text} (yyyy-MM-dd) / invalid date.");
                return 2;
            }
            var run = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(day, ct);
            Console.WriteLine(JsonSerializer.Serialize(new { date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reminders = run.Created, emails = run.Emails, outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>().Folder }, Json));
            return 0;
        });
        return command;
    }

    private static Command Calendar()
    {
        var command = new Command("ics", "Lịch hạn báo cáo dạng iCalendar / Deadlines as an iCalendar (.ics) feed on stdout.");
        command.SetAction(async (parseResult, ct) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var monitoring = scope.ServiceProvider.GetRequiredService<SituationMonitoring>();
            var today = monitoring.Today;
            var items = new List<(ReportingObligation, ReportingPeriod)>();
            foreach (var o in await monitoring.Db.ReportingObligations.Where(o => o.Active).ToListAsync(ct))
                foreach (var p in await monitoring.EnsurePeriodsAsync(o, today.AddMonths(-3), today.AddMonths(12), ct)) items.Add((o, p));
            Console.Write(ReminderService.Calendar(items.OrderBy(i => i.Item2.Due), DateTime.UtcNow));
            return 0;
        });
        return command;
    }
}
