using DanY.TestKit.Browser;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Monitoring;

public sealed class MonitoringBrowserTests(MonitoringWebApp app) : IClassFixture<MonitoringWebApp>
{
    [Fact]
    public async Task commune_submits_monthly_report()
    {
        var page = await app.LoginAsync("kinhbac@dany.local");
        await BrowserSession.ScreenshotAsync(page, "monitoring-commune-home");
        // The next month's report is not due yet: open it.
        var upcoming = page.Locator("tr", new() { HasText = "Chưa đến hạn" }).First;
        await upcoming.Locator("button:has-text('Soạn báo cáo')").ClickAsync();
        await page.WaitForURLAsync("**/reporting/reports/*");

        // Sending an empty report is refused with the missing parts named.
        await page.ClickAsync("#submit");
        var errors = await page.InnerTextAsync("#errors");
        Assert.Contains("Tình hình chung", errors, StringComparison.Ordinal);

        // A count that is not a number gets a message beside the field.
        await page.FillAsync("#general", "Tình hình trên địa bàn phường ổn định; an ninh trật tự được giữ vững.");
        await page.FillAsync("#moods", "Nhân dân phấn khởi, tin tưởng vào công tác chuẩn bị đại hội.");
        await page.FillAsync("#group-Workers", "Người lao động quan tâm đến tiền lương, thưởng Tết.");
        await page.FillAsync("#opinion", "Nhân dân quan tâm đến giá điện và giá thực phẩm dịp cuối năm.");
        await page.FillAsync("#forecast", "Tình hình tiếp tục ổn định. Đề nghị quan tâm giải quyết đơn thư tồn đọng.");
        await page.FillAsync("#count-complaints", "ba");
        await page.ClickAsync("#submit");
        Assert.Contains("phải là số nguyên", await page.InnerTextAsync("#err-complaints"), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "monitoring-commune-validation");

        await page.FillAsync("#count-complaints", "3");
        await page.FillAsync("#count-hostile-content", "2");
        await page.FillAsync("#count-resolved", "2");
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync("#message");
        Assert.Equal("Đã gửi", (await page.InnerTextAsync("#report-status")).Trim());
        // Previous period's counts are shown beside each count.
        Assert.Contains("Kỳ trước", await page.InnerTextAsync("#prev-complaints"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#submit").CountAsync());
        await BrowserSession.ScreenshotAsync(page, "monitoring-commune-submitted");
    }

    [Fact]
    public async Task province_sees_late_communes()
    {
        var page = await app.LoginAsync("bandanvan@dany.local");
        await page.ClickAsync("text=Bảng theo dõi nộp báo cáo");
        await page.WaitForSelectorAsync("#matrix");
        int rows = await page.Locator("#matrix tbody tr").CountAsync();
        Assert.True(rows >= 90, $"expected every commune of the province, got {rows}");
        int late = await page.Locator("#matrix td[data-state=Late]").CountAsync();
        int missing = await page.Locator("#matrix td[data-state=Missing]").CountAsync();
        Assert.True(late > 0 && missing > 0);
        // The state is written in every cell, not only coloured.
        Assert.Equal("Chậm", (await page.Locator("#matrix td[data-state=Late]").First.InnerTextAsync()).Trim());
        await BrowserSession.ScreenshotAsync(page, "monitoring-province-matrix");

        await page.CheckAsync("input[name=problems]");
        await page.ClickAsync("form.search button[type=submit]");
        await page.WaitForURLAsync("**problems=true**");
        int problemRows = await page.Locator("#matrix tbody tr").CountAsync();
        Assert.True(problemRows < rows);
        Assert.Equal(0, await page.Locator("#matrix tbody tr").Filter(new() { HasNot = page.Locator("td[data-state=Late], td[data-state=Missing], td[data-state=Returned]") }).CountAsync());
        var footer = await page.InnerTextAsync("#matrix tfoot");
        Assert.Contains("đúng hạn", footer, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "monitoring-province-late-only");

        // A commune's editor cannot see the province's matrix.
        var ward = await app.LoginAsync("vocuong@dany.local");
        var response = await ward.GotoAsync(page.Url);
        Assert.Equal(403, response!.Status);
    }
}
