using System.Text.RegularExpressions;
using DanY.TestKit.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DanY.Browser.Tests;

public sealed class StaffBrowsingTests
{
    [Fact]
    public async Task staff_logs_in_and_browses_units()
    {
        await using var session = await AppBrowser.StartAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("DanY — Dân ý");
        // The first Tab reaches the skip link, which leads to the main content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Bỏ qua, đến nội dung chính");
        await session.ScreenshotAsync("01-trang-chu");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập dành cho cán bộ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("02-dang-nhap");
        await page.GetByLabel("Thư điện tử").FillAsync(DemoAccounts.ProvinceBoardEditor);
        await page.GetByLabel("Mật khẩu").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/units");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("03-don-vi-cua-toi");

        // Search without diacritics.
        await page.GetByLabel("Tìm đơn vị").FillAsync("kinh bac");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Phường Kinh Bắc", Exact = true })).ToBeVisibleAsync();
        await session.ScreenshotAsync("04-tim-kiem-khong-dau");

        await page.GetByRole(AriaRole.Link, new() { Name = "Phường Kinh Bắc", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phường Kinh Bắc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đảng ủy phường Kinh Bắc" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Chi bộ khu phố") })).ToHaveCountAsync(3);
        await Expect(page.GetByText("Báo cáo lên")).ToBeVisibleAsync();
        await session.ScreenshotAsync("05-chi-tiet-don-vi");

        // A viewer at the province may not edit a ward.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sửa đơn vị" })).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/units/{DemoAccounts.WardA}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phường Kinh Bắc");
        await session.ScreenshotAsync("06-dien-thoai-phuong");
        Assert.True(session.ConsoleErrors.Count == 0, string.Join("\n", session.ConsoleErrors));
    }

    [Fact]
    public async Task ward_officer_cannot_open_other_ward()
    {
        await using var session = await AppBrowser.StartAsync();
        var page = session.Page;
        await session.LoginAsync(DemoAccounts.WardAOfficer);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Phường Kinh Bắc" })).ToBeVisibleAsync();

        var response = await page.GotoAsync($"/units/{DemoAccounts.WardB}");
        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không có quyền truy cập");
        await Expect(page.GetByText("Võ Cường")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("07-khong-co-quyen");

        var edit = await page.GotoAsync($"/units/{DemoAccounts.WardB}/edit");
        Assert.Equal(403, edit!.Status);
        // Chromium logs each refused page as a console error; those two are the point of this test.
        Assert.Equal(2, session.ConsoleErrors.RemoveAll(e => e.Contains("status of 403", StringComparison.Ordinal)));
        var api = await page.Context.APIRequest.GetAsync($"/api/units/{DemoAccounts.WardB}");
        Assert.Equal(403, api.Status);

        // Own ward: can open and edit.
        await page.GotoAsync($"/units/{DemoAccounts.WardA}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa đơn vị" }).ClickAsync();
        await Expect(page.GetByLabel("Tên đơn vị")).ToHaveValueAsync("Phường Kinh Bắc");
        await session.ScreenshotAsync("08-sua-don-vi");
        Assert.True(session.ConsoleErrors.Count == 0, string.Join("\n", session.ConsoleErrors));
    }

    [Fact]
    public async Task admin_imports_units_with_errors()
    {
        await using var session = await AppBrowser.StartAsync();
        var page = session.Page;
        await session.LoginAsync(DemoAccounts.Admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập từ tệp CSV/XLSX" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhập đơn vị từ tệp CSV hoặc Excel");

        string folder = Directory.CreateTempSubdirectory("dany-import-").FullName;
        string bad = Path.Combine(folder, "chi-bo-co-loi.csv");
        await File.WriteAllTextAsync(bad,
            "code,name,kind,level,system,parent_code\n" +
            "09190.DU.CB04,Chi bộ khu phố 4,PartyCell,Grassroots,Party,09190.DU\n" +
            "09190.DU.CB05,Chi bộ khu phố 5,ChiBo,Grassroots,Party,09190.DU\n" +
            "09190.DU.CB06,Chi bộ khu phố 6,PartyCell,Grassroots,Party,09999.DU\n", TestContext.Current.CancellationToken);
        await page.GetByLabel("Tệp đơn vị").SetInputFilesAsync(bad);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra tệp" }).ClickAsync();
        await Expect(page.Locator("#import-errors")).ToBeVisibleAsync();
        var errors = page.Locator("#error-table tbody tr");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("Loại đơn vị \"ChiBo\" không hợp lệ");
        await Expect(errors.Nth(1)).ToContainTextAsync("Không tìm thấy đơn vị cấp trên \"09999.DU\"");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Xác nhận nhập") })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("09-nhap-tep-co-loi");

        string good = Path.Combine(folder, "chi-bo.csv");
        await File.WriteAllTextAsync(good,
            "mã,tên,loại,cấp,hệ thống,mã cấp trên\n" +
            "09190.DU.CB04,Chi bộ khu phố 4,Chi bộ,Cơ sở,Hệ thống Đảng,09190.DU\n" +
            "09190.DU.CB05,Chi bộ khu phố 5,PartyCell,Grassroots,Party,09190.DU\n", TestContext.Current.CancellationToken);
        await page.GetByLabel("Tệp đơn vị").SetInputFilesAsync(good);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra tệp" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận nhập 2 dòng" }).ClickAsync();
        await Expect(page.Locator("#import-done")).ToHaveTextAsync("Đã nhập 2 đơn vị (2 thêm mới, 0 cập nhật).");
        await session.ScreenshotAsync("10-nhap-tep-thanh-cong");

        await page.GotoAsync("/units/09190.DU");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chi bộ khu phố 5" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhật ký thay đổi" }).ClickAsync();
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("Chi bộ khu phố 5");
        await session.ScreenshotAsync("11-nhat-ky");
        Assert.True(session.ConsoleErrors.Count == 0, string.Join("\n", session.ConsoleErrors));

        // The API reference renders from local assets under its own (looser) CSP.
        await page.GotoAsync("/scalar/");
        await Expect(page.GetByText("/api/units/{code}").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await session.ScreenshotAsync("12-api-scalar");
    }
}
