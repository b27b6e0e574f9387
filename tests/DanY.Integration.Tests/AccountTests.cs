using System.Net;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests;

public sealed class AccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Five_failed_log_ins_lock_the_account(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = app.Client();
        for (int i = 0; i < 5; i++)
        {
            var wrong = await DanYApp.PostLoginAsync(client, DemoAccounts.WardBOfficer, "Wrong-Passw0rd!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(i < 4 ? "không đúng" : "tạm khóa", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        // Even the right password is refused while locked out.
        var right = await DanYApp.PostLoginAsync(client, DemoAccounts.WardBOfficer, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("tạm khóa", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/units", Ct)).StatusCode);

        using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(DemoAccounts.WardBOfficer))!));
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(DemoAccounts.WardAOfficer))!));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Staff_logs_in_and_out(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.Admin);
        string units = await client.GetStringAsync("/units", Ct);
        Assert.Contains("Trung ương", units, StringComparison.Ordinal);
        Assert.Contains("Quản trị", units, StringComparison.Ordinal);
        var logout = await Forms.PostAsync(client, "/units", "/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/units", Ct)).StatusCode);
    }
}
