using System.Net;
using DanY.Domain.Auditing;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests;

public sealed class ReportingLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_receiving_unit_adds_and_removes_a_reporting_line(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        const string receiving = "24.TU";
        string lines = $"/units/{receiving}/lines";
        string from = DemoAccounts.WardA + ".MTTQ";

        // A ward editor cannot view the provincial committee, let alone change whom it gathers reports from.
        var ward = await app.LoginAsync(DemoAccounts.WardAOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync(lines, Ct)).StatusCode);

        var admin = await app.LoginAsync(DemoAccounts.Admin);
        var unknown = await Forms.PostAsync(admin, lines, lines + "?handler=Add", new Dictionary<string, string> { ["Form.FromCode"] = "khong-co" });
        Assert.Contains("Không có đơn vị mã “khong-co”", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var add = await Forms.PostAsync(admin, lines, lines + "?handler=Add", new Dictionary<string, string>
        {
            ["Form.FromCode"] = from, ["Form.ViaCode"] = "24.TU.BTGDV", ["Form.Purpose"] = "Tổng hợp ý kiến Nhân dân qua Mặt trận phường",
        });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var twice = await Forms.PostAsync(admin, lines, lines + "?handler=Add", new Dictionary<string, string> { ["Form.FromCode"] = from });
        Assert.Contains("đã báo cáo lên", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        int lineId;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            var line = await db.ReportingLines.Include(l => l.FromUnit).Include(l => l.ViaUnit)
                .SingleAsync(l => l.FromUnit!.Code == from && l.ToUnit!.Code == receiving, Ct);
            Assert.Equal("24.TU.BTGDV", line.ViaUnit!.Code);
            lineId = line.Id;
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ReportingLine) && a.Action == AuditAction.Created, Ct));
        }
        Assert.Contains("Nhận báo cáo từ", await admin.GetStringAsync(lines, Ct), StringComparison.Ordinal);

        var remove = await Forms.PostAsync(admin, lines, $"{lines}?handler=Remove&lineId={lineId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        using (var scope = app.Scope())
            Assert.False(await scope.Db().ReportingLines.AnyAsync(l => l.Id == lineId, Ct));
    }
}
