using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using DanY.Domain.Accounts;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests;

/// <summary>A person of ward A can neither see nor change anything of ward B, through pages or the API.</summary>
public sealed class PermissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Ward_officer_sees_own_subtree_on_pages(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);

        var own = await client.GetAsync($"/units/{DemoAccounts.WardA}", Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Phường Kinh Bắc", await own.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The role at the ward covers its party cells two levels down.
        var cell = await client.GetAsync($"/units/{DemoAccounts.WardA}.DU.CB02", Ct);
        Assert.Equal(HttpStatusCode.OK, cell.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/units/{DemoAccounts.WardA}.DU.CB02/edit", Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Ward_officer_cannot_see_or_change_another_ward_on_pages(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        string b = DemoAccounts.WardB;

        foreach (var path in new[] { $"/units/{b}", $"/units/{b}.DU", $"/units/{b}.DU.CB01", $"/units/{b}/edit", $"/units/{b}/new", $"/units/{b}/export.csv", $"/units/{b}/export.xlsx", "/units/24", "/admin/audit" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Võ Cường", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // A forged POST with a valid token from the officer's own edit page.
        string token = await DanYApp.AntiforgeryTokenAsync(client, $"/units/{DemoAccounts.WardA}/edit");
        var post = await client.PostAsync($"/units/{b}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.Name"] = "Bị sửa trái phép", ["Form.Kind"] = "AdministrativeArea", ["Form.Level"] = "Commune", ["Form.System"] = "State",
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var create = await client.PostAsync($"/units/{b}/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.Code"] = "HACK.1", ["Form.Name"] = "Chi bộ lạ", ["Form.Kind"] = "PartyCell", ["Form.Level"] = "Grassroots", ["Form.System"] = "Party",
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);

        // Search by name without diacritics finds nothing of ward B.
        string search = await client.GetStringAsync("/units?q=vo%20cuong", Ct);
        Assert.DoesNotContain("Võ Cường", search[search.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        string ownSearch = await client.GetStringAsync("/units?q=kinh%20bac", Ct);
        Assert.Contains("Đảng ủy phường Kinh Bắc", ownSearch, StringComparison.Ordinal);

        using var scope = app.Scope();
        var db = scope.Db();
        Assert.Equal("Phường Võ Cường", (await db.Units.SingleAsync(u => u.Code == b, Ct)).Name);
        Assert.False(await db.Units.AnyAsync(u => u.Code == "HACK.1", Ct));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Ward_officer_cannot_see_or_change_another_ward_through_the_api(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        string b = DemoAccounts.WardB;

        var own = await client.GetFromJsonAsync<UnitJson>($"/api/units/{DemoAccounts.WardA}.DU.CB01", Ct);
        Assert.Equal($"{DemoAccounts.WardA}.DU", own!.ParentCode);
        var children = await client.GetFromJsonAsync<List<UnitJson>>($"/api/units?parent={DemoAccounts.WardA}.DU", Ct);
        Assert.Equal(3, children!.Count);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/units/{b}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/units/{b}.DU.CB01", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/units?parent={b}", Ct)).StatusCode);
        var search = await client.GetFromJsonAsync<List<UnitJson>>("/api/units?q=vo%20cuong", Ct);
        Assert.Empty(search!);
        var put = await client.PutAsJsonAsync($"/api/units/{b}", new { name = "Bị sửa qua API" }, Ct);
        Assert.True(put.StatusCode == HttpStatusCode.Forbidden, $"{(int)put.StatusCode} {await put.Content.ReadAsStringAsync(Ct)}");
        var putOwn = await client.PutAsJsonAsync($"/api/units/{DemoAccounts.WardA}.DU.CB01", new { name = "Chi bộ khu phố Một" }, Ct);
        Assert.Equal(HttpStatusCode.OK, putOwn.StatusCode);

        using var scope = app.Scope();
        var db = scope.Db();
        Assert.Equal("Phường Võ Cường", (await db.Units.SingleAsync(u => u.Code == b, Ct)).Name);
        Assert.Equal("Chi bộ khu phố Một", (await db.Units.SingleAsync(u => u.Code == DemoAccounts.WardA + ".DU.CB01", Ct)).Name);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Permission_service_applies_roles_to_the_subtree_only(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        using var scope = app.Scope();
        var db = scope.Db();
        var permissions = scope.ServiceProvider.GetRequiredService<IPermissionService>();
        var officer = await db.Users.SingleAsync(u => u.Email == DemoAccounts.WardAOfficer, Ct);
        var board = await db.Users.SingleAsync(u => u.Email == DemoAccounts.ProvinceBoardEditor, Ct);
        var principal = Principal(officer.Id);
        var boardPrincipal = Principal(board.Id);
        int Id(string code) => db.Units.Single(u => u.Code == code).Id;

        Assert.True(await permissions.CanEditAsync(principal, Id(DemoAccounts.WardA), Ct));
        Assert.True(await permissions.CanEditAsync(principal, Id(DemoAccounts.WardA + ".DU.CB03"), Ct));
        Assert.False(await permissions.CanViewAsync(principal, Id(DemoAccounts.WardB), Ct));
        Assert.False(await permissions.CanViewAsync(principal, Id(DemoAccounts.WardB + ".DU.CB03"), Ct));
        Assert.False(await permissions.CanViewAsync(principal, Id("24"), Ct));
        Assert.False(await permissions.IsSystemAdministratorAsync(principal, Ct));

        // Viewer on the province: sees every ward, edits none; editor on the board only.
        Assert.True(await permissions.CanViewAsync(boardPrincipal, Id(DemoAccounts.WardB + ".DU.CB01"), Ct));
        Assert.False(await permissions.CanEditAsync(boardPrincipal, Id(DemoAccounts.WardB), Ct));
        Assert.True(await permissions.CanEditAsync(boardPrincipal, Id("24.TU.BTGDV"), Ct));
        Assert.False(await permissions.CanViewAsync(boardPrincipal, Id("TW.MTTQ"), Ct));

        var visible = await (await permissions.VisibleUnitsAsync(principal, db.Units, cancellationToken: Ct)).Select(u => u.Code).ToListAsync(Ct);
        Assert.All(visible, c => Assert.StartsWith(DemoAccounts.WardA, c, StringComparison.Ordinal));
        Assert.Equal(8, visible.Count); // the ward, its party committee and 3 cells, MTTQ, youth union, women's union

        Assert.False(await permissions.CanViewAsync(new ClaimsPrincipal(new ClaimsIdentity()), Id(DemoAccounts.WardA), Ct));
    }

    [Fact]
    public void Subtree_rule_is_a_path_prefix()
    {
        var grants = new[] { new UnitGrant(5, "/1/5/", UnitRole.Editor) };
        Assert.True(IPermissionService.Covers(grants, "/1/5/", UnitRole.Editor));
        Assert.True(IPermissionService.Covers(grants, "/1/5/42/", UnitRole.Viewer));
        Assert.False(IPermissionService.Covers(grants, "/1/5/42/", UnitRole.Administrator));
        Assert.False(IPermissionService.Covers(grants, "/1/55/", UnitRole.Viewer));
        Assert.False(IPermissionService.Covers(grants, "/1/", UnitRole.Viewer));
    }

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));

    private sealed record UnitJson(string Code, string Name, string Kind, string Level, string System, string? ParentCode, int Depth);
}
