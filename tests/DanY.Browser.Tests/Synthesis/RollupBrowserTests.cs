using System.Globalization;
using DanY.Domain.Synthesis;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using DanY.Infrastructure.Synthesis;
using DanY.TestKit.Browser;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Synthesis;

/// <summary>Roll-up in a real browser (SQLite; the service tests cover both providers).</summary>
public sealed class RollupBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The demo app with a stored synthesis of the open consultation.</summary>
    private static async Task<(DanYApp App, Uri Address, int ConsultationId)> StartAsync()
    {
        var app = new DanYApp(DatabaseProvider.Sqlite);
        var address = app.StartKestrel();
        using var scope = app.Scope();
        int id = await scope.Db().Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<SynthesisStore>().RunAsync(id, cancellationToken: Ct);
        return (app, address, id);
    }

    private static async Task<IPage> LoginAsync(BrowserSession session, Uri address, string email)
    {
        var page = await session.NewPageAsync(address.ToString());
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task staff_submits_synthesis_to_parent()
    {
        var (app, address, id) = await StartAsync();
        await using var _ = app;
        await using var session = await BrowserSession.StartAsync();

        // The ward officer sees the ward's own synthesis, not yet submitted, and submits it to the province.
        var ward = await LoginAsync(session, address, DemoAccounts.WardAOfficer);
        await ward.GotoAsync($"/synthesis/{id}/units/{DemoAccounts.WardA}");
        Assert.Contains("Chưa gửi", await ward.InnerTextAsync("#submission-state"), StringComparison.Ordinal);
        Assert.Contains("Tỉnh Bắc Ninh", await ward.InnerTextAsync("#submission"), StringComparison.Ordinal);
        await ward.ClickAsync("#submit-synthesis");
        await ward.WaitForURLAsync(url => url.Contains("submitted=", StringComparison.Ordinal));
        string state = await ward.InnerTextAsync("#submission-state");
        int wardAId, wardComments;
        RollupSubmission submission;
        string officerId;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            wardAId = await db.Units.Where(u => u.Code == DemoAccounts.WardA).Select(u => u.Id).SingleAsync(Ct);
            submission = await db.Set<RollupSubmission>().AsNoTracking().SingleAsync(s => s.ConsultationId == id && s.UnitId == wardAId && s.IsCurrent, Ct);
            officerId = await db.Users.Where(u => u.Email == DemoAccounts.WardAOfficer).Select(u => u.Id).SingleAsync(Ct);
            wardComments = await db.Comments.CountAsync(c => c.ConsultationId == id && c.UnitId == wardAId, Ct);
        }
        Assert.Equal(officerId, submission.SubmittedBy);
        Assert.Equal(wardComments, submission.Comments);
        // The demo's due date is three days ago: a submission today is late, and says so with its numbers.
        Assert.Contains("Gửi muộn", state, StringComparison.Ordinal);
        Assert.Contains(DanY.Documents.Reports.ReportText.Number(wardComments) + " ý kiến", state, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(ward, "staff_submits_synthesis_to_parent-ward");

        // A ward role does not open the province's synthesis.
        var denied = await ward.GotoAsync($"/synthesis/{id}/units/{DemoAccounts.Province}");
        Assert.Equal(403, denied!.Status);

        // The province board sees the ward among the sources of the merged groups and reads its original comments.
        var province = await LoginAsync(session, address, DemoAccounts.ProvinceBoardEditor);
        await province.GotoAsync($"/synthesis/{id}/units/{DemoAccounts.Province}");
        Assert.Contains("Tổng cộng", await province.InnerTextAsync("#merged-totals"), StringComparison.Ordinal);
        var row = province.Locator($"table.rollup-groups tbody tr[data-sources~='{DemoAccounts.WardA}']").First;
        await BrowserSession.ScreenshotAsync(province, "staff_submits_synthesis_to_parent-province");
        await row.Locator("a.drill").ClickAsync();
        await province.WaitForURLAsync("**/groups/*");
        await province.Locator("#group-sources tr[data-unit='" + DemoAccounts.WardA + "'] a").ClickAsync();
        await province.WaitForURLAsync(url => url.Contains("source=" + wardAId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var rows = province.Locator("#group-comments tbody tr");
        int shown = await rows.CountAsync();
        Assert.True(shown > 0);
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            for (int i = 0; i < shown; i++)
            {
                long commentId = long.Parse(await rows.Nth(i).GetAttributeAsync("data-comment") ?? "0", CultureInfo.InvariantCulture);
                Assert.Equal(wardAId, await db.Comments.Where(c => c.Id == commentId).Select(c => c.UnitId).SingleAsync(Ct));
            }
        }
        Assert.Equal(shown.ToString(CultureInfo.InvariantCulture), await province.InnerTextAsync("#comment-total"));
        await BrowserSession.ScreenshotAsync(province, "staff_submits_synthesis_to_parent-drilldown");
    }

    [Fact]
    public async Task province_sees_missing_communes()
    {
        var (app, address, id) = await StartAsync();
        await using var _ = app;
        await using var session = await BrowserSession.StartAsync();
        int communes, submitted;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            int provinceId = await db.Units.Where(u => u.Code == DemoAccounts.Province).Select(u => u.Id).SingleAsync(Ct);
            communes = await db.Units.CountAsync(u => u.ParentId == provinceId && u.Kind == UnitKind.AdministrativeArea, Ct);
            submitted = await db.Set<RollupSubmission>().CountAsync(s => s.ConsultationId == id && s.ParentUnitId == provinceId && s.IsCurrent, Ct);
        }

        var page = await LoginAsync(session, address, DemoAccounts.ProvinceBoardEditor);
        await page.GotoAsync($"/synthesis/{id}/units/{DemoAccounts.Province}");
        Assert.Equal((communes - submitted).ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#children-summary #count-missing"));
        await page.ClickAsync("#children-link");
        await page.WaitForURLAsync("**/children");
        int onTime = int.Parse(await page.InnerTextAsync("#count-ontime"), CultureInfo.InvariantCulture);
        int late = int.Parse(await page.InnerTextAsync("#count-late"), CultureInfo.InvariantCulture);
        int missing = int.Parse(await page.InnerTextAsync("#count-missing"), CultureInfo.InvariantCulture);
        Assert.True(onTime > 0 && late > 0 && missing > 0, $"{onTime}/{late}/{missing}");
        Assert.Equal(communes, onTime + late + missing);
        Assert.Equal(submitted, onTime + late);
        Assert.NotNull(await page.QuerySelectorAsync(".rollup-bar .missing"));
        await BrowserSession.ScreenshotAsync(page, "province_sees_missing_communes-all");

        // Only the missing communes, the demo wards among them (their officers have not submitted).
        await page.SelectOptionAsync("#status", "missing");
        await page.ClickAsync("#children-filter button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("status=missing", StringComparison.Ordinal));
        var rows = page.Locator("#children tbody tr");
        Assert.Equal(missing, await rows.CountAsync());
        Assert.Equal(missing, await page.Locator("#children tbody tr[data-state=missing]").CountAsync());
        Assert.Equal(1, await page.Locator($"#children tbody tr[data-unit='{DemoAccounts.WardA}']").CountAsync());
        Assert.Contains("Chưa gửi", await page.Locator($"#children tbody tr[data-unit='{DemoAccounts.WardA}']").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "province_sees_missing_communes");

        // Search without diacritics narrows to one commune.
        await page.FillAsync("#q", "kinh bac");
        await page.ClickAsync("#children-filter button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("q=kinh", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("#children tbody tr").CountAsync());
    }
}
