using System.Globalization;
using DanY.Documents.Reports;

namespace DanY.Infrastructure.Dashboards;

/// <summary>
/// The dashboard charts worth printing in the synthesis report (comments per day and per draft section), drawn by
/// <see cref="ReportCharts"/> from the same aggregated figures as the dashboard page, with a sentence whose numbers
/// are those of the charts.
/// </summary>
public static class DashboardReportBlocks
{
    /// <summary>Longest section label printed beside a bar; longer headings are cut with an ellipsis.</summary>
    public const int SectionLabelLength = 48;

    public static IReadOnlyList<ReportBlock> For(ConsultationDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var blocks = new List<ReportBlock>();
        if (dashboard.Total == 0) return blocks;

        var days = dashboard.PerDay;
        var busiest = days.OrderByDescending(d => d.Count).ThenBy(d => d.Day).First();
        int activeDays = days.Count(d => d.Count > 0);
        blocks.Add(new ReportParagraph($"Ý kiến được gửi trong {ReportText.Number(activeDays)} ngày từ {Date(days[0].Day)} đến {Date(days[^1].Day)}; "
            + $"ngày nhận nhiều ý kiến nhất là {Date(busiest.Day)} với {ReportText.Number(busiest.Count)} ý kiến."));
        blocks.Add(new ReportImage(ReportCharts.Line("Số ý kiến nhận được theo ngày",
            [.. days.Select(d => d.Day.ToString("dd/MM", CultureInfo.InvariantCulture))],
            [new ChartSeries("Số ý kiến", [.. days.Select(d => (double)d.Count)])], "ý kiến"), 150, "Biểu đồ: số ý kiến nhận được theo ngày (giờ Việt Nam)"));

        var sections = dashboard.BySection.Where(s => s.Count > 0).ToList();
        if (sections.Count > 0)
        {
            bool manyDrafts = sections.Select(s => s.DraftId).Distinct().Count() > 1;
            var labels = sections.Select(s => Cut((manyDrafts ? s.Draft + ": " : "") + s.ShortLabel)).ToList();
            // About 50 px a bar keeps the 24 px labels apart once the 1200 px chart is printed 15 cm wide.
            int height = Math.Max(600, 180 + (50 * sections.Count));
            blocks.Add(new ReportImage(ReportCharts.Bar("Số ý kiến theo phần của dự thảo", labels, [.. sections.Select(s => (double)s.Count)], "ý kiến", 1200, height),
                150, "Biểu đồ: số ý kiến theo phần của dự thảo (theo thứ tự đề mục)"));
        }
        return blocks;
    }

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Cut(string text) => text.Length <= SectionLabelLength ? text : text[..(SectionLabelLength - 1)].TrimEnd() + "…";
}
