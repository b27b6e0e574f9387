using Microsoft.Playwright;

namespace DanY.TestKit.Browser;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright. Never downloads a browser:
/// the tests use /usr/bin/chromium (scripts/test installs it).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Without the networking flags Chromium keeps trying to reach Google's services, which this
    // machine's closed network refuses.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                "Chromium is required for the browser tests: apt-get install chromium chromium-driver fonts-liberation2");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A fresh context (own cookies) at a phone-or-desktop viewport, in Vietnamese.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot under artifacts/screenshots for people to look at.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        string path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
