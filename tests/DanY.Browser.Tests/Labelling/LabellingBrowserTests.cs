using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using DanY.TestKit.Browser;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Labelling;

public sealed class LabellingBrowserTests
{
    private static readonly (string Label, string[] Cues)[] Topics =
    [
        ("Kinh tế", ["doanh nghiệp", "vốn đầu tư", "khu công nghiệp", "xuất khẩu", "thuế", "tín dụng"]),
        ("Giáo dục", ["trường học", "giáo viên", "học sinh", "sách giáo khoa", "học phí", "phòng học"]),
        ("Y tế", ["bệnh viện", "trạm y tế", "bác sĩ", "bảo hiểm y tế", "thuốc", "tiêm chủng"]),
    ];

    private static readonly string[] Asks = ["cần được quan tâm đầu tư hơn", "nên có chính sách hỗ trợ cụ thể", "phải được cải thiện trong nhiệm kỳ tới", "còn nhiều khó khăn cần tháo gỡ"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string TopicOf(string text) =>
        Topics.First(t => t.Cues.Any(c => text.Contains(c, StringComparison.Ordinal))).Label;

    /// <summary>A consultation run by ward A with 60 comments whose topic shows in their words.</summary>
    private static async Task SeedWardConsultationAsync(DanYDbContext db)
    {
        int ward = await db.Units.Where(u => u.Code == DemoAccounts.WardA).Select(u => u.Id).SingleAsync(Ct);
        var template = await db.Comments.AsNoTracking().OrderBy(c => c.Id).FirstAsync(Ct);
        var consultation = new Consultation("Lấy ý kiến Nhân dân phường Kinh Bắc về chương trình an sinh năm 2027", ward, ward,
            DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(20), [CommentChannels.Portal], []);
        consultation.AddDraft(template.DraftId);
        consultation.Publish();
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(Ct);
        var random = new Random(5);
        for (int i = 0; i < 20; i++)
        {
            foreach (var (_, cues) in Topics)
            {
                string text = $"Về {cues[random.Next(cues.Length)]} và {cues[random.Next(cues.Length)]} ở khu phố, {Asks[random.Next(Asks.Length)]} (góp ý số {i + 1}).";
                db.Comments.Add(new Comment(Receipts.New(), $"browser-{Guid.NewGuid():N}", consultation.Id, template.DraftId, template.DraftVersionId, null,
                    Stance.Partly, text, CommentChannels.Portal, ward, null, null, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
                    DateTimeOffset.UtcNow.AddMinutes(-i)));
            }
        }
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Staff_labels_comments_and_trains_a_model()
    {
        await using var app = new DanYApp(DanY.Infrastructure.Data.DatabaseProvider.Sqlite);
        var baseUrl = app.StartKestrel();
        using (var scope = app.Scope()) await SeedWardConsultationAsync(scope.Db());

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(baseUrl.ToString());
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", DemoAccounts.WardAOfficer);
        await page.FillAsync("#Password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit].button");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // A label set of the ward.
        await page.GotoAsync("/labelling");
        await page.GetByRole(AriaRole.Link, new() { Name = "Phân loại ý kiến" }).First.WaitForAsync();
        await page.FillAsync("#name", "Chủ đề");
        await page.FillAsync("#labels", "Kinh tế\nGiáo dục\nY tế");
        await BrowserSession.ScreenshotAsync(page, "labelling-index");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo bộ nhãn" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/labelling/\\d+$"));
        Assert.Contains("Chủ đề", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        // Label the first page of unlabelled comments (18 of 20), by what they talk about.
        await page.GetByRole(AriaRole.Link, new() { Name = "Gán nhãn ý kiến" }).ClickAsync();
        var items = page.Locator("li.comment");
        Assert.Equal(20, await items.CountAsync());
        for (int i = 0; i < 18; i++)
        {
            string text = await items.Nth(i).Locator("blockquote").InnerTextAsync();
            await items.Nth(i).Locator("select").SelectOptionAsync(new SelectOptionValue { Label = TopicOf(text) });
        }
        await BrowserSession.ScreenshotAsync(page, "labelling-comments-before-save");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nhãn trên trang này" }).ClickAsync();
        Assert.Contains("Đã lưu 18 thay đổi nhãn", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);

        // Train, then apply to the consultation and wait for the progress to end (the page refreshes itself).
        await page.GetByRole(AriaRole.Link, new() { Name = "Chủ đề" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Huấn luyện mô hình" }).ClickAsync();
        Assert.Contains("Đã huấn luyện mô hình từ 18 nhãn", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        var metricsRows = page.Locator("table:has(caption) tbody tr");
        Assert.Equal(3, await metricsRows.CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng mô hình cho các ý kiến" }).ClickAsync();
        await page.GetByText("Đã áp dụng xong").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("100", await page.GetAttributeAsync("#job-progress", "value"));
        await BrowserSession.ScreenshotAsync(page, "labelling-model");

        // The model's suggestions for the comments nobody labelled follow the staff's labels.
        await page.GotoAsync(page.Url.Replace("?", "/comments?", StringComparison.Ordinal) + "&filter=Suggested");
        var suggested = page.Locator("li.comment");
        int count = await suggested.CountAsync();
        Assert.Equal(20, count);
        int right = 0;
        for (int i = 0; i < count; i++)
        {
            string text = await suggested.Nth(i).Locator("blockquote").InnerTextAsync();
            string suggestion = await suggested.Nth(i).Locator(".suggestion strong").InnerTextAsync();
            if (string.Equals(suggestion, TopicOf(text), StringComparison.Ordinal)) right++;
        }
        Assert.True(right >= 17, $"{right}/20 suggestions match");
        await BrowserSession.ScreenshotAsync(page, "labelling-suggestions");

        // Accept the confident ones in bulk; the counts show them as accepted.
        await page.GetByRole(AriaRole.Link, new() { Name = "Chủ đề" }).Last.ClickAsync();
        await page.FillAsync("#threshold", "50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận", Exact = true }).ClickAsync();
        string status = await page.InnerTextAsync("[role=status]");
        Assert.Contains("Đã chấp nhận", status, StringComparison.Ordinal);
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            int accepted = await db.CommentLabels.CountAsync(l => l.Source == DanY.Domain.Labelling.LabelSource.AcceptedSuggestion, Ct);
            Assert.True(accepted > 0);
            Assert.Contains($"Đã chấp nhận {accepted} gợi ý", status, StringComparison.Ordinal);
        }
        await BrowserSession.ScreenshotAsync(page, "labelling-accepted");
    }
}
