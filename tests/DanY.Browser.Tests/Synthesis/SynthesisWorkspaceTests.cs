using DanY.Documents.Pdf;
using DanY.Documents.Reports;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using DanY.TestKit.Browser;
using DanY.TestKit.Web;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DanY.Browser.Tests.Synthesis;

/// <summary>The review workspace in a real browser, on SQLite (the service tests cover both providers).</summary>
public sealed class SynthesisWorkspaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(DanYApp App, BrowserSession Session, IPage Page, int ConsultationId)> StartAsync(string email)
    {
        var app = new DanYApp(DatabaseProvider.Sqlite);
        var address = app.StartKestrel();
        int id;
        using (var scope = app.Scope())
        {
            id = await scope.Db().Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync(Ct);
        }
        var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(address.ToString());
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return (app, session, page, id);
    }

    /// <summary>Starts the synthesis from the page and waits for the background job, watching the progress bar.</summary>
    private static async Task RunSynthesisAsync(IPage page, int id)
    {
        await page.GotoAsync($"/synthesis/{id}");
        await page.ClickAsync("#run-synthesis");
        Assert.NotNull(await page.QuerySelectorAsync("#job-progress"));
        await page.WaitForSelectorAsync("#download-report", new PageWaitForSelectorOptions { Timeout = 180_000 });
        Assert.Equal("Đã xong", await page.InnerTextAsync("#job-status"));
    }

    [Fact]
    public async Task staff_merges_duplicate_comments()
    {
        var (app, session, page, id) = await StartAsync(DemoAccounts.ProvinceBoardEditor);
        await using var _ = app;
        await using var __ = session;
        await RunSynthesisAsync(page, id);

        // Two groups of the same section: the larger keeps its wording and takes the other's comments.
        var section = page.Locator("section.synthesis-section").Filter(new LocatorFilterOptions { Has = page.Locator("tbody tr:nth-child(2)") }).First;
        var rows = section.Locator("tbody tr");
        long first = long.Parse(await rows.Nth(0).GetAttributeAsync("data-group") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        long second = long.Parse(await rows.Nth(1).GetAttributeAsync("data-group") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        int expected;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            expected = await db.SynthesisMembers.Where(m => m.GroupId == first || m.GroupId == second).Select(m => m.CommentId).Distinct().CountAsync(Ct);
        }
        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await rows.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#merge-groups");
        await page.WaitForURLAsync($"**/synthesis/{id}/groups/*");
        Assert.Equal(DanY.Documents.Reports.ReportText.Number(expected), await page.InnerTextAsync("#group-count"));
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            var merged = await db.SynthesisGroups.AsNoTracking().Where(g => g.Id == first || g.Id == second).ToListAsync(Ct);
            Assert.Single(merged, g => g.MergedIntoId is null && g.Comments == expected);
            Assert.Single(merged, g => g.MergedIntoId is not null);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "SynthesisGroup" && e.ActorName != "Hệ thống", Ct));
        }
        await BrowserSession.ScreenshotAsync(page, "staff_merges_duplicate_comments");
    }

    [Fact]
    public async Task staff_splits_a_group()
    {
        var (app, session, page, id) = await StartAsync(DemoAccounts.ProvinceBoardEditor);
        await using var _ = app;
        await using var __ = session;
        await RunSynthesisAsync(page, id);

        await page.Locator("table.groups tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync($"**/synthesis/{id}/groups/*");
        long original = long.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        int before;
        using (var scope = app.Scope()) before = (await scope.Db().SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == original, Ct)).Comments;
        var boxes = page.Locator("#group-comments tbody input[type=checkbox]");
        for (int i = 0; i < 3; i++) await boxes.Nth(i).CheckAsync();
        await page.FillAsync("#split-summary", "Ý kiến tách riêng để xem xét kỹ hơn");
        await page.ClickAsync("#split-group");
        await page.WaitForURLAsync(url => !url.EndsWith("/" + original.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal("3", await page.InnerTextAsync("#group-count"));
        Assert.Contains("Ý kiến tách riêng để xem xét kỹ hơn", await page.InnerTextAsync("#group-summary"), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#group-comments tbody tr").CountAsync());
        using (var scope = app.Scope())
            Assert.Equal(before - 3, (await scope.Db().SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == original, Ct)).Comments);
    }

    [Fact]
    public async Task leader_downloads_report()
    {
        var (app, session, page, id) = await StartAsync(DemoAccounts.ProvinceBoardEditor);
        await using var _ = app;
        await using var __ = session;
        await RunSynthesisAsync(page, id);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-report"));
        string path = Path.Combine(Path.GetTempPath(), "dany-report-" + Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        byte[] docx = await File.ReadAllBytesAsync(path, Ct);
        List<string> text;
        using (var stream = new MemoryStream(docx))
        using (var doc = WordprocessingDocument.Open(stream, false))
            text = [.. doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
        string all = string.Join("\n", text);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", all, StringComparison.Ordinal);
        Assert.Contains(text, p => p.StartsWith("Số ", StringComparison.Ordinal) && p.Contains("-BC/", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("I. TÌNH HÌNH TỔ CHỨC LẤY Ý KIẾN", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("II. KẾT QUẢ TỔNG HỢP Ý KIẾN", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("III. KIẾN NGHỊ, ĐỀ XUẤT", StringComparison.Ordinal));
        int received;
        using (var scope = app.Scope())
            received = await scope.Db().Comments.CountAsync(c => c.ConsultationId == id && c.Status == CommentStatus.Received, Ct);
        Assert.Contains($"Tổng số ý kiến góp ý nhận được: {ReportText.Number(received)} ý kiến.", text);

        var converter = new LibreOfficePdfConverter();
        if (converter.IsAvailable)
        {
            var pdf = await converter.ConvertAsync(docx, cancellationToken: Ct);
            Assert.True(pdf.Succeeded, pdf.EnglishMessage);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Pdf!, 0, 4), StringComparison.Ordinal);
            string dir = Path.Combine(AppContext.BaseDirectory, "artifacts", "reports");
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "leader_downloads_report.pdf"), pdf.Pdf!, Ct);
        }
        File.Delete(path);
    }
}
