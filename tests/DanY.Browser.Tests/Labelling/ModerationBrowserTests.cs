using DanY.Domain.Consultations;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using DanY.Infrastructure.Seed;
using DanY.TestKit.Browser;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Labelling;

public sealed class ModerationBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ward A's screening set trained on 36 labelled portal comments and applied to the demo consultation.</summary>
    private static async Task<(int SetId, List<long> Abuse)> SeedAsync(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<LabellingService>();
        int ward = await db.Units.Where(u => u.Code == DemoAccounts.WardA).Select(u => u.Id).SingleAsync(Ct);
        int consultationId = await db.Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync(Ct);
        var template = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Id).FirstAsync(Ct);
        Comment Add(string text)
        {
            var c = new Comment(Receipts.New(), $"mod-{Guid.NewGuid():N}", consultationId, template.DraftId, template.DraftVersionId, null, Stance.Disagree, text,
                CommentChannels.Portal, ward, null, null, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
                DateTimeOffset.UtcNow);
            db.Comments.Add(c);
            return c;
        }
        var valid = Enumerable.Range(0, 16).Select(i => Add($"Đề nghị bổ sung giải pháp phát triển giáo dục và y tế ở phường, nhất là trường học và trạm y tế (ý kiến {i}).")).ToList();
        var spam = Enumerable.Range(0, 16).Select(i => Add($"Khuyến mãi lớn, vay tiền nhanh lãi suất 0%, bấm vào link nhận quà số {i}!!!")).ToList();
        var abuse = Enumerable.Range(0, 16).Select(i => Add($"Bọn ngu dốt vô dụng, đồ lừa đảo, cút hết đi lần {i}")).ToList();
        await db.SaveChangesAsync(Ct);
        var set = await service.EnsureModerationSetAsync(ward, Ct);
        var labels = valid.Take(12).ToDictionary(c => c.Id, _ => (string?)"Hợp lệ");
        foreach (var c in spam.Take(12)) labels[c.Id] = "Rác";
        foreach (var c in abuse.Take(12)) labels[c.Id] = "Xúc phạm";
        await service.SetLabelsAsync(set, consultationId, labels, "seed", Ct);
        await service.TrainAsync(set, "seed", Ct);
        var job = await service.CreateApplyJobAsync(set, consultationId, "seed", Ct);
        await service.RunJobAsync(job.Id, Ct);
        return (set.Id, abuse.Skip(12).Select(c => c.Id).ToList());
    }

    [Fact]
    public async Task staff_sets_aside_flagged_comments()
    {
        await using var app = new DanYApp(DatabaseProvider.Sqlite);
        var baseUrl = app.StartKestrel();
        int setId;
        List<long> abuse;
        using (var scope = app.Scope()) (setId, abuse) = await SeedAsync(scope);

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(baseUrl.ToString());
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", DemoAccounts.WardAOfficer);
        await page.FillAsync("#Password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit].button");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/labelling");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hàng chờ kiểm duyệt ý kiến trên cổng" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/labelling/moderation/{setId}", StringComparison.Ordinal));
        await BrowserSession.ScreenshotAsync(page, "moderation-queue");
        // The first comment the model calls abusive and nobody labelled yet.
        var row = page.Locator("li.comment").Filter(new() { HasText = "Mô hình: Xúc phạm" }).Filter(new() { HasNotText = "Cán bộ đã gán" }).First;
        await row.WaitForAsync();
        long id = long.Parse((await row.GetAttributeAsync("data-comment"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(id, abuse);
        Assert.Contains("độ tin cậy", await row.Locator(".suggestion").InnerTextAsync(), StringComparison.Ordinal);

        await row.Locator("input[name=note]").FillAsync("Lời lẽ xúc phạm cán bộ");
        await row.GetByRole(AriaRole.Button, new() { Name = "Để riêng" }).ClickAsync();
        await page.GetByText("Đã để riêng 1 ý kiến (Xúc phạm)").WaitForAsync();
        Assert.Equal(0, await page.Locator($"li.comment[data-comment='{id}']").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Đã xử lý" }).ClickAsync();
        var decided = page.Locator($"#decisions tr[data-comment='{id}']");
        await decided.WaitForAsync();
        Assert.Contains("Lời lẽ xúc phạm cán bộ", await decided.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "moderation-history");

        using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<DanYDbContext>();
        Assert.Equal(CommentStatus.Rejected, (await db.Comments.AsNoTracking().SingleAsync(c => c.Id == id, Ct)).Status);
        Assert.Equal(ModerationOutcome.SetAside, (await db.ModerationDecisions.AsNoTracking().SingleAsync(d => d.CommentId == id, Ct)).Outcome);
    }
}
