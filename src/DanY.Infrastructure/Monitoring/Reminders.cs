using System.Globalization;
using System.Net.Mail;
using System.Text;
using DanY.Domain.Accounts;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DanY.Infrastructure.Monitoring;

/// <summary>
/// Where reminder e-mails go: a folder of .eml files under the data path by default ("outbox"), or an SMTP
/// server when <c>Monitoring:Smtp:Host</c> is set (<c>Port</c>, <c>From</c>, <c>EnableSsl</c>, <c>User</c>, <c>Password</c>).
/// </summary>
public sealed class MailOutbox(IConfiguration configuration, DatabaseSettings settings)
{
    public string Folder => Path.Combine(settings.DataPath, "outbox");

    public string From => configuration["Monitoring:Smtp:From"] is { Length: > 0 } f ? f : "dany@localhost";

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        using var message = new MailMessage(From, to, subject, body) { BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8 };
        string? host = configuration["Monitoring:Smtp:Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            Directory.CreateDirectory(Folder);
            using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Folder };
            await client.SendMailAsync(message, ct).ConfigureAwait(false);
            return;
        }
        using var smtp = new SmtpClient(host, int.TryParse(configuration["Monitoring:Smtp:Port"], NumberStyles.None, CultureInfo.InvariantCulture, out int port) ? port : 25)
        {
            EnableSsl = string.Equals(configuration["Monitoring:Smtp:EnableSsl"], "true", StringComparison.OrdinalIgnoreCase),
        };
        if (configuration["Monitoring:Smtp:User"] is { Length: > 0 } user)
            smtp.Credentials = new System.Net.NetworkCredential(user, configuration["Monitoring:Smtp:Password"]);
        await smtp.SendMailAsync(message, ct).ConfigureAwait(false);
    }
}

public sealed record ReminderRun(int Created, int Emails);

/// <summary>
/// Reminders (đôn đốc) before and after deadlines: a few days before the due day to reporters with nothing
/// sent, and after it to those still missing or returned. Each (unit, period, kind) is reminded once, shown in
/// the app and e-mailed to the unit's editors.
/// </summary>
public sealed class ReminderService(SituationMonitoring monitoring, MailOutbox outbox)
{
    public async Task<ReminderRun> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        var db = monitoring.Db;
        int created = 0, emails = 0;
        var obligations = await db.ReportingObligations.Include(o => o.ReportersRoot).Include(o => o.Recipient).Where(o => o.Active).ToListAsync(ct).ConfigureAwait(false);
        foreach (var o in obligations)
        {
            var periods = await monitoring.EnsurePeriodsAsync(o, today.AddDays(-30), today.AddDays(o.RemindDaysBefore), ct).ConfigureAwait(false);
            foreach (var p in periods)
            {
                var kind = p.Due >= today ? ReminderKind.BeforeDue : ReminderKind.Overdue;
                var matrix = await monitoring.ComputeMatrixAsync(o, o.ReportersRoot!, o.ReportersRoot!.Path, p.Due, p.Due, ct).ConfigureAwait(false);
                var targets = matrix.Units.Where(u => matrix.Cell(u.Id, p.Id).State is Timeliness.Missing or Timeliness.Returned or Timeliness.Pending).ToList();
                var already = (await db.Reminders.Where(r => r.PeriodId == p.Id && r.Kind == kind).Select(r => r.UnitId).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
                foreach (var unit in targets.Where(u => !already.Contains(u.Id)))
                {
                    string text = kind == ReminderKind.BeforeDue
                        ? $"{unit.Name}: hạn nộp \"{o.Title}\" kỳ {p.Label} là ngày {DisplayDate.Of(p.Due)}; đơn vị chưa gửi báo cáo."
                        : $"{unit.Name}: đã quá hạn nộp \"{o.Title}\" kỳ {p.Label} (hạn {DisplayDate.Of(p.Due)}); đề nghị gửi báo cáo ngay.";
                    var reminder = new Reminder(unit.Id, p.Id, kind, text, DateTime.UtcNow);
                    var editors = await (from r in db.UnitRoles
                                         join s in db.Users on r.UserId equals s.Id
                                         where r.Role >= UnitRole.Editor && r.UnitId == unit.Id && s.Email != null
                                         select s.Email!).Distinct().ToListAsync(ct).ConfigureAwait(false);
                    foreach (var email in editors)
                    {
                        await outbox.SendAsync(email, (kind == ReminderKind.BeforeDue ? "[DanY] Sắp đến hạn báo cáo: " : "[DanY] Quá hạn báo cáo: ") + p.Label,
                            text + "\n\nMở DanY, mục \"Nắm tình hình Nhân dân\", để soạn và gửi báo cáo.", ct).ConfigureAwait(false);
                        emails++;
                    }
                    reminder.EmailsQueued = editors.Count;
                    db.Reminders.Add(reminder);
                    created++;
                }
            }
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return new ReminderRun(created, emails);
    }

    /// <summary>The deadlines of the obligations as an iCalendar feed (RFC 5545), one all-day event per period.</summary>
    public static string Calendar(IEnumerable<(ReportingObligation Obligation, ReportingPeriod Period)> items, DateTime stampUtc)
    {
        var sb = new StringBuilder();
        void Line(string text)
        {
            // Lines are folded at 75 octets; continuation lines start with a space.
            var bytes = Encoding.UTF8.GetBytes(text);
            int start = 0, limit = 75;
            while (bytes.Length - start > limit)
            {
                int cut = start + limit;
                while (cut > start && (bytes[cut] & 0xC0) == 0x80) cut--;
                sb.Append(Encoding.UTF8.GetString(bytes, start, cut - start)).Append("\r\n ");
                start = cut;
                limit = 74;
            }
            sb.Append(Encoding.UTF8.GetString(bytes, start, bytes.Length - start)).Append("\r\n");
        }
        static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//DanY//Nam tinh hinh Nhan dan//VI");
        Line("CALSCALE:GREGORIAN");
        Line("X-WR-CALNAME:Hạn báo cáo DanY");
        string stamp = stampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var (o, p) in items)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:dany-period-{p.Id.ToString(CultureInfo.InvariantCulture)}@dany");
            Line("DTSTAMP:" + stamp);
            Line("DTSTART;VALUE=DATE:" + p.Due.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("DTEND;VALUE=DATE:" + p.Due.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape($"Hạn nộp: {o.Title} – {p.Label}"));
            Line("DESCRIPTION:" + Escape($"Kỳ từ {DisplayDate.Of(p.Start)} đến {DisplayDate.Of(p.End)}. {o.ScheduleText()}."));
            Line("BEGIN:VALARM");
            Line("ACTION:DISPLAY");
            Line("DESCRIPTION:" + Escape("Sắp đến hạn báo cáo"));
            Line("TRIGGER:-P" + Math.Max(1, o.RemindDaysBefore).ToString(CultureInfo.InvariantCulture) + "D");
            Line("END:VALARM");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }
}
