using DanY.Domain.Consultations;
using DanY.Domain.Labelling;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using DanY.TestKit.Browser;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Labelling;

/// <summary>Labelling inside the synthesis workspace, in a real browser, by keyboard and forms.</summary>
public sealed class WorkspaceLabellingBrowserTests
{
    private static readonly (string Label, string[] Cues)[] Topics =
    [
        ("Kinh tế", ["doanh nghiệp", "vốn đầu tư", "khu công nghiệp", "xuất khẩu", "thuế", "tín dụng"]),
        ("Giáo dục", ["trường học", "giáo viên", "học sinh", "sách giáo khoa", "học phí", "phòng học"]),
        ("Y tế", ["bệnh viện", "trạm y tế", "bác sĩ", "bảo hiểm y tế", "thuốc", "tiêm chủng"]),
    ];

    private static readonly string[] Asks = ["cần được quan tâm đầu tư hơn", "nên có chính sách hỗ trợ cụ thể", "phải được cải thiện trong nhiệm kỳ tới", "còn nhiều khó khăn cần tháo gỡ"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string TopicOf(string text) => Topics.First(t => t.Cues.Any(c => text.Contains(c, StringComparison.Ordinal))).Label;

    /// <summary>Ward A's consultation, 60 comments, 30 labelled by staff, a model applied, and a synthesis group of 30 comments (10 labelled).</summary>
    private static async Task<(int ConsultationId, long GroupId)> SeedAsync(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<LabellingService>();
        int ward = await db.Units.Where(u => u.Code == DemoAccounts.WardA).Select(u => u.Id).SingleAsync(Ct);
        var template = await db.Comments.AsNoTracking().OrderBy(c => c.Id).FirstAsync(Ct);
        var consultation = new Consultation("Lấy ý kiến Nhân dân phường Kinh Bắc về chương trình an sinh năm 2027", ward, ward,
            DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(20), [CommentChannels.Portal], []);
        consultation.AddDraft(template.DraftId);
        consultation.Publish();
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(Ct);
        var random = new Random(5);
        var comments = new List<(Comment Comment, string Topic)>();
        for (int i = 0; i < 20; i++)
        {
            foreach (var (label, cues) in Topics)
            {
                string text = $"Về {cues[random.Next(cues.Length)]} và {cues[random.Next(cues.Length)]} ở khu phố, {Asks[random.Next(Asks.Length)]} (góp ý số {i + 1}).";
                var c = new Comment(Receipts.New(), $"browser-{Guid.NewGuid():N}", consultation.Id, template.DraftId, template.DraftVersionId, null,
                    Stance.Partly, text, CommentChannels.Portal, ward, null, null,
                    Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), DateTimeOffset.UtcNow.AddMinutes(-i));
                db.Comments.Add(c);
                comments.Add((c, label));
            }
        }
        await db.SaveChangesAsync(Ct);
        var set = await service.CreateSetAsync(ward, "Chủ đề", Topics.Select(t => t.Label), Ct);
        await service.SetLabelsAsync(set, consultation.Id, comments.Skip(30).ToDictionary(c => c.Comment.Id, c => (string?)c.Topic), "seed", Ct);
        await service.SetLabelsAsync(set, consultation.Id, comments.Take(30).Where((_, i) => i % 3 == 0).ToDictionary(c => c.Comment.Id, c => (string?)c.Topic), "seed", Ct);
        await service.TrainAsync(set, "seed", Ct);
        var job = await service.CreateApplyJobAsync(set, consultation.Id, "seed", Ct);
        await service.RunJobAsync(job.Id, Ct);

        var run = new SynthesisRun(consultation.Id, "test", "{}", "test", comments.Count, DateTimeOffset.UtcNow);
        db.SynthesisRuns.Add(run);
        await db.SaveChangesAsync(Ct);
        var group = new SynthesisGroup(run.Id, template.DraftId, "", -1, "g1", comments[0].Comment.Text, "an sinh · khu phố", "Nhiều ý kiến", 0.5, 30, 30, 1, 0, 0,
            """{"Channel":{"online":30},"Group":{},"Stance":{"partly":30}}""");
        db.SynthesisGroups.Add(group);
        await db.SaveChangesAsync(Ct);
        foreach (var (c, _) in comments.Take(30)) db.SynthesisMembers.Add(new SynthesisMember(run.Id, group.Id, c.Id, true));
        await db.SaveChangesAsync(Ct);
        return (consultation.Id, group.Id);
    }

