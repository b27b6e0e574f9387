using System.Security.Claims;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using DanY.Infrastructure.Monitoring;
using DanY.TestKit.Browser;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Labelling;

public sealed class ReportItemsBrowserTests
{
    private static readonly string[] Labels = ["Lao động, việc làm", "Nông nghiệp", "Vụ việc, đơn thư", "Khác"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Rule(string text) =>
        text.Contains("Công nhân", StringComparison.Ordinal) ? Labels[0]
        : text.Contains("Nông dân", StringComparison.Ordinal) ? Labels[1]
        : text.Contains("đơn thư", StringComparison.Ordinal) || text.Contains("vụ việc", StringComparison.OrdinalIgnoreCase) ? Labels[2]
        : Labels[3];

    [Fact]
    public async Task staff_labels_situation_report_items()
    {
        await using var app = new DanYApp(DatabaseProvider.Sqlite);
        var baseUrl = app.StartKestrel();
        int compiledId;
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == DemoAccounts.ProvinceBoardEditor, Ct);
            var board = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"));
            var today = scope.ServiceProvider.GetRequiredService<SituationMonitoring>().Today;
            var period = await db.ReportingPeriods.Where(p => p.Due < today && db.SituationReports.Count(r => r.PeriodId == p.Id && r.Status == ReportStatus.Accepted) > 3)
                .OrderByDescending(p => p.Due).FirstAsync(Ct);
            var compiled = await scope.ServiceProvider.GetRequiredService<ReportCompiler>().CompileAsync(board, period.Id, Ct);
            compiledId = compiled.Id;
            await scope.ServiceProvider.GetRequiredService<LabellingService>().CreateSetAsync(compiled.UnitId, "Lĩnh vực", Labels, Ct);
        }

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(baseUrl.ToString());
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", DemoAccounts.ProvinceBoardEditor);
        await page.FillAsync("#Password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit].button");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync($"/reporting/reports/{compiledId}");
        await page.Locator("#report-labels").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Gán nhãn các ý theo “Lĩnh vực”" }).ClickAsync();
        var items = page.Locator("ol.report-items li.comment");
        await items.First.WaitForAsync();
        Assert.Equal(40, await items.CountAsync());
        string shown = await page.InnerTextAsync("main");
        int count = int.Parse(System.Text.RegularExpressions.Regex.Match(shown, @"/ (\d+) ý").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 40, $"{count} items");

        // Label the first 24 items from the keyboard: focus the select, type the label's number.
        for (int i = 0; i < 24; i++)
        {
            string text = await items.Nth(i).Locator("blockquote").InnerTextAsync();
            await items.Nth(i).Locator("select").FocusAsync();
            await page.Keyboard.PressAsync((Array.IndexOf(Labels, Rule(text)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await page.Keyboard.PressAsync("Control+Enter");
        await page.Locator("[role=status], [role=alert]").First.WaitForAsync();
        Assert.Equal("Đã lưu 24 thay đổi nhãn.", (await page.Locator("[role=status], [role=alert]").First.InnerTextAsync()).Trim());
        await BrowserSession.ScreenshotAsync(page, "report-items-labelled");

        // Train the set (the report items are its examples), then come back: every other item has a suggestion.
        string itemsUrl = page.Url;
        await page.GotoAsync("/labelling");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lĩnh vực" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Huấn luyện mô hình" }).ClickAsync();
        await page.GetByText("Đã huấn luyện mô hình từ 24 nhãn").WaitForAsync();
        await page.GotoAsync(itemsUrl.Split('?')[0] + "?filter=Suggested");
        var suggested = page.Locator("ol.report-items li.comment");
        await suggested.First.WaitForAsync();
        int n = await suggested.CountAsync();
        int right = 0;
        for (int i = 0; i < n; i++)
        {
            string text = await suggested.Nth(i).Locator("blockquote").InnerTextAsync();
            if (await suggested.Nth(i).Locator(".suggestion strong").InnerTextAsync() == Rule(text)) right++;
        }
        Assert.True(right >= n * 0.85, $"{right}/{n} suggestions follow the staff's labels");
        await BrowserSession.ScreenshotAsync(page, "report-items-suggested");

        // The compiled report shows the per-label counts.
        await page.GotoAsync($"/reporting/reports/{compiledId}");
        var table = page.Locator("#report-labels table");
        await table.WaitForAsync();
        var staff = await table.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.Equal(24, staff.Sum(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));
        var totals = await table.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(count, totals.Sum(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));
        await page.Locator("#report-labels").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(Path.GetDirectoryName(await BrowserSession.ScreenshotAsync(page, "report-compiled-with-labels"))!, "report-label-counts.png"),
        });
    }
}
