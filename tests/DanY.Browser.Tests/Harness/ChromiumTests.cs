using DanY.TestKit.Browser;

namespace DanY.Browser.Tests.Harness;

public sealed class ChromiumTests
{
    [Fact]
    public async Task Debian_chromium_renders_vietnamese_text()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("about:blank");
        await page.SetContentAsync("<html lang=\"vi\"><body><h1>Góp ý dự thảo văn kiện</h1></body></html>");
        Assert.Equal("Góp ý dự thảo văn kiện", await page.InnerTextAsync("h1"));
    }
}
