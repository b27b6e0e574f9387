using System.Net;
using System.Security.Claims;
using DanY.Domain.Labelling;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using DanY.Infrastructure.Monitoring;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Labelling;

/// <summary>Situation-report items labelled and classified with the same label sets and models as comments.</summary>
public sealed class ReportItemLabellingTests
{
    private const string StaffId = "test-staff";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Labels = ["Lao động, việc làm", "Nông nghiệp", "Vụ việc, đơn thư", "Khác"];

    private static string Rule(string text) =>
        text.Contains("Công nhân", StringComparison.Ordinal) ? Labels[0]
        : text.Contains("Nông dân", StringComparison.Ordinal) ? Labels[1]
        : text.Contains("đơn thư", StringComparison.Ordinal) || text.Contains("vụ việc", StringComparison.OrdinalIgnoreCase) ? Labels[2]
        : Labels[3];

    private static async Task<ClaimsPrincipal> StaffAsync(DanYDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, email)], "test"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Compiled_report_items_are_labelled_suggested_and_counted(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        int setId, compiledId;
        IReadOnlyList<ReportItem> items;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            var board = await StaffAsync(db, DemoAccounts.ProvinceBoardEditor);
            var monitoring = scope.ServiceProvider.GetRequiredService<SituationMonitoring>();
            var today = monitoring.Today;
            var period = await db.ReportingPeriods.Where(p => p.Due < today && db.SituationReports.Count(r => r.PeriodId == p.Id && r.Status == ReportStatus.Accepted) > 3)
                .OrderByDescending(p => p.Due).FirstAsync(Ct);
            var compiled = await scope.ServiceProvider.GetRequiredService<ReportCompiler>().CompileAsync(board, period.Id, Ct);
            compiledId = compiled.Id;
            var labelling = scope.ServiceProvider.GetRequiredService<LabellingService>();
            var set = await labelling.CreateSetAsync(compiled.UnitId, "Lĩnh vực", Labels, Ct);
            setId = set.Id;
            var service = scope.ServiceProvider.GetRequiredService<ReportItemLabelling>();
            items = await service.ItemsAsync(compiled, Ct);
            var sources = items.Select(i => i.ReportId).Distinct().ToList();
            Assert.True(sources.Count > 3, "a compiled report is labelled through its children's reports");
            Assert.DoesNotContain(compiled.Id, sources);
            Assert.Equal(items.Count, items.Select(i => i.FormKey).Distinct(StringComparer.Ordinal).Count());

            // Staff label the items of the first reports; the model learns them and suggests for the rest.
            var first = sources.Take(sources.Count / 2).ToHashSet();
            var toLabel = items.Where(i => first.Contains(i.ReportId)).ToDictionary(i => i.FormKey, i => (string?)Rule(i.Text), StringComparer.Ordinal);
            Assert.Equal(toLabel.Count, await service.SetLabelsAsync(set, compiled, toLabel, StaffId, Ct));
            await Assert.ThrowsAsync<LabellingException>(() => service.SetLabelsAsync(set, compiled,
                new Dictionary<string, string?> { [items[0].FormKey] = "Không có" }, StaffId, Ct));
            await Assert.ThrowsAsync<LabellingException>(() => service.SetLabelsAsync(set, compiled,
                new Dictionary<string, string?> { ["999999/general:0000"] = Labels[0] }, StaffId, Ct));
            var model = await labelling.TrainAsync(set, StaffId, Ct);
            Assert.Equal(toLabel.Count, model.TrainingExamples);

            var rows = await service.RowsAsync(set, compiled, Ct);
            var open = rows.Where(r => r.Label is null).ToList();
            Assert.NotEmpty(open);
            Assert.All(open, r => Assert.InRange(r.Confidence!.Value, 0, 1));
            int right = open.Count(r => r.Suggestion == Rule(r.Item.Text));
            Assert.True(right >= open.Count * 0.9, $"{right}/{open.Count} suggestions follow the staff's labels");

            var counts = ReportItemLabelling.Counts(set, rows);
            Assert.Equal(toLabel.Count, counts.Sum(c => c.Staff));
            Assert.Equal(open.Count, counts.Sum(c => c.Suggested));
            Assert.Equal(toLabel.Values.Count(v => v == Labels[1]), counts.Single(c => c.Label == Labels[1]).Staff);

            int accepted = await service.AcceptAboveAsync(set, compiled, 0.5, StaffId, Ct);
            Assert.Equal(open.Count(r => r.Confidence >= 0.5), accepted);
            var after = ReportItemLabelling.Counts(set, await service.RowsAsync(set, compiled, Ct));
            Assert.Equal(accepted, after.Sum(c => c.Accepted));
            Assert.Equal(toLabel.Count, after.Sum(c => c.Staff));
            Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ReportItemLabel), Ct) >= toLabel.Count + accepted);
        }

        // The compiled report's page shows the per-label counts and links to the labelling page, which lists the items.
        var client = await app.LoginAsync(DemoAccounts.ProvinceBoardEditor);
        string report = await client.GetStringAsync($"/reporting/reports/{compiledId}", Ct);
        Assert.Contains("Phân loại các ý của báo cáo cấp dưới", report, StringComparison.Ordinal);
        Assert.Contains($"/labelling/{setId}/reports/{compiledId}", report, StringComparison.Ordinal);
        Assert.Contains(Labels[1], report, StringComparison.Ordinal);
        string page = await client.GetStringAsync($"/labelling/{setId}/reports/{compiledId}?filter=Labelled&label={Uri.EscapeDataString(Labels[1])}", Ct);
        Assert.Contains("Nông dân", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Công nhân, người lao động quan tâm", page, StringComparison.Ordinal);

        // A ward officer cannot open the province's compiled report for labelling.
        var ward = await app.LoginAsync(DemoAccounts.WardAOfficer);
        var denied = await ward.GetAsync($"/labelling/{setId}/reports/{compiledId}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
