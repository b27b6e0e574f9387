using System.Net;
using System.Text;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DanY.Integration.Tests;

public sealed class ImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "code,name,kind,level,system,parent_code\n";

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Csv_with_row_errors_is_previewed_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        string a = DemoAccounts.WardA;
        string csv = Header
            + $"{a}.DU.CB04,Chi bộ khu phố 4,PartyCell,Grassroots,Party,{a}.DU\n"        // fine
            + $"{a}.DU.CB05,,PartyCell,Grassroots,Party,{a}.DU\n"                        // line 3: no name
            + $"{a}.DU.CB06,Chi bộ 6,Chibo,Grassroots,Party,{a}.DU\n"                    // line 4: unknown kind
            + $"{a}.DU.CB07,Chi bộ 7,PartyCell,Grassroots,Party,KHONGCO\n"               // line 5: unknown parent
            + $"{DemoAccounts.WardB}.DU.CB09,Chi bộ lạ,PartyCell,Grassroots,Party,{DemoAccounts.WardB}.DU\n" // line 6: other ward
            + $"{a}.DU.CB04,Chi bộ trùng,PartyCell,Grassroots,Party,{a}.DU\n";           // line 7: duplicate
        var response = await Forms.UploadAsync(client, "/units/import", "/units/import?handler=Preview", "file", "don-vi.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Tệp còn lỗi", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Commit", html, StringComparison.Ordinal);
        foreach (var (line, text) in new[] { (3, "Tên đơn vị"), (4, "Loại đơn vị \"Chibo\""), (5, "KHONGCO"), (6, "không có quyền"), (7, "trùng với dòng 2") })
            Assert.Matches($"<td class=\"num\">{line}</td><td>[^<]*{System.Text.RegularExpressions.Regex.Escape(text.Replace("\"", "&quot;", StringComparison.Ordinal))}", html);

        using var scope = app.Scope();
        Assert.False(await scope.Db().Units.AnyAsync(u => u.Code.StartsWith(a + ".DU.CB0") && u.Code != a + ".DU.CB01" && u.Code != a + ".DU.CB02" && u.Code != a + ".DU.CB03", Ct));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Valid_xlsx_is_previewed_then_committed(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        string a = DemoAccounts.WardA;
        var rows = new[]
        {
            new Dictionary<string, object> { ["code"] = $"{a}.DU.CB04", ["name"] = "Chi bộ khu phố 4", ["kind"] = "Chi bộ", ["level"] = "Cơ sở", ["system"] = "Hệ thống Đảng", ["parent_code"] = $"{a}.DU" },
            new Dictionary<string, object> { ["code"] = $"{a}.DU.CB04.T1", ["name"] = "Tổ đảng số 1", ["kind"] = "PartyCell", ["level"] = "Grassroots", ["system"] = "Party", ["parent_code"] = $"{a}.DU.CB04" },
            new Dictionary<string, object> { ["code"] = $"{a}.DU.CB01", ["name"] = "Chi bộ khu phố 1 (đổi tên)", ["kind"] = "PartyCell", ["level"] = "Grassroots", ["system"] = "Party", ["parent_code"] = $"{a}.DU" },
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows);
        var preview = await Forms.UploadAsync(client, "/units/import", "/units/import?handler=Preview", "file", "don-vi.xlsx", buffer.ToArray());
        string html = await preview.Content.ReadAsStringAsync(Ct);
        Assert.Contains("3 dòng hợp lệ: 2 thêm mới, 1 cập nhật; 0 lỗi", html, StringComparison.Ordinal);
        string token = System.Text.RegularExpressions.Regex.Match(html, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        using (var scope = app.Scope())
            Assert.False(await scope.Db().Units.AnyAsync(u => u.Code == a + ".DU.CB04", Ct));

        var commit = await Forms.PostAsync(client, "/units/import", "/units/import?handler=Commit", new Dictionary<string, string> { ["token"] = token });
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Contains("Đã nhập 3 đơn vị", await client.GetStringAsync("/units/import", Ct), StringComparison.Ordinal);
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            var cb04 = await db.Units.SingleAsync(u => u.Code == a + ".DU.CB04", Ct);
            var t1 = await db.Units.SingleAsync(u => u.Code == a + ".DU.CB04.T1", Ct);
            Assert.Equal(cb04.Id, t1.ParentId);
            Assert.StartsWith(cb04.Path, t1.Path, StringComparison.Ordinal);
            Assert.Equal("Chi bộ khu phố 1 (đổi tên)", (await db.Units.SingleAsync(u => u.Code == a + ".DU.CB01", Ct)).Name);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Broken_files_get_a_clear_error(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.Admin);
        var notXlsx = await Forms.UploadAsync(client, "/units/import", "/units/import?handler=Preview", "file", "hong.xlsx", Encoding.UTF8.GetBytes("this is not a zip"));
        Assert.Contains("XLSX bị hỏng", await notXlsx.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var latin1 = await Forms.UploadAsync(client, "/units/import", "/units/import?handler=Preview", "file", "latin1.csv",
            [.. Encoding.UTF8.GetBytes(Header + "X1,Ph"), 0xF9 /* ù in Latin-1 */, .. Encoding.UTF8.GetBytes("ng,PartyCell,Grassroots,Party,24\n")]);
        Assert.Contains("không phải mã UTF-8", await latin1.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var noHeader = await Forms.UploadAsync(client, "/units/import", "/units/import?handler=Preview", "file", "x.csv", Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n"));
        Assert.Contains("Thiếu cột", await noHeader.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Xlsx_zip_bomb_is_refused_before_it_is_read(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        string a = DemoAccounts.WardA;
        // A real one-row workbook whose sheet is then padded with 8 MB of whitespace (valid XML) that deflates about 1000:1.
        var rows = new[]
        {
            new Dictionary<string, object> { ["code"] = $"{a}.DU.CB04", ["name"] = "Chi bộ khu phố 4", ["kind"] = "PartyCell", ["level"] = "Grassroots", ["system"] = "Party", ["parent_code"] = $"{a}.DU" },
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(sheet.Open())) xml = reader.ReadToEnd();
            // MiniExcel writes the elements with an x: prefix; pad after the end of sheetData, whatever its prefix.
            int end = xml.IndexOf("sheetData>", xml.IndexOf("</", xml.IndexOf("sheetData", StringComparison.Ordinal), StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(end > 0, "no sheetData in the sheet");
            end += "sheetData>".Length;
            xml = xml[..end] + new string(' ', 8 * 1024 * 1024) + xml[end..];
            string name = sheet.FullName;
            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name, System.IO.Compression.CompressionLevel.SmallestSize).Open());
            writer.Write(xml);
        }
        Assert.True(buffer.Length < 100 * 1024, $"the test workbook should be small, was {buffer.Length} bytes");

        var preview = await Forms.UploadAsync(client, "/units/import", "/units/import?handler=Preview", "file", "bom.xlsx", buffer.ToArray());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        string html = System.Net.WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Ct));
        Assert.Contains("bom nén", html, StringComparison.Ordinal);
        Assert.Contains("zip bomb", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Commit", html, StringComparison.Ordinal);
        using var scope = app.Scope();
        Assert.False(await scope.Db().Units.AnyAsync(u => u.Code == a + ".DU.CB04", Ct));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Export_round_trips_through_import(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        var csv = await client.GetByteArrayAsync($"/units/{DemoAccounts.WardA}/export.csv", Ct);
        string text = Encoding.UTF8.GetString(csv);
        Assert.StartsWith(Header + $"{DemoAccounts.WardA},Phường Kinh Bắc,AdministrativeArea,Commune,State,24\n", text, StringComparison.Ordinal);
        Assert.Equal(9, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var xlsx = await client.GetByteArrayAsync($"/units/{DemoAccounts.WardA}/export.xlsx", Ct);
        var preview = await Forms.UploadAsync(client, "/units/import", "/units/import?handler=Preview", "file", "export.xlsx", xlsx);
        Assert.Contains("8 dòng hợp lệ: 0 thêm mới, 0 cập nhật; 0 lỗi", await preview.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