    /// <summary>Runs an action that loads a new page and waits for that page (the old one may hold the same elements).</summary>
    private static async Task NavigatingAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.__before = true; }");
        await action();
        await page.WaitForFunctionAsync("() => !window.__before && document.readyState === 'complete'");
    }

    [Fact]
    public async Task staff_labels_comments_in_workspace()
    {
        await using var app = new DanYApp(DatabaseProvider.Sqlite);
        var baseUrl = app.StartKestrel();
        int consultationId;
        long groupId;
        using (var scope = app.Scope()) (consultationId, groupId) = await SeedAsync(scope);

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(baseUrl.ToString());
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", DemoAccounts.WardAOfficer);
        await page.FillAsync("#Password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit].button");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync($"/synthesis/{consultationId}/groups/{groupId}");
        var panel = page.Locator("#labelling");
        await panel.WaitForAsync();
        Assert.Equal("Chủ đề — Phường Kinh Bắc", (await panel.Locator("#ls option:checked").InnerTextAsync()).Trim());
        var rows = panel.Locator("li.comment");
        Assert.Equal(20, await rows.CountAsync());
        Assert.Equal(10, await panel.Locator("#labelling-counts tbody td.num").EvaluateAllAsync<int>("cells => cells.filter((c, i) => i % 3 === 0).reduce((s, c) => s + Number(c.textContent), 0)"));
        await panel.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Path.GetDirectoryName(await BrowserSession.ScreenshotAsync(page, "workspace-labelling-page"))!, "workspace-labelling-panel.png") });

        // Keyboard: focus the first unlabelled comment's select and type the label's number.
        var unlabelled = panel.Locator("li.comment:not(.is-labelled)");
        var first = unlabelled.Nth(0);
        string firstText = await first.Locator("blockquote").InnerTextAsync();
        string wanted = TopicOf(firstText);
        int number = Array.FindIndex(Topics, t => t.Label == wanted) + 1;
        await first.Locator("select").FocusAsync();
        await page.Keyboard.PressAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(wanted, await first.Locator("select").InputValueAsync());
        long firstId = long.Parse((await first.GetAttributeAsync("data-comment"))!, System.Globalization.CultureInfo.InvariantCulture);

        // Tab moves on to the next comment's controls; a second comment is corrected by keyboard too.
        var second = unlabelled.Nth(1);
        string secondWanted = TopicOf(await second.Locator("blockquote").InnerTextAsync());
        await second.Locator("select").FocusAsync();
        await page.Keyboard.PressAsync((Array.FindIndex(Topics, t => t.Label == secondWanted) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserSession.ScreenshotAsync(page, "workspace-labelling-typed");

        // Save from the keyboard (Ctrl+Enter in the form).
        await NavigatingAsync(page, () => page.Keyboard.PressAsync("Control+Enter"));
        await page.WaitForSelectorAsync("#labelling-message");
        Assert.Equal("Đã lưu 2 thay đổi nhãn.", (await page.InnerTextAsync("#labelling-message")).Trim());
        Assert.EndsWith("#labelling", page.Url, StringComparison.Ordinal);

        // Accept one suggestion in place.
        var third = page.Locator("#labelling li.comment:not(.is-labelled)").Nth(0);
        string suggestion = await third.Locator(".suggestion strong").InnerTextAsync();
        long thirdId = long.Parse((await third.GetAttributeAsync("data-comment"))!, System.Globalization.CultureInfo.InvariantCulture);
        await NavigatingAsync(page, () => third.GetByRole(AriaRole.Button, new() { Name = "Nhận gợi ý" }).ClickAsync());
        await page.WaitForSelectorAsync("#labelling-message");
        Assert.Contains("nhận 1 gợi ý", await page.InnerTextAsync("#labelling-message"), StringComparison.Ordinal);

        // Filter: only comments labelled "Y tế".
        await page.SelectOptionAsync("#lf", "Labelled");
        await page.SelectOptionAsync("#ll", "Y tế");
        await NavigatingAsync(page, () => page.Locator("#labelling-filters button[type=submit]").ClickAsync());
        Assert.Contains("lf=Labelled", page.Url, StringComparison.Ordinal);
        var filtered = page.Locator("#labelling li.comment");
        int shown = await filtered.CountAsync();
        Assert.True(shown > 0);
        for (int i = 0; i < shown; i++) Assert.Equal("Y tế", await filtered.Nth(i).Locator("select").InputValueAsync());
        await BrowserSession.ScreenshotAsync(page, "workspace-labelling-filtered");

        // Bulk accept the group's suggestions from 50 %.
        await page.SelectOptionAsync("#lf", "All");
        await page.SelectOptionAsync("#ll", "");
        await NavigatingAsync(page, () => page.Locator("#labelling-filters button[type=submit]").ClickAsync());
        await page.FillAsync("#wl-threshold", "50");
        await NavigatingAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận gợi ý của nhóm" }).ClickAsync());
        await page.WaitForSelectorAsync("#labelling-message");
        string bulk = await page.InnerTextAsync("#labelling-message");
        Assert.Contains("Đã chấp nhận", bulk, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "workspace-labelling-bulk");

        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            var labels = await db.CommentLabels.AsNoTracking().ToDictionaryAsync(l => l.CommentId, Ct);
            Assert.Equal((wanted, LabelSource.Staff), (labels[firstId].Label, labels[firstId].Source));
            Assert.Equal((suggestion, LabelSource.AcceptedSuggestion), (labels[thirdId].Label, labels[thirdId].Source));
            int bulkAccepted = await db.CommentLabels.CountAsync(l => l.Source == LabelSource.AcceptedSuggestion, Ct) - 1;
            Assert.Contains($"Đã chấp nhận {bulkAccepted} gợi ý", bulk, StringComparison.Ordinal);
        }
    }
}
