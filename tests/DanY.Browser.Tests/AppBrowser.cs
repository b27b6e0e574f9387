using DanY.Infrastructure.Data;
using DanY.TestKit.Browser;
using DanY.TestKit.Web;
using Microsoft.Playwright;

namespace DanY.Browser.Tests;

/// <summary>
/// One test's browser: the app on real Kestrel over a fresh SQLite database, Debian's Chromium
/// (never a downloaded one), screenshots saved under artifacts/screenshots and attached to the test.
/// </summary>
public sealed class AppBrowser : IAsyncDisposable
{
    private BrowserSession? _browser;

    private AppBrowser(DanYApp app) => App = app;

    public DanYApp App { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public IPage Page { get; private set; } = null!;
    public List<string> ConsoleErrors { get; } = [];

    public static async Task<AppBrowser> StartAsync(int width = 1280, int height = 900)
    {
        var session = new AppBrowser(new DanYApp(DatabaseProvider.Sqlite));
        session.BaseAddress = session.App.StartKestrel();
        session._browser = await BrowserSession.StartAsync();
        session.Page = await session._browser.NewPageAsync(session.BaseAddress.ToString().TrimEnd('/'), width, height);
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

    /// <summary>Full-page screenshot to artifacts/screenshots/{name}.png, also attached to the test.</summary>
    public async Task ScreenshotAsync(string name)
    {
        string path = await BrowserSession.ScreenshotAsync(Page, name);
        TestContext.Current.AddAttachment(name + ".png", await File.ReadAllBytesAsync(path), "image/png");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await App.DisposeAsync();
    }
}
