using System.Globalization;
using System.Text;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Reporting;

internal static class ReportingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // File downloads and form posts of the reporting pages, not part of the documented API.
        endpoints = endpoints.MapGroup(string.Empty).ExcludeFromDescription();
        MapDocuments(endpoints);
        MapCalendarAndReminders(endpoints);
        endpoints.MapGet("/reporting/attachments/{id:int}", async (int id, HttpContext http, SituationMonitoring monitoring, CancellationToken ct) =>
        {
            var attachment = await monitoring.Db.ReportAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (attachment is null) return Results.NotFound();
            try
            {
                await monitoring.LoadAsync(http.User, attachment.ReportId, ct);
            }
            catch (MonitoringForbiddenException)
            {
                return Results.Forbid();
            }
            string path = monitoring.AttachmentPath(attachment);
            if (!File.Exists(path)) return Results.NotFound();
            // Served as a download whatever its type, so that an uploaded HTML file never runs in the app's origin.
            return Results.File(path, "application/octet-stream", attachment.FileName);
        }).RequireAuthorization();

        endpoints.MapGet("/reporting/matrix/{obligationId:int}/export.csv", async (int obligationId, int? unit, int? months, HttpContext http, SituationMonitoring monitoring, CancellationToken ct) =>
        {
            var obligation = await monitoring.Db.ReportingObligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == obligationId, ct);
            if (obligation is null) return Results.NotFound();
            var today = monitoring.Today;
            int n = Math.Clamp(months ?? 6, 1, 24);
            ReportingMatrix matrix;
            try
            {
                matrix = await monitoring.MatrixAsync(http.User, obligationId, unit ?? obligation.ReportersRootUnitId, today.AddMonths(-n), today.AddMonths(1), ct);
            }
            catch (MonitoringForbiddenException)
            {
                return Results.Forbid();
            }
            var csv = new StringBuilder();
            csv.Append("ma_don_vi,don_vi");
            foreach (var p in matrix.Periods) csv.Append(',').Append(p.Key);
            csv.Append("\r\n");
            foreach (var u in matrix.Units)
            {
                csv.Append(Quote(u.Code)).Append(',').Append(Quote(u.Name));
                foreach (var p in matrix.Periods) csv.Append(',').Append(Quote(MonitoringLabels.Of(matrix.Cell(u.Id, p.Id).State)));
                csv.Append("\r\n");
            }
            csv.Append(",Tỷ lệ đã nộp");
            foreach (var r in matrix.Rates) csv.Append(',').Append(r.Completeness.ToString("0.000", CultureInfo.InvariantCulture));
            csv.Append("\r\n");
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "theo-doi-nop-bao-cao.csv");
        }).RequireAuthorization();
    }

    private static void MapDocuments(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reporting/reports/{id:int}/export.docx", async (int id, HttpContext http, SituationMonitoring monitoring, ReportCompiler compiler, CancellationToken ct) =>
        {
            SituationReport report;
            try
            {
                report = await monitoring.LoadAsync(http.User, id, ct);
            }
            catch (MonitoringForbiddenException)
            {
                return Results.Forbid();
            }
            catch (MonitoringNotFoundException)
            {
                return Results.NotFound();
            }
            var (bytes, file) = await CompiledDocx.BuildAsync(monitoring, compiler, report, ct);
            return Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file);
        }).RequireAuthorization();

        endpoints.MapGet("/reporting/compile/{obligationId:int}/trend.png", async (int obligationId, int? until, HttpContext http, SituationMonitoring monitoring, ReportCompiler compiler, CancellationToken ct) =>
        {
            var obligation = await monitoring.Db.ReportingObligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == obligationId, ct);
            if (obligation is null) return Results.NotFound();
            if (!await monitoring.CanReviewAsync(http.User, obligation, ct)) return Results.Forbid();
            var due = until is int pid
                ? await monitoring.Db.ReportingPeriods.Where(p => p.Id == pid && p.ObligationId == obligationId).Select(p => (DateOnly?)p.Due).SingleOrDefaultAsync(ct)
                : null;
            var trend = await compiler.TrendAsync(obligationId, due ?? monitoring.Today, 6, ct);
            return Results.File(CompiledDocx.TrendChart(trend, 1000, 480), "image/png");
        }).RequireAuthorization();
    }

    private static void MapCalendarAndReminders(IEndpointRouteBuilder endpoints)
    {
        // The deadlines of every obligation the person reports under or follows, as an iCalendar feed.
        endpoints.MapGet("/reporting/deadlines.ics", async (HttpContext http, SituationMonitoring monitoring, IPermissionService permissions, CancellationToken ct) =>
        {
            var db = monitoring.Db;
            var today = monitoring.Today;
            var grants = await permissions.GrantsAsync(http.User, ct);
            var units = await db.Units.AsNoTracking().Where(u => grants.Select(g => g.UnitId).Contains(u.Id)).ToListAsync(ct);
            var obligations = await db.ReportingObligations.AsNoTracking().Include(o => o.ReportersRoot).Where(o => o.Active).ToListAsync(ct);
            var items = new List<(ReportingObligation, ReportingPeriod)>();
            foreach (var o in obligations)
            {
                bool mine = units.Any(u => SituationMonitoring.IsReporter(o, u, o.ReportersRoot!.Path)) || await monitoring.CanReviewAsync(http.User, o, ct)
                    || await permissions.CanViewAsync(http.User, o.ReportersRootUnitId, ct);
                if (!mine) continue;
                foreach (var p in await monitoring.EnsurePeriodsAsync(o, today.AddMonths(-3), today.AddMonths(12), ct)) items.Add((o, p));
            }
            string ics = ReminderService.Calendar(items.OrderBy(i => i.Item2.Due), DateTime.UtcNow);
            return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
        }).RequireAuthorization();

        endpoints.MapPost("/reporting/matrix/{obligationId:int}/remind", async (int obligationId, HttpContext http, SituationMonitoring monitoring, ReminderService reminders, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var obligation = await monitoring.Db.ReportingObligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == obligationId, ct);
            if (obligation is null) return Results.NotFound();
            if (!await monitoring.CanReviewAsync(http.User, obligation, ct)) return Results.Forbid();
            var run = await reminders.RunAsync(monitoring.Today, ct);
            return Results.Redirect($"/reporting/matrix/{obligationId}?reminded={run.Created}&emails={run.Emails}");
        }).RequireAuthorization();
    }

    /// <summary>RFC 4180 quoting, with a leading apostrophe against spreadsheet formulas.</summary>
    internal static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
