using System.Globalization;
using DanY.TestKit;
using DanY.TestKit.Browser;

namespace DanY.Browser.Tests.Monitoring;

public sealed class CompileBrowserTests(MonitoringWebApp app) : IClassFixture<MonitoringWebApp>
{
    [Fact]
    public async Task board_compiles_children_reports()
    {
        var page = await app.LoginAsync("bandanvan@dany.local");
        await page.ClickAsync("text=Tổng hợp báo cáo");
        await page.WaitForSelectorAsync("#compile");
        await BrowserSession.ScreenshotAsync(page, "monitoring-compile-start");
        await page.ClickAsync("#compile");
        await page.WaitForURLAsync("**/reporting/reports/*?done=compiled");

        // The compiled counts are the sum of the children's, row by row.
        var rows = await page.Locator("#breakdown tbody tr").AllAsync();
        Assert.True(rows.Count >= 50, $"expected the children's reports, got {rows.Count}");
        int sum = 0;
        foreach (var row in rows) sum += int.Parse(await row.Locator("td.num").First.InnerTextAsync(), CultureInfo.InvariantCulture);
        int total = int.Parse(await page.Locator("#breakdown-total td[data-key=complaints]").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(sum, total);
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), await page.InputValueAsync("#count-complaints"));
        // Texts name the units they come from.
        string opinion = await page.InputValueAsync("#opinion");
        Assert.Contains("đơn vị:", opinion, StringComparison.Ordinal);
        Assert.Contains("Phường", opinion, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "monitoring-compiled");

        // Editable: the board adds its own recommendation and saves.
        string forecast = await page.InputValueAsync("#forecast");
        await page.FillAsync("#forecast", forecast + "\n- Ban Tuyên giáo và Dân vận đề nghị tăng cường đối thoại tại các phường có đơn thư đông.");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("tăng cường đối thoại", await page.InputValueAsync("#forecast"), StringComparison.Ordinal);

        // Exported as DOCX.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#docx"));
        string path = Path.Combine(RepositoryPaths.Artifacts("documents"), "monitoring-compiled.docx");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 10_000 && bytes[0] == 'P' && bytes[1] == 'K');
    }
}
