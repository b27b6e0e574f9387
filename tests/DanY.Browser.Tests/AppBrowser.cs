using DanY.Infrastructure.Data;
using DanY.TestKit.Web;
using Microsoft.Playwright;

namespace DanY.Browser.Tests;

/// <summary>
/// One test's browser: the app on real Kestrel over a fresh SQLite database, Debian's Chromium
/// (never a downloaded one), screenshots saved under artifacts/screenshots and attached to the test.
/// </summary>
public sealed class AppBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private AppBrowser(DanYApp app) => App = app;

    public DanYApp App { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public IPage Page { get; private set; } = null!;
    public List<string> ConsoleErrors { get; } = [];

    public static async Task<AppBrowser> StartAsync(int width = 1280, int height = 900)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium fonts-liberation2");
        var session = new AppBrowser(new DanYApp(DatabaseProvider.Sqlite));
        session.BaseAddress = session.App.StartKestrel();
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await session._browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        // CI machines are shared: generous timeouts, so that a slow page is not a failed test.
        Assertions.SetDefaultExpectTimeout(20_000);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        session.Page = await context.NewPageAsync();
        session.Page.Console += (_, message) =>
        {
            if (string.Equals(message.Type, "error", StringComparison.Ordinal)) session.ConsoleErrors.Add($"{session.Page.Url}: {message.Text} @ {message.Location}");
        };
        return session;
    }

    public async Task LoginAsync(string email, string password = DemoAccounts.Password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("Thư điện tử").FillAsync(email);
        await Page.GetByLabel("Mật khẩu").FillAsync(password);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Page.WaitForURLAsync("**/units");
    }

    /// <summary>Full-page screenshot to artifacts/screenshots/{name}.png (repository root, or DANY_ARTIFACTS).</summary>
    public async Task ScreenshotAsync(string name)
    {
        string folder = Path.Combine(ArtifactsRoot(), "screenshots");
        Directory.CreateDirectory(folder);
        byte[] png = await Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Path = Path.Combine(folder, name + ".png") });
        TestContext.Current.AddAttachment(name + ".png", png, "image/png");
    }

    private static string ArtifactsRoot()
    {
        if (Environment.GetEnvironmentVariable("DANY_ARTIFACTS") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanY.slnx"))) return Path.Combine(dir.FullName, "artifacts");
        }
        return Path.Combine(AppContext.BaseDirectory, "artifacts");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
