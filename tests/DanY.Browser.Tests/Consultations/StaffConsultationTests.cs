using System.Globalization;
using System.Text;
using DanY.TestKit.Browser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using DanY.TestKit.Web;

namespace DanY.Browser.Tests.Consultations;

[Collection(ConsultationServer.Collection)]
public sealed class StaffConsultationTests
{
    [Fact]
    public async Task staff_imports_a_docx_draft()
    {
        await using var server = ConsultationServer.Start();
        var (_, _, unitId) = await ConsultationServer.SeedAsync(server);
        var (email, password) = await ConsultationServer.CreateStaffAsync(server, unitId);
        string docx = Path.Combine(Path.GetTempPath(), "du-thao-" + Guid.NewGuid().ToString("N")[..6] + ".docx");
        File.WriteAllBytes(docx, PoliticalReportDocx());
        string bad = Path.Combine(Path.GetTempPath(), "hong-" + Guid.NewGuid().ToString("N")[..6] + ".docx");
        File.WriteAllBytes(bad, Encoding.UTF8.GetBytes("đây không phải tệp Word"));
        try
        {
            await using var browser = await BrowserSession.StartAsync();
            var page = await browser.NewPageAsync(server.BaseUrl());
        // The machine is shared: be patient with a slow server rather than flaky.
        page.SetDefaultTimeout(60_000);
            await ConsultationServer.SignInAsync(page, email, password);
            await page.GotoAsync("/admin/drafts/import");
            int draftsBefore = await server.WithDbAsync(db => db.Drafts.CountAsync());

            // A corrupt file is refused with a clear message and nothing is stored.
            await page.SetInputFilesAsync("#Upload", bad);
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập dự thảo" }).ClickAsync();
            Assert.Contains("Không nhập được tệp", await page.InnerTextAsync("#import-error"), StringComparison.Ordinal);
            Assert.Equal(draftsBefore, await server.WithDbAsync(db => db.Drafts.CountAsync()));

            await page.GetByLabel("Tên dự thảo mới").FillAsync("Dự thảo Báo cáo chính trị (bản Word)");
            await page.SelectOptionAsync("#CongressId", new SelectOptionValue { Label = "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI" });
            await page.SetInputFilesAsync("#Upload", docx);
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập dự thảo" }).ClickAsync();
            string result = await page.InnerTextAsync("#import-result");
            Assert.Contains("bản số 1", result, StringComparison.Ordinal);
            var refs = await page.Locator("#outline tbody tr td:first-child").AllInnerTextsAsync();
            Assert.Equal(["I", "I.1", "I.1.1", "I.1.2", "I.2", "II", "II.1", "II.1.a", "II.1.b"], refs);
            Assert.Contains("Về phát triển kinh tế", await page.InnerTextAsync("#outline"), StringComparison.Ordinal);
            await BrowserSession.ScreenshotAsync(page, "staff-imports-docx-draft");
            Assert.Equal(draftsBefore + 1, await server.WithDbAsync(db => db.Drafts.CountAsync()));
        }
        finally
        {
            File.Delete(docx);
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task secretary_records_conference_comments()
    {
        await using var server = ConsultationServer.Start();
        var (consultationId, _, unitId) = await ConsultationServer.SeedAsync(server);
        var (email, password) = await ConsultationServer.CreateStaffAsync(server, unitId);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(server.BaseUrl());
        // The machine is shared: be patient with a slow server rather than flaky.
        page.SetDefaultTimeout(60_000);
        await ConsultationServer.SignInAsync(page, email, password);

        await page.GotoAsync($"/admin/consultations/{consultationId}/conferences");
        await page.GetByLabel("Tên hội nghị").FillAsync("Hội nghị lấy ý kiến cựu chiến binh");
        await page.GetByLabel("Thành phần mời").FillAsync("Cựu chiến binh");
        await page.GetByLabel("Ngày họp (dd/MM/yyyy)").FillAsync("20/11/2026");
        await page.GetByLabel("Địa điểm").FillAsync("Hội trường Ủy ban MTTQ tỉnh");
        await page.GetByLabel("Số người dự").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hội nghị" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/conferences/*");

        // Keyboard only: the section list has the focus; type the ref, Tab to the stance, arrows, Tab, text, Tab... Enter.
        string[] opinions = ["Đề nghị bổ sung chính sách cho cựu chiến binh khó khăn.", "Cần nói rõ hơn nguyên nhân hạn chế.", "Nhất trí cao với phương hướng."];
        string[] stances = ["Đồng ý một phần", "Không tán thành", "Tán thành"];
        for (int i = 0; i < opinions.Length; i++)
        {
            Assert.Equal("Target", await page.EvaluateAsync<string>("document.activeElement.id"));
            await page.Keyboard.TypeAsync(i < 2 ? "I.1" : "II");
            await page.Keyboard.PressAsync("Tab");
            // From "Tán thành": ArrowDown once is "Không tán thành", twice "Đồng ý một phần".
            int downs = i == 0 ? 2 : i == 1 ? 1 : 0;
            if (downs == 0) await page.Keyboard.PressAsync("Space");
            for (int k = 0; k < downs; k++) await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(opinions[i]);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("Cựu chiến binh");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#saved");
        }
        var rows = page.Locator("#entered tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        string table = await page.InnerTextAsync("#entered");
        foreach (string o in opinions) Assert.Contains(o, table, StringComparison.Ordinal);
        var stored = await server.WithDbAsync(db => db.Comments.Where(c => c.ConferenceId != null).OrderBy(c => c.Id)
            .Select(c => new { c.SectionRef, c.Stance, c.Channel, c.SocialGroup }).ToListAsync());
        Assert.Equal(["I.1", "I.1", "II"], stored.Select(s => s.SectionRef));
        Assert.Equal(stances, stored.Select(s => DanY.Domain.Consultations.Stances.Label(s.Stance)));
        Assert.All(stored, s => Assert.Equal("conference", s.Channel));
        Assert.All(stored, s => Assert.Equal("Cựu chiến binh", s.SocialGroup));
        await BrowserSession.ScreenshotAsync(page, "secretary-records-conference-comments");
    }

    [Fact]
    public async Task staff_imports_excel_with_row_errors()
    {
        await using var server = ConsultationServer.Start();
        var (consultationId, draftId, unitId) = await ConsultationServer.SeedAsync(server);
        var (email, password) = await ConsultationServer.CreateStaffAsync(server, unitId);
        string csv = Path.Combine(Path.GetTempPath(), "tong-hop-" + Guid.NewGuid().ToString("N")[..6] + ".csv");
        File.WriteAllText(csv, string.Join("\r\n",
            "Mục,Tiêu đề mục,Ý kiến,Quan điểm,Tầng lớp,Kênh,Đơn vị,Ngày",
            "I.1,,Đề nghị làm rõ chỉ tiêu tăng trưởng.,Đồng ý một phần,Công nhân,Hội nghị,,05/11/2026",
            "I.2,,Cần quan tâm y tế cơ sở.,Tán thành,Nông dân,Văn bản, thư góp ý,,06/11/2026".Replace("Văn bản, thư góp ý", "\"Văn bản, thư góp ý\"", StringComparison.Ordinal),
            "IX.9,,Mục không có trong dự thảo.,Tán thành,,,,",
            "II,,,Không tán thành,,,,",
            "Toàn văn,,Nhất trí với toàn văn dự thảo.,Tán thành,,,,31/02/2026",
            "II,,Phát triển bền vững là đúng hướng.,Tán thành,Trí thức,,,"), new UTF8Encoding(true));
        try
        {
            await using var browser = await BrowserSession.StartAsync();
            var page = await browser.NewPageAsync(server.BaseUrl());
        // The machine is shared: be patient with a slow server rather than flaky.
        page.SetDefaultTimeout(60_000);
            await ConsultationServer.SignInAsync(page, email, password);
            await page.GotoAsync($"/admin/consultations/{consultationId}/intake");
            await page.SetInputFilesAsync("#Upload", csv);
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
            string summary = await page.InnerTextAsync("#preview-summary");
            Assert.Contains("6 dòng", summary, StringComparison.Ordinal);
            Assert.Contains("3 dòng có lỗi", summary, StringComparison.Ordinal);
            Assert.Equal(3, await page.Locator("#preview tr.row-error").CountAsync());
            Assert.Equal(0, await server.WithDbAsync(db => db.Comments.CountAsync()));
            await BrowserSession.ScreenshotAsync(page, "staff-imports-excel-preview");

            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu 3 dòng hợp lệ" }).ClickAsync();
            Assert.Contains("Đã lưu 3 ý kiến mới", await page.InnerTextAsync("#intake-done"), StringComparison.Ordinal);
            Assert.Equal(3, await server.WithDbAsync(db => db.Comments.CountAsync(c => c.DraftId == draftId)));

            // The same file again adds nothing.
            await page.SetInputFilesAsync("#Upload", csv);
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu 3 dòng hợp lệ" }).ClickAsync();
            Assert.Contains("Đã lưu 0 ý kiến mới", await page.InnerTextAsync("#intake-done"), StringComparison.Ordinal);
            Assert.Equal(3, await server.WithDbAsync(db => db.Comments.CountAsync()));
            await BrowserSession.ScreenshotAsync(page, "staff-imports-excel-again");
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>A DOCX that looks like a real political report: header lines, a bold title, bold numbered headings, body text.</summary>
    private static byte[] PoliticalReportDocx()
    {
        var paragraphs = new List<(string Text, bool Bold)>
        {
            ("ĐẢNG BỘ TỈNH BẮC NINH", true),
            ("DỰ THẢO BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH TRÌNH ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XXI", true),
            ("Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI diễn ra trong bối cảnh cả nước thực hiện mô hình chính quyền địa phương hai cấp.", false),
            ("Phần thứ nhất", true),
            ("KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025", true),
            ("I. KẾT QUẢ ĐẠT ĐƯỢC", true),
            ("1. Về phát triển kinh tế", true),
            ("Tốc độ tăng trưởng bình quân đạt khoảng 7,5%/năm; quy mô kinh tế đứng trong nhóm dẫn đầu cả nước.", false),
            ("2. Về văn hóa, xã hội", true),
            ("Giáo dục, y tế có nhiều tiến bộ; đời sống vật chất, tinh thần của Nhân dân được nâng lên.", false),
            ("II. HẠN CHẾ, YẾU KÉM", true),
            ("Ô nhiễm môi trường ở một số làng nghề chậm được khắc phục.", false),
            ("Phần thứ hai", true),
            ("PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025 - 2030", true),
            ("I. NHIỆM VỤ, GIẢI PHÁP", true),
            ("a) Phát triển công nghiệp công nghệ cao", true),
            ("Ưu tiên thu hút dự án bán dẫn, công nghiệp hỗ trợ.", false),
            ("b) Chuyển đổi số", true),
            ("Xây dựng chính quyền số, kinh tế số, xã hội số.", false),
        };
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p =>
            {
                var run = new Run(new Text(p.Text) { Space = SpaceProcessingModeValues.Preserve });
                if (p.Bold) run.RunProperties = new RunProperties(new Bold());
                return (OpenXmlElement)new Paragraph(run);
            })));
        }
        return ms.ToArray();
    }
}
