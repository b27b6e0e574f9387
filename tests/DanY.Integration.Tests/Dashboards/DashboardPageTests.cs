using System.Net;
using System.Text;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests.Dashboards;

/// <summary>The dashboard pages over HTTP: permissions, no script, Vietnamese text, exports.</summary>
public sealed class DashboardPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Province_dashboard_shows_which_communes_submitted_late_or_not_at_all(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        int id, provinceId, current;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            id = await db.Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync(Ct);
            provinceId = await db.Units.Where(u => u.Code == DemoAccounts.Province).Select(u => u.Id).SingleAsync(Ct);
            current = await db.Set<DanY.Domain.Synthesis.RollupSubmission>().CountAsync(s => s.ConsultationId == id && s.ParentUnitId == provinceId && s.IsCurrent, Ct);
        }
        var client = await app.LoginAsync(DemoAccounts.ProvinceBoardEditor);
        string html = await client.GetStringAsync($"/dashboards/{id}?unit={provinceId}", Ct);
        var summary = System.Text.RegularExpressions.Regex.Match(html, @"id=""submissions-summary"">(\d+) đúng hạn · (\d+) muộn · (\d+) chưa gửi");
        Assert.True(summary.Success, "the submission summary is on the province dashboard");
        int onTime = int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int late = int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        int missing = int.Parse(summary.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Same figures as the roll-up: every current submission is on time or late; the demo leaves some communes missing.
        Assert.Equal(current, onTime + late);
        Assert.True(onTime > 0 && late > 0 && missing > 0, $"{onTime}/{late}/{missing}");
        Assert.Equal(onTime + late + missing, System.Text.RegularExpressions.Regex.Matches(html[html.IndexOf("id=\"submissions-table\"", StringComparison.Ordinal)..], "<tr[ >]").Count - 1);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Ward_officer_sees_the_ward_dashboard_only_and_exports_its_tables(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        int id, wardId, provinceId, wardTotal;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            id = await db.Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync(Ct);
            var ward = await db.Units.SingleAsync(u => u.Code == DemoAccounts.WardA, Ct);
            wardId = ward.Id;
            provinceId = await db.Units.Where(u => u.Code == DemoAccounts.Province).Select(u => u.Id).SingleAsync(Ct);
            wardTotal = await db.Comments.CountAsync(c => c.ConsultationId == id && c.Status == CommentStatus.Received
                && db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(ward.Path)), Ct);
        }
        var anonymous = app.Client();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/dashboards/{id}", Ct)).StatusCode);

        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        // Lands on the ward, the highest unit of the consultation the officer holds a role at.
        var response = await client.GetAsync($"/dashboards/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"<strong id=\"dashboard-total\">{DanY.Documents.Reports.ReportText.Number(wardTotal)}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Số ý kiến theo kênh tiếp nhận", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/dashboards/{id}?unit={provinceId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/dashboards/{id}?unit={provinceId}&handler=Export&table=channels&format=csv", Ct)).StatusCode);

        var csv = await client.GetAsync($"/dashboards/{id}?unit={wardId}&handler=Export&table=days&format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        string text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Ngày,Số ý kiến", lines[0]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2},\d+$", lines[1]);
        Assert.Equal(wardTotal, lines.Skip(1).Sum(l => int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)));

        var xlsx = await client.GetAsync($"/dashboards/{id}?unit={wardId}&handler=Export&table=sections&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        byte[] bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/dashboards/{id}?handler=Export&table=secrets&format=csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboards/999999", Ct)).StatusCode);
    }
}
