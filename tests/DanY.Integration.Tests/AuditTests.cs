using System.Net;
using DanY.Domain.Auditing;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests;

public sealed class AuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Staff_changes_are_written_to_the_audit_log_with_before_and_after(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        string cell = DemoAccounts.WardA + ".DU.CB01";

        var edit = await Forms.PostAsync(client, $"/units/{cell}/edit", $"/units/{cell}/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Chi bộ Khu phố Đông", ["Form.Kind"] = "PartyCell", ["Form.Level"] = "Grassroots", ["Form.System"] = "Party",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var create = await Forms.PostAsync(client, $"/units/{DemoAccounts.WardA}.DU/new", $"/units/{DemoAccounts.WardA}.DU/new", new Dictionary<string, string>
        {
            ["Form.Code"] = DemoAccounts.WardA + ".DU.CB09", ["Form.Name"] = "Chi bộ Trường THCS", ["Form.Kind"] = "PartyCell", ["Form.Level"] = "Grassroots", ["Form.System"] = "Party",
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);

        using var scope = app.Scope();
        var db = scope.Db();
        var officer = await db.Users.SingleAsync(u => u.Email == DemoAccounts.WardAOfficer, Ct);
        var unit = await db.Units.SingleAsync(u => u.Code == cell, Ct);
        var created = await db.Units.SingleAsync(u => u.Code == DemoAccounts.WardA + ".DU.CB09", Ct);
        Assert.StartsWith((await db.Units.SingleAsync(u => u.Code == DemoAccounts.WardA + ".DU", Ct)).Path, created.Path, StringComparison.Ordinal);
        Assert.Equal("chi bo truong thcs", created.NameFolded);

        var update = await db.AuditEntries.SingleAsync(a => a.EntityType == "Unit" && a.EntityId == unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        Assert.Equal(AuditAction.Updated, update.Action);
        Assert.Equal(officer.Id, update.Actor);
        Assert.Contains("Chi bộ khu phố 1, phường Kinh Bắc", update.Before, StringComparison.Ordinal);
        Assert.Contains("Chi bộ Khu phố Đông", update.After, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - update.At < TimeSpan.FromMinutes(5));

        var insert = await db.AuditEntries.SingleAsync(a => a.EntityType == "Unit" && a.EntityId == created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        Assert.Equal(AuditAction.Created, insert.Action);
        Assert.Null(insert.Before);
        Assert.Contains(created.Path, insert.After, StringComparison.Ordinal);

        // Administrators read it on the audit page; others may not.
        var admin = await app.LoginAsync(DemoAccounts.Admin);
        string page = await admin.GetStringAsync("/admin/audit?entity=Unit", Ct);
        Assert.Contains("Chi bộ Khu phố Đông", page, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", page);
        // Readable, not raw JSON: the entity in Vietnamese and, for an update, only the field that changed.
        Assert.Contains($"Đơn vị #{unit.Id}", page, StringComparison.Ordinal);
        Assert.Matches(@"<dt title=""Name"">Tên</dt>\s*<dd>\s*<del>Chi bộ khu phố 1, phường Kinh Bắc</del>", page);
        Assert.DoesNotContain("{&quot;", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/audit", Ct)).StatusCode);
    }
}
