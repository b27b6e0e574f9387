using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.TestKit.Web;

/// <summary>
/// The whole DanY web app over its own fresh database (SQLite file in a temp folder, or a new
/// PostgreSQL database), seeded with the demo province only and known demo passwords.
/// <c>await using var app = new DanYApp(provider); var client = await app.LoginAsync(DemoAccounts.WardAOfficer);</c>
/// Call <see cref="StartKestrel"/> before anything else to serve on a real localhost port (browser tests).
/// </summary>
public sealed partial class DanYApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    static DanYApp()
    {
        // Each host watches its configuration and static files; inotify allows 128 instances per user, which
        // parallel tests (and CLI processes they start) exhaust. Polling watchers use none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public DanYApp(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        Provider = provider;
        Database = TestDatabases.Fresh(provider);
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:DanY"] = Database.ConnectionString,
            ["Storage:DataPath"] = Database.DataPath,
            ["Database:DemoPassword"] = DemoAccounts.Password,
            ["Database:SeedOnlyProvinces"] = DemoAccounts.Province,
        };
        if (settings is not null)
        {
            foreach (var (k, v) in settings) _settings[k] = v;
        }
    }

    public DatabaseProvider Provider { get; }
    public DatabaseSettings Database { get; }

    /// <summary>Base address of the real server after <see cref="StartKestrel"/>.</summary>
    public Uri? ServerAddress { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    /// <summary>Serves the app with real Kestrel on a free localhost port.</summary>
    public Uri StartKestrel()
    {
        int port = FreePort();
        UseKestrel(port);
        StartServer();
        ServerAddress = new Uri($"http://127.0.0.1:{port}");
        return ServerAddress;
    }

    /// <summary>A scope for direct database access: <c>using var scope = app.Scope(); scope.Db()...</c>.</summary>
    public IServiceScope Scope() => Services.CreateScope();

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real log-in form; throws if it fails.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password = DemoAccounts.Password)
    {
        var client = Client();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Log-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts the log-in form (with its antiforgery token) and returns the raw response.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        string token = await AntiforgeryTokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>GETs a page and returns the antiforgery token of its first form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        string html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) TryDeleteData();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDeleteData();
    }

    private void TryDeleteData()
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(Database.DataPath)) Directory.Delete(Database.DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; leftovers are harmless.
        }
    }
}

public static class ScopeExtensions
{
    public static DanYDbContext Db(this IServiceScope scope) => scope.ServiceProvider.GetRequiredService<DanYDbContext>();
}
