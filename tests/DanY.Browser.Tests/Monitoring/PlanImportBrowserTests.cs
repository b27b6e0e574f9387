using DanY.TestKit;
using DanY.TestKit.Browser;

namespace DanY.Browser.Tests.Monitoring;

public sealed class PlanImportBrowserTests(MonitoringWebApp app) : IClassFixture<MonitoringWebApp>
{
    [Fact]
    public async Task staff_imports_plan_and_confirms_deadlines()
    {
        string seed = Path.Combine(RepositoryPaths.Shared, "seeds", "000_666f510f5182e237.txt");
        Assert.SkipUnless(File.Exists(seed), "../shared/seeds is absent: the real plan used by this test is not available.");
        var page = await app.LoginAsync("bandanvan@dany.local");
        await page.GotoAsync("/plans/import");
        await page.SetInputFilesAsync("#file", seed);
        await page.ClickAsync("#read");
        await page.WaitForSelectorAsync("#confirm-form");
        await BrowserSession.ScreenshotAsync(page, "monitoring-plan-extracted");

        // The monthly report on the 15th was read with its recurrence and is proposed for tracking.
        var monthly = page.Locator("#obligations tbody tr").Filter(new() { Has = page.Locator("input.rrule[value='FREQ=MONTHLY;BYMONTHDAY=15']") });
        int monthlyRows = await monthly.CountAsync();
        Assert.True(monthlyRows >= 1, "the '15 hàng tháng' obligation was not extracted");
        Assert.True(await monthly.First.Locator("input.track").IsCheckedAsync());
        // Windowed reports per congress level carry their due dates.
        Assert.True(await page.Locator("#obligations input.due[value='2025-03-30']").CountAsync() >= 1);

        // Staff correct a field: keep only the tracked monthly report(s) as obligations, fix the title.
        foreach (var row in await page.Locator("#obligations tbody tr").AllAsync())
        {
            var track = row.Locator("input.track");
            bool isMonthly = await row.Locator("input.rrule[value='FREQ=MONTHLY;BYMONTHDAY=15']").CountAsync() > 0;
            if (!isMonthly && await track.IsCheckedAsync()) await track.UncheckAsync();
        }
        await page.FillAsync("#title", "Triển khai theo dõi nắm tình hình Nhân dân đối với Đại hội Đảng các cấp (đã kiểm tra)");
        await page.ClickAsync("#confirm");
        await page.WaitForSelectorAsync("#message");
        string message = await page.InnerTextAsync("#message");
        Assert.Contains($"{monthlyRows} nội dung được theo dõi", message, StringComparison.Ordinal);
        Assert.Contains("(đã kiểm tra)", await page.InnerTextAsync("dl.facts"), StringComparison.Ordinal);
        Assert.Contains("Ngày 15 hằng tháng", await page.InnerTextAsync("#obligations"), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "monitoring-plan-confirmed");

        // The new obligation has a matrix over the province's communes, with nothing sent yet.
        await page.Locator("#obligations a").First.ClickAsync();
        await page.WaitForSelectorAsync("#matrix");
        Assert.True(await page.Locator("#matrix tbody tr").CountAsync() >= 90);
        Assert.Equal(0, await page.Locator("#matrix td[data-state=OnTime]").CountAsync());
    }
}
