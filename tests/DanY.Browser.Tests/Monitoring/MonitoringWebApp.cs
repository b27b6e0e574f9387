using System.Net;
using System.Net.Sockets;
using DanY.Infrastructure.Data;
using DanY.TestKit.Browser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Monitoring;

/// <summary>
/// The DanY web app on real Kestrel over a fresh SQLite database seeded with the demo (all communes of
/// the demo province report monthly), the demo accounts given a known password, and one Chromium.
/// Shared by the monitoring browser tests.
/// </summary>
public sealed class MonitoringWebApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Thu-nghiem-2026!";

    private readonly string _dataPath = Directory.CreateTempSubdirectory("dany-browser-monitoring-").FullName;

    public Uri Address { get; private set; } = null!;
    public BrowserSession Browser { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:DanY", "Data Source=" + Path.Combine(_dataPath, "dany.db"));
        builder.UseSetting("Storage:DataPath", _dataPath);
    }

    public async ValueTask InitializeAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        UseKestrel(port);
        StartServer();
        Address = new Uri($"http://127.0.0.1:{port}");
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            foreach (var email in new[] { "admin@dany.local", "bandanvan@dany.local", "kinhbac@dany.local", "vocuong@dany.local" })
            {
                var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email + " was not seeded");
                await users.RemovePasswordAsync(user);
                var result = await users.AddPasswordAsync(user, Password);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
        Browser = await BrowserSession.StartAsync();
    }

    public async Task<IPage> LoginAsync(string email)
    {
        var page = await Browser.NewPageAsync(Address.ToString());
        await page.GotoAsync("/account/login?ReturnUrl=%2Freporting");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/reporting");
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
