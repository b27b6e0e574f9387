using System.Net;
using System.Text.RegularExpressions;
using DanY.Domain.Accounts;
using DanY.Domain.Auditing;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests;

public sealed partial class PeopleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Administrator_creates_an_account_with_a_role_on_a_ward_and_revokes_it(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var admin = await app.LoginAsync(DemoAccounts.Admin);
        string people = $"/units/{DemoAccounts.WardA}/people";

        // An editor of the ward is not an administrator of it: no access to its people.
        var officer = await app.LoginAsync(DemoAccounts.WardAOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(people, Ct)).StatusCode);

        // A new account needs a display name; nothing is created without it.
        var missingName = await Forms.PostAsync(admin, people, people + "?handler=Grant", new Dictionary<string, string>
        {
            ["Form.Email"] = "phuongmoi@dany.local", ["Form.Role"] = nameof(UnitRole.Editor),
        });
        Assert.Equal(HttpStatusCode.OK, missingName.StatusCode);
        Assert.Contains("Tài khoản mới cần họ tên", await missingName.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var scope = app.Scope())
            Assert.False(await scope.Db().Users.AnyAsync(u => u.Email == "phuongmoi@dany.local", Ct));

        var grant = await Forms.PostAsync(admin, people, people + "?handler=Grant", new Dictionary<string, string>
        {
            ["Form.Email"] = "phuongmoi@dany.local", ["Form.DisplayName"] = "Cán bộ Văn phòng", ["Form.Role"] = nameof(UnitRole.Editor),
        });
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        string page = await admin.GetStringAsync(people, Ct);
        Assert.Contains("phuongmoi@dany.local", page, StringComparison.Ordinal);
        string password = WebUtility.HtmlDecode(TemporaryPassword().Match(page).Groups[1].Value);
        Assert.True(password.Length >= 10, "the temporary password is shown once");
        Assert.DoesNotMatch(TemporaryPassword(), await admin.GetStringAsync(people, Ct));

        // The new account works within the ward and nowhere else.
        var newcomer = await app.LoginAsync("phuongmoi@dany.local", password);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync($"/units/{DemoAccounts.WardA}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync($"/units/{DemoAccounts.WardB}", Ct)).StatusCode);

        // It changes the temporary password.
        var changed = await Forms.PostAsync(newcomer, "/account/password", "/account/password", new Dictionary<string, string>
        {
            ["Current"] = password, ["New"] = "Mat-khau-moi-2026", ["Confirm"] = "Mat-khau-moi-2026",
        });
        Assert.Contains("Đã đổi mật khẩu.", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DanYApp.PostLoginAsync(app.Client(), "phuongmoi@dany.local", "Mat-khau-moi-2026")).StatusCode);

        int assignmentId;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            var user = await db.Users.SingleAsync(u => u.Email == "phuongmoi@dany.local", Ct);
            var assignment = await db.UnitRoles.SingleAsync(r => r.UserId == user.Id, Ct);
            Assert.Equal(UnitRole.Editor, assignment.Role);
            assignmentId = assignment.Id;
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(UnitRoleAssignment) && a.Action == AuditAction.Created && a.EntityId == assignment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        }

        var revoke = await Forms.PostAsync(admin, people, $"{people}?handler=Revoke&assignmentId={assignmentId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var again = await app.LoginAsync("phuongmoi@dany.local", "Mat-khau-moi-2026");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync($"/units/{DemoAccounts.WardA}", Ct)).StatusCode);
        using (var scope = app.Scope())
            Assert.True(await scope.Db().AuditEntries.AnyAsync(a => a.EntityType == nameof(UnitRoleAssignment) && a.Action == AuditAction.Deleted, Ct));
    }

    [GeneratedRegex(@"id=""temporary-password"".*?<code>([^<]+)</code>", RegexOptions.Singleline)]
    private static partial Regex TemporaryPassword();
}
