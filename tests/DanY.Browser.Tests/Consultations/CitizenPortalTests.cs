using DanY.TestKit.Browser;
using Microsoft.Playwright;

using DanY.TestKit.Web;

namespace DanY.Browser.Tests.Consultations;

[Collection(ConsultationServer.Collection)]
public sealed class CitizenPortalTests
{
    [Fact]
    public async Task citizen_comments_on_a_section_and_gets_a_receipt()
    {
        await using var server = ConsultationServer.Start();
        var (consultationId, _, _) = await ConsultationServer.SeedAsync(server);
        await using var browser = await BrowserSession.StartAsync();
        // A cheap phone's viewport.
        var page = await browser.NewPageAsync(server.BaseUrl(), 360, 740);
        // The machine is shared: be patient with a slow server rather than flaky.
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("/p");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lấy ý kiến Nhân dân vào dự thảo Báo cáo chính trị" }).ClickAsync();
        Assert.EndsWith($"/p/{consultationId}", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "1. Về phát triển kinh tế" }).First.ClickAsync();
        Assert.Contains("khoảng 7,5%/năm", await page.InnerTextAsync("article"), StringComparison.Ordinal);

        // Anonymous by default: the consent box is not ticked.
        Assert.False(await page.IsCheckedAsync("#consent"));
        await page.GetByLabel("Đồng ý một phần").CheckAsync();
        const string text = "Đề nghị bổ sung chỉ tiêu về nhà ở xã hội cho công nhân. <b>Không</b> phải HTML.";
        await page.GetByLabel("Nội dung góp ý", new() { Exact = true }).FillAsync(text);
        await BrowserSession.ScreenshotAsync(page, "citizen-section-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();

        await page.WaitForURLAsync("**/p/receipt/**");
        string receipt = (await page.InnerTextAsync("#receipt-code")).Trim();
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}$", receipt);
        Assert.Contains("Góp ý của bạn đã được ghi nhận", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(text, (await page.InnerTextAsync(".comment-text")).Trim());
        Assert.Equal(0, await page.Locator(".comment-text b").CountAsync());
        await BrowserSession.ScreenshotAsync(page, "citizen-receipt");

        // Look it up again by the code, as a citizen would days later.
        await page.GotoAsync("/p/receipt");
        await page.GetByLabel("Mã góp ý").FillAsync(receipt.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await page.WaitForURLAsync("**/p/receipt/" + receipt);
        Assert.Equal(receipt, (await page.InnerTextAsync("#receipt-code")).Trim());
        Assert.Contains("Đồng ý một phần", await page.InnerTextAsync("dl.facts"), StringComparison.Ordinal);
        Assert.Contains("Mục I.1", await page.InnerTextAsync("dl.facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task citizen_sees_closed_consultation_message()
    {
        await using var server = ConsultationServer.Start();
        var (consultationId, draftId, _) = await ConsultationServer.SeedAsync(server, open: false);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(server.BaseUrl(), 360, 740);
        // The machine is shared: be patient with a slow server rather than flaky.
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"/p/{consultationId}/drafts/{draftId}/sections/I.1");
        string notice = await page.InnerTextAsync(".closed-notice");
        Assert.Contains("hiện không nhận góp ý", notice, StringComparison.Ordinal);
        Assert.Contains("01/03/2026", notice, StringComparison.Ordinal);
        Assert.Contains("30/06/2026", notice, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("textarea[name=text]").CountAsync());
        Assert.Contains("khoảng 7,5%/năm", await page.InnerTextAsync("article"), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "citizen-closed-consultation");
    }
}
