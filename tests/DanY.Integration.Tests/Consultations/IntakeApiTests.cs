using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DanY.Domain.Accounts;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DanY.Integration.Tests.Consultations;

/// <summary>Bulk intake through the HTTP API (and the page, for cross-path idempotency), on both providers.</summary>
public sealed class IntakeApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, object?>[] SheetRows =
    [
        new() { ["Mục"] = "I.1", ["Ý kiến"] = "Đề nghị làm rõ chỉ tiêu tăng trưởng.", ["Quan điểm"] = "Tán thành", ["Tầng lớp"] = "Công nhân", ["Kênh"] = "Hội nghị", ["Ngày"] = "05/11/2025" },
        new() { ["Mục"] = "Toàn văn", ["Ý kiến"] = "Dự thảo ngắn gọn, dễ hiểu.", ["Quan điểm"] = "Đồng ý một phần", ["Tầng lớp"] = "", ["Kênh"] = "", ["Ngày"] = "" },
        new() { ["Mục"] = "IX.9", ["Ý kiến"] = "Mục không tồn tại.", ["Quan điểm"] = "Tán thành", ["Tầng lớp"] = "", ["Kênh"] = "", ["Ngày"] = "" },
        new() { ["Mục"] = "II", ["Ý kiến"] = "Cần thêm giải pháp chuyển đổi số cho xã.", ["Quan điểm"] = "Không tán thành", ["Tầng lớp"] = "Nông dân", ["Kênh"] = "", ["Ngày"] = "" },
    ];

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(rows, sheetName: "Góp ý");
        return ms.ToArray();
    }

    private static HttpRequestMessage Upload(string url, string? key, byte[] content, string fileName, int? draftId = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        if (draftId is int d) form.Add(new StringContent(d.ToString(System.Globalization.CultureInfo.InvariantCulture)), "draftId");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static HttpRequestMessage Json(string url, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<(DanYApp App, SeededConsultation Seeded, HttpClient Client)> StartAsync(DatabaseProvider provider)
    {
        var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        string email = await app.CreateStaffAsync(seeded.ProvinceId);
        return (app, seeded, await app.LoginAsync(email, ConsultationFixtures.StaffPassword));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Preview_lists_every_row_error_in_vietnamese_and_stores_nothing(DatabaseProvider provider)
    {
        var (app, seeded, client) = await StartAsync(provider);
        await using var _ = app;
        using var __ = client;
        string url = $"/api/consultations/{seeded.ConsultationId}/intake/preview";
        var body = new
        {
            draftId = seeded.DraftId,
            rows = new object[]
            {
                new { sectionRef = "I.2", text = "Ý kiến hợp lệ.", stance = "agree" },
                new { sectionRef = "Z.9", text = "Mục sai.", stance = "agree" },
                new { sectionRef = "I", text = "", stance = "disagree", group = "Nông dân" },
                new { sectionRef = "II", text = "Quan điểm sai.", stance = "có lẽ" },
                new { sectionRef = "II", text = "Không ghi quan điểm." },
                new { sectionRef = "II", text = "Ngày sai.", stance = "partly", date = "31/02/2025" },
            },
        };
        using var response = await client.SendAsync(Json(url, null, body), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(6, preview.GetProperty("rows").GetInt32());
        Assert.Equal(1, preview.GetProperty("validRows").GetInt32());
        Assert.Equal(5, preview.GetProperty("errorRows").GetInt32());
        var errors = preview.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Code: e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(3, "unknown_section"), (4, "empty_text"), (5, "bad_stance"), (6, "missing_stance"), (7, "bad_date")], errors);
        Assert.All(preview.GetProperty("errors").EnumerateArray(), e => Assert.Matches("[ạảãáàâấầậắằặơớờợưứừựêếềệôốồộđ]", e.GetProperty("message").GetString()!));
        Assert.Equal("I.2", preview.GetProperty("sample")[0].GetProperty("sectionRef").GetString());

        // The same through an uploaded sheet.
        using var sheet = await client.SendAsync(Upload(url, null, Xlsx(SheetRows), "tong-hop.xlsx", seeded.DraftId), Ct);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var sheetPreview = await sheet.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, sheetPreview.GetProperty("validRows").GetInt32());
        Assert.Equal("unknown_section", sheetPreview.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(4, sheetPreview.GetProperty("errors")[0].GetProperty("row").GetInt32());

        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IntakeBatch>().CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Commit_stores_valid_rows_once_and_a_repeat_by_api_or_page_adds_nothing(DatabaseProvider provider)
    {
        var (app, seeded, client) = await StartAsync(provider);
        await using var _ = app;
        using var __ = client;
        string url = $"/api/consultations/{seeded.ConsultationId}/intake";
        byte[] file = Xlsx(SheetRows);

        using var first = await client.SendAsync(Upload(url, "batch-1", file, "tong-hop.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var committed = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, committed.GetProperty("added").GetInt32());
        Assert.Equal(1, committed.GetProperty("errorRows").GetInt32());
        Assert.False(committed.GetProperty("replayed").GetBoolean());
        var receipts = committed.GetProperty("receipts").EnumerateArray().Select(r => r.GetProperty("receipt").GetString()!).ToList();
        Assert.Equal(3, receipts.Distinct().Count());

        var stored = await app.WithDbAsync(db => db.Comments.OrderBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal(receipts, stored.Select(c => c.Receipt));
        Assert.All(stored, c => Assert.Equal(seeded.ConsultationId, c.ConsultationId));
        Assert.Equal(["I.1", null, "II"], stored.Select(c => c.SectionRef));
        Assert.Equal([Stance.Agree, Stance.Partly, Stance.Disagree], stored.Select(c => c.Stance));
        Assert.Equal([CommentChannels.Conference, CommentChannels.Intake, CommentChannels.Intake], stored.Select(c => c.Channel));
        Assert.Equal("Công nhân", stored[0].SocialGroup);

        // The client retries: same key, same file → the same receipts, nothing new.
        using var retry = await client.SendAsync(Upload(url, "batch-1", file, "tong-hop.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var replayed = await retry.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(replayed.GetProperty("replayed").GetBoolean());
        Assert.Equal(0, replayed.GetProperty("added").GetInt32());
        Assert.Equal(receipts, replayed.GetProperty("receipts").EnumerateArray().Select(r => r.GetProperty("receipt").GetString()!));

        // Another key, or the same rows as CSV, or as JSON values: the rows are already stored.
        using var again = await client.SendAsync(Upload(url, "batch-2", file, "tong-hop-lan-2.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("alreadyStored").GetInt32());
        string csv = "Mục;Ý kiến;Quan điểm;Tầng lớp;Kênh;Ngày\r\nI.1;Đề nghị làm rõ chỉ tiêu tăng trưởng.;Tán thành;Công nhân;Hội nghị;05/11/2025\r\n";
        using var asCsv = await client.SendAsync(Upload(url, "batch-3", Encoding.UTF8.GetBytes(csv), "tong-hop.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, asCsv.StatusCode);
        Assert.Equal(0, (await asCsv.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("added").GetInt32());

        // The same key for different rows is refused and stores nothing.
        using var reused = await client.SendAsync(Json(url, "batch-1", new { draftId = seeded.DraftId, rows = new[] { new { sectionRef = "II", text = "Một ý kiến mới.", stance = "agree" } } }), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("Idempotency-Key", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The page: the same file uploaded by a person adds nothing either.
        string page = $"/admin/consultations/{seeded.ConsultationId}/intake";
        using var previewPage = await Forms.UploadAsync(client, page, page + "?handler=Preview", "Upload", "tong-hop.xlsx", file);
        string html = await previewPage.Content.ReadAsStringAsync(Ct);
        string token = System.Text.RegularExpressions.Regex.Match(html, "name=\"Token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(token);
        using var commitPage = await Forms.PostAsync(client, page, page + "?handler=Commit", new Dictionary<string, string>
        {
            ["DraftId"] = seeded.DraftId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Token"] = token, ["FileName"] = "tong-hop.xlsx",
        });
        Assert.Contains("Đã lưu 0 ý kiến mới", await commitPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(3, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
        var batches = await app.WithDbAsync(db => db.Set<IntakeBatch>().OrderBy(b => b.Id).ToListAsync(Ct));
        Assert.Equal(["batch-1", "batch-2", "batch-3", null], batches.Select(b => b.IdempotencyKey));
        Assert.Equal([3, 0, 0, 0], batches.Select(b => b.Added));
        Assert.Equal(["api", "api", "api", "web"], batches.Select(b => b.Source));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Malformed_and_oversized_xlsx_and_docx_are_refused_with_a_clear_message_and_nothing_stored(DatabaseProvider provider)
    {
        var (app, seeded, client) = await StartAsync(provider);
        await using var _ = app;
        using var __ = client;
        string url = $"/api/consultations/{seeded.ConsultationId}/intake";
        var bomb = ZipBomb("xl/workbook.xml");
        var cases = new (byte[] Content, string Name, HttpStatusCode Status, string Reason)[]
        {
            (Encoding.UTF8.GetBytes("đây không phải tệp Excel"), "hong.xlsx", HttpStatusCode.BadRequest, "NotAnXlsx"),
            (bomb, "bom.xlsx", HttpStatusCode.BadRequest, "SuspiciousCompression"),
            (Xlsx(SheetRows), "doi-ten.csv", HttpStatusCode.BadRequest, "BadEncoding"),
            (new byte[(20 * 1024 * 1024) + 1], "qua-lon.xlsx", HttpStatusCode.RequestEntityTooLarge, "FileTooLarge"),
            (Encoding.UTF8.GetBytes("a,b\r\n1,2\r\n"), "khong-cot.csv", HttpStatusCode.BadRequest, "MissingColumns"),
        };
        int n = 0;
        foreach (var (content, name, status, reason) in cases)
        {
            using var response = await client.SendAsync(Upload(url, "bad-" + n++, content, name, seeded.DraftId), Ct);
            Assert.True(status == response.StatusCode, $"{name}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(reason, problem.GetProperty("reason").GetString());
            string detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains(" / ", detail, StringComparison.Ordinal);
            Assert.Matches("[ạảãáàâấầậắằặơớờợưứừựêếềệôốồộđ]", detail);
        }

        // DOCX drafts through the import page: refused with a message, no draft stored.
        int drafts = await app.WithDbAsync(db => db.Drafts.CountAsync(Ct));
        int versions = await app.WithDbAsync(db => db.DraftVersions.CountAsync(Ct));
        foreach (var (content, name) in new[] { (Encoding.UTF8.GetBytes("không phải Word"), "hong.docx"), (ZipBomb("word/document.xml"), "bom.docx"), (new byte[(20 * 1024 * 1024) + 1], "qua-lon.docx") })
        {
            using var response = await Forms.UploadAsync(client, "/admin/drafts/import", "/admin/drafts/import", "Upload", name, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Không nhập được tệp", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal(drafts, await app.WithDbAsync(db => db.Drafts.CountAsync(Ct)));
        Assert.Equal(versions, await app.WithDbAsync(db => db.DraftVersions.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IntakeBatch>().CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Intake_api_is_for_editors_of_the_owning_unit(DatabaseProvider provider)
    {
        var (app, seeded, editor) = await StartAsync(provider);
        await using var _ = app;
        using var __ = editor;
        var other = await app.SeedConsultationAsync();
        string url = $"/api/consultations/{seeded.ConsultationId}/intake";
        var body = new { draftId = seeded.DraftId, rows = new[] { new { sectionRef = "II", text = "Ý kiến.", stance = "agree" } } };

        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Json(url, "a-1", body), Ct)).StatusCode);
        using var viewer = await app.LoginAsync(await app.CreateStaffAsync(seeded.ProvinceId, UnitRole.Viewer), ConsultationFixtures.StaffPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(Json(url, "a-2", body), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url + "/template", Ct)).StatusCode);
        using var outsider = await app.LoginAsync(await app.CreateStaffAsync(other.ProvinceId), ConsultationFixtures.StaffPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(Json(url, "a-3", body), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.SendAsync(Json(url, null, body), Ct)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));

        using var template = await editor.GetAsync(url + "/template", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
        using var committed = await editor.SendAsync(Json(url, "a-4", body), Ct);
        Assert.Equal(HttpStatusCode.Created, committed.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));

        var openApi = await editor.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/consultations/{id}/intake/preview", openApi, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(openApi);
        var commit = doc.RootElement.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/api/consultations/{id}/intake").Value.GetProperty("post");
        Assert.Contains(commit.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        Assert.Equal("binary", commit.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
    }

    /// <summary>A zip with the part that names the kind and one 8 MB entry of zeros (ratio ~1000:1).</summary>
    private static byte[] ZipBomb(string part)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry("[Content_Types].xml").Open()) s.Write("<Types/>"u8);
            using (var s = zip.CreateEntry(part).Open()) s.Write(new byte[8 * 1024 * 1024]);
        }
        return ms.ToArray();
    }
}
