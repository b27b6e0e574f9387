using System.Text;
using DanY.Documents.Reports;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Jobs;
using DanY.Infrastructure.Seed;
using DanY.TestKit;
using DanY.TestKit.Browser;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Dashboards;

/// <summary>The consultation dashboard in a real browser, on SQLite (the query service is tested on both providers).</summary>
public sealed class DashboardBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task staff_views_consultation_dashboard()
    {
        await using var app = new DanYApp(DatabaseProvider.Sqlite);
        var address = app.StartKestrel();
        int id, total, wardTotal;
        string wardName;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            id = await db.Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync(Ct);
            total = await db.Comments.CountAsync(c => c.ConsultationId == id && c.Status == CommentStatus.Received, Ct);
            var ward = await db.Units.SingleAsync(u => u.Code == DemoAccounts.WardA, Ct);
            wardName = ward.Name;
            wardTotal = await db.Comments.CountAsync(c => c.ConsultationId == id && c.Status == CommentStatus.Received
                && db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(ward.Path)), Ct);
            // The opinion-group part reads the latest synthesis: the app's background runner makes one.
            await scope.ServiceProvider.GetRequiredService<SynthesisJobQueue>().EnqueueAsync(id, "test", Ct);
        }
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(address.ToString());
        var cspErrors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) cspErrors.Add(m.Text);
        };
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=Email]", DemoAccounts.ProvinceBoardEditor);
        await page.FillAsync("input[name=Password]", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await WaitForSynthesisAsync(app, id);

        // From the home page, where staff start, to the list of dashboards and the consultation's.
        await page.GotoAsync("/");
        await page.ClickAsync("#home-dashboards");
        await page.ClickAsync($"tr[data-consultation='{id}'] a");
        await page.WaitForURLAsync($"**/dashboards/{id}");
        Assert.Equal(ReportText.Number(total), await page.InnerTextAsync("#dashboard-total"));

        // Every chart is an image with a Vietnamese title and a description, axis labels and dd/MM days.
        var charts = page.Locator("svg.chart[role=img]");
        Assert.True(await charts.CountAsync() >= 6);
        Assert.Equal("Số ý kiến theo ngày", await page.Locator("#days-chart > title").TextContentAsync());
        Assert.Contains("Tổng " + ReportText.Number(total), await page.Locator("#days-chart > desc").TextContentAsync() ?? "", StringComparison.Ordinal);
        string axis = await page.Locator("#days-chart").TextContentAsync() ?? "";
        Assert.Contains("Số ý kiến", axis, StringComparison.Ordinal);
        Assert.Contains("Ngày (dd/MM)", axis, StringComparison.Ordinal);
        Assert.Matches(@"\d\d/\d\d", axis);
        // The tables carry the same numbers as the charts; their totals are the consultation's.
        Assert.Equal(ReportText.Number(total), await page.InnerTextAsync("#channels-table tfoot td.num >> nth=0"));
        Assert.Equal(ReportText.Number(total), await page.InnerTextAsync("#stances-table tfoot td.num >> nth=0"));
        Assert.True(await page.Locator("#groups-table tbody tr").CountAsync() > 0);
        string shots = RepositoryPaths.Artifacts("screenshots");
        await BrowserSession.ScreenshotAsync(page, "staff_views_consultation_dashboard");
        await page.Locator("#days").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "staff_views_consultation_dashboard-days.png") });
        await page.Locator("#channels").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "staff_views_consultation_dashboard-channels.png") });
        await page.Locator("#sections figure").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "staff_views_consultation_dashboard-sections.png") });
        await page.Locator("#groups figure").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "staff_views_consultation_dashboard-groups.png") });

        // The child-unit table sorts on the server (no script): by name, then back to the largest first.
        await page.ClickAsync("#units-table thead th:nth-child(2) a");
        Assert.Equal("ascending", await page.GetAttributeAsync("#units-table thead th:nth-child(2)", "aria-sort"));
        var names = await page.Locator("#units-table tbody th").AllInnerTextsAsync();
        var vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), System.Globalization.CompareOptions.None);
        Assert.Equal(names.Order(vietnamese), names);
        await page.ClickAsync("#units-table thead th:nth-child(3) a");
        var counts = (await page.Locator("#units-table tbody td.num:nth-of-type(2)").AllInnerTextsAsync())
            .Select(s => int.Parse(s.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        await page.Locator("#units").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "staff_views_consultation_dashboard-units.png") });

        // Each table downloads as CSV with the page's numbers.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#channels .exports a:text('CSV')"));
        string csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync(), Ct));
        Assert.StartsWith("\uFEFFKênh tiếp nhận,Số ý kiến,Tỷ lệ (%)", csv, StringComparison.Ordinal);
        Assert.Equal(total, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Sum(l => int.Parse(l.Split(',')[^2], System.Globalization.CultureInfo.InvariantCulture)));

        // Down to a ward: only its comments.
        await page.ClickAsync($"#units-table a:text-is('{wardName}')");
        await page.WaitForSelectorAsync($".trail [aria-current=page]:text-is('{wardName}')");
        Assert.Equal(ReportText.Number(wardTotal), await page.InnerTextAsync("#dashboard-total"));
        await BrowserSession.ScreenshotAsync(page, "staff_views_consultation_dashboard-ward");
        Assert.Empty(cspErrors);
    }

    private static async Task WaitForSynthesisAsync(DanYApp app, int id)
    {
        for (int i = 0; i < 360; i++)
        {
            using var scope = app.Scope();
            if (await scope.Db().SynthesisRuns.AnyAsync(r => r.ConsultationId == id, Ct)) return;
            await Task.Delay(500, Ct);
        }
        Assert.Fail("the synthesis did not finish in 3 minutes");
    }
}
