using System.Net;
using System.Text.Json;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;

namespace DanY.Integration.Tests;

public sealed class PlatformTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Home_page_is_Vietnamese_without_entity_encoding(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var response = await app.Client().GetAsync("/", TestContext.Current.CancellationToken);
        string html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Trang chủ", html, StringComparison.Ordinal);
        Assert.Contains("Nắm tình hình Nhân dân", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Matches(@"Hôm nay: \d{2}/\d{2}/\d{4}", html);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Unknown_address_is_404_in_Vietnamese_not_a_log_in_redirect(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var response = await app.Client().GetAsync("/khong-co-trang-nay", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // Pages that exist still ask anonymous visitors to log in.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/units", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/api/khong-co", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Health_reports_the_database_healthy(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var response = await app.Client().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Security_headers_are_on_pages_and_api(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = app.Client();
        foreach (var path in new[] { "/", "/account/login", "/api/units", "/health" })
        {
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Single(response.Headers.GetValues("Referrer-Policy"));
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Api_answers_401_not_a_redirect_and_openapi_lists_it(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = app.Client();
        var api = await client.GetAsync("/api/units/24", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var page = await client.GetAsync("/units", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        string openApi = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("/api/units/{code}", openApi, StringComparison.Ordinal);
        var scalar = await client.GetAsync("/scalar/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Post_without_antiforgery_token_is_rejected(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var anonymous = app.Client();
        var login = await anonymous.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = DemoAccounts.Admin,
            ["Password"] = DemoAccounts.Password,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);

        var editor = await app.LoginAsync(DemoAccounts.WardAOfficer);
        var edit = await editor.PostAsync($"/units/{DemoAccounts.WardA}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Name"] = "Đổi tên không có token",
            ["Form.Kind"] = "AdministrativeArea",
            ["Form.Level"] = "Commune",
            ["Form.System"] = "State",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        using var scope = app.Scope();
        Assert.Equal("Phường Kinh Bắc", scope.Db().Units.Single(u => u.Code == DemoAccounts.WardA).Name);
    }
}
