using System.Text;
using DanY.Infrastructure.Dashboards;
using DanY.Web.Features.Dashboards;

namespace DanY.Integration.Tests.Dashboards;

/// <summary>The SVG charts and the exported tables with hostile or long text: nothing runs, nothing overflows.</summary>
public sealed class DashboardRenderingTests
{
    [Fact]
    public void Chart_text_is_encoded_and_every_bar_states_its_number()
    {
        string svg = SvgChart.Rows("x", "Tầng lớp <b>", "Số ý kiến", [new SvgBar("<script>alert(1)</script>", 1234), new SvgBar("Nông dân & \"thợ\"", 5)]).ToString()!;
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("1.234", svg, StringComparison.Ordinal); // vi-VN thousands
        Assert.Contains("Nông dân", svg, StringComparison.Ordinal); // Vietnamese letters stay letters
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 40)]
    [InlineData(451, 500)]
    [InlineData(2094, 2500)]
    [InlineData(100_000, 100_000)]
    public void Value_axis_ends_on_a_round_number_at_or_above_the_largest_value(int max, int last)
    {
        var ticks = SvgChart.Ticks(max);
        Assert.Equal(0, ticks[0]);
        Assert.Equal(last, ticks[^1]);
        Assert.InRange(ticks.Count, 2, 7);
    }

    [Fact]
    public void Long_labels_are_cut_to_their_column()
    {
        string label = "PHẦN THỨ NHẤT KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020–2025";
        string fitted = SvgChart.Fit(label, 300);
        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        Assert.True(fitted.Length < label.Length);
        Assert.Equal("Hội nghị", SvgChart.Fit("Hội nghị", 300));
    }

    [Fact]
    public void Csv_export_quotes_and_defuses_formulas()
    {
        var d = new ConsultationDashboard(1, "Đợt", 2, "24", "Tỉnh", true, 3, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 1),
            [new DayCount(new DateOnly(2026, 9, 1), 3)], [], [], [new DashboardCount("=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")", 2), new DashboardCount("Nông dân, ngư dân", "Nông dân, ngư dân", 1)],
            [], null, null, [], [], 0, 0, 0);
        var table = DashboardTables.All(d).Single(t => t.Key == "social-groups");
        string csv = Encoding.UTF8.GetString(DashboardTables.Csv(table));
        Assert.StartsWith("\uFEFFTầng lớp, đối tượng", csv.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",2,66.67", csv, StringComparison.Ordinal);
        Assert.Contains("\"Nông dân, ngư dân\",1,33.33", csv, StringComparison.Ordinal);
        Assert.Contains("2026-09-01,3", Encoding.UTF8.GetString(DashboardTables.Csv(DashboardTables.All(d).Single(t => t.Key == "days"))), StringComparison.Ordinal);
    }
}
