using System.Globalization;
using System.Text;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Reporting;

internal static class ReportingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
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

    /// <summary>RFC 4180 quoting, with a leading apostrophe against spreadsheet formulas.</summary>
    internal static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
