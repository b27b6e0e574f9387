using DanY.Documents.Reports;
using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using DanY.Infrastructure.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Reporting;

/// <summary>
/// Renders a situation report (compiled or not) as DOCX in the layout of the unit's system: Party units in
/// the 36-HD layout, the Front, unions and state bodies in the ND 30 layout.
/// </summary>
internal static class CompiledDocx
{
    public static async Task<(byte[] Bytes, string FileName)> BuildAsync(SituationMonitoring monitoring, ReportCompiler compiler, SituationReport report, CancellationToken ct)
    {
        var db = monitoring.Db;
        var unit = report.Unit ?? await db.Units.AsNoTracking().SingleAsync(u => u.Id == report.UnitId, ct);
        var parent = unit.ParentId is int pid ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == pid, ct) : null;
        var period = report.Period!;
        var obligation = period.Obligation ?? await db.ReportingObligations.AsNoTracking().SingleAsync(o => o.Id == period.ObligationId, ct);
        var recipient = await db.Units.AsNoTracking().SingleAsync(u => u.Id == obligation.RecipientUnitId, ct);
        var province = await db.Units.AsNoTracking().SingleAsync(u => u.Id == obligation.ReportersRootUnitId, ct);
        bool party = unit.System == UnitSystem.Party;

        var body = new List<ReportBlock>();
        var c = report.Content;
        void Part(int n, string title, string text)
        {
            body.Add(new ReportHeading(1, title.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))));
            foreach (var line in Lines(text)) body.Add(line.StartsWith("- ", StringComparison.Ordinal) ? new ReportBullet(line[2..]) : new ReportParagraph(line));
            if (!Lines(text).Any()) body.Add(new ReportParagraph("Không có nội dung nổi bật."));
        }
        Part(1, MonitoringLabels.GeneralSituation, c.GeneralSituation);
        Part(2, MonitoringLabels.MoodsOverall, c.MoodsOverall);
        foreach (var (group, text) in c.GroupMoods)
        {
            body.Add(new ReportHeading(2, MonitoringLabels.Of(group)));
            foreach (var line in Lines(text)) body.Add(line.StartsWith("- ", StringComparison.Ordinal) ? new ReportBullet(line[2..]) : new ReportParagraph(line));
        }
        Part(3, MonitoringLabels.PublicOpinion, c.PublicOpinion);
        Part(4, MonitoringLabels.ComplicatedCases, c.ComplicatedCases);
        var counts = report.Counts;
        var previous = await monitoring.PreviousAsync(report, ct);
        body.Add(new ReportTable(
            ["Nội dung", "Kỳ này", "Kỳ trước", "Tăng (+), giảm (-)"],
            counts.Items().Select(i =>
            {
                int? prev = previous?.Counts.Items().First(p => string.Equals(p.Key, i.Key, StringComparison.Ordinal)).Value;
                return (IReadOnlyList<string>)[i.Label, ReportText.Number(i.Value), prev is int pv ? ReportText.Number(pv) : "—", prev is int pv2 ? (i.Value - pv2).ToString("+#;-#;0", System.Globalization.CultureInfo.InvariantCulture) : "—"];
            }).ToList(),
            [4, 1.3, 1.3, 1.6], "Số vụ việc phức tạp trong kỳ, so với kỳ trước"));
        if (report.IsCompiled)
        {
            var children = await compiler.BreakdownAsync(report.PeriodId, ct);
            var rows = children.Select(ch => (IReadOnlyList<string>)new[] { ch.UnitName }.Concat(ch.Counts.Items().Take(4).Select(i => ReportText.Number(i.Value))).ToList()).ToList();
            var sum = children.Aggregate(SituationCounts.Zero, (s, x) => s + x.Counts);
            rows.Add(new[] { $"Tổng cộng ({children.Count} đơn vị)" }.Concat(sum.Items().Take(4).Select(i => ReportText.Number(i.Value))).ToList());
            body.Add(new ReportParagraph([new ReportRun("Số liệu theo đơn vị (phụ lục):", Italic: true)]));
            body.Add(new ReportTable(["Đơn vị", "Đơn thư KN, TC", "Khiếu kiện đông người", "Điểm nóng", "Thông tin xấu độc"], rows, [3.2, 1.3, 1.3, 1.1, 1.3], BoldLastRow: true));
            var trend = await compiler.TrendAsync(obligation.Id, period.Due, 6, ct);
            if (trend.Count >= 2) body.Add(new ReportImage(TrendChart(trend), 160, "Biểu đồ: số vụ việc phức tạp qua các kỳ báo cáo"));
        }
        Part(5, MonitoringLabels.HandlingResults, c.HandlingResults);
        Part(6, MonitoringLabels.Forecast, c.ForecastAndRecommendations);

        var culture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        var doc = new ReportDocument
        {
            System = party ? DocumentSystem.Party : DocumentSystem.State,
            SuperiorBody = parent?.Name.ToUpper(culture),
            IssuingBody = unit.Name.ToUpper(culture),
            Number = null,
            Place = PlaceName(province.Name),
            Date = monitoring.Today,
            TypeTitle = "BÁO CÁO",
            Summary = $"{(report.IsCompiled ? "tổng hợp " : "")}tình hình tư tưởng, tâm trạng của Nhân dân {period.Label.ToLower(culture)} (từ ngày {DisplayDate.Of(period.Start)} đến ngày {DisplayDate.Of(period.End)})",
            Body = body,
            Signature = party ? new ReportSignature("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN") : new ReportSignature("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
            Recipients = [recipient.Name + ",", "Lưu Văn phòng."],
            IsDraft = report.Status != ReportStatus.Accepted && report.IsEditable,
            RestrictionMark = "Lưu hành nội bộ",
        };
        string file = $"bao-cao-tinh-hinh-nhan-dan-{period.Key}-{unit.Code}.docx";
        return (DocxReportWriter.ToBytes(doc), file);
    }

    public static byte[] TrendChart(IReadOnlyList<PeriodTotals> trend, int width = 1200, int height = 600)
    {
        var labels = trend.Select(t => t.Label.Replace("Tháng ", "", StringComparison.Ordinal)).ToList();
        var series = new List<ChartSeries>
        {
            new(MonitoringLabels.Complaints, trend.Select(t => (double)t.Totals.Complaints).ToList()),
            new(MonitoringLabels.MassPetitions, trend.Select(t => (double)t.Totals.MassPetitions).ToList()),
            new(MonitoringLabels.Hotspots, trend.Select(t => (double)t.Totals.Hotspots).ToList()),
            new(MonitoringLabels.HostileContent, trend.Select(t => (double)t.Totals.HostileContent).ToList()),
            new(MonitoringLabels.Resolved, trend.Select(t => (double)t.Totals.Resolved).ToList()),
        };
        return ReportCharts.Line("Số vụ việc phức tạp qua các kỳ", labels, series, "Số vụ việc", width, height);
    }

    /// <summary>"Tỉnh Bắc Ninh" → "Bắc Ninh" for the place line.</summary>
    private static string PlaceName(string name)
    {
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..];
        }
        return name;
    }

    private static IEnumerable<string> Lines(string text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
