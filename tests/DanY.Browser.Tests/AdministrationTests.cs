using DanY.TestKit.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DanY.Browser.Tests;

public sealed class AdministrationTests
{
    [Fact]
    public async Task administrator_gives_a_new_officer_a_role_and_the_audit_log_shows_it()
    {
        await using var session = await AppBrowser.StartAsync();
        var page = session.Page;
        await session.LoginAsync(DemoAccounts.Admin);

        await page.GotoAsync($"/units/{DemoAccounts.WardA}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ và phân quyền" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cán bộ và phân quyền");
        // The ward's own editor and the system administrator (from the root) are listed.
        await Expect(page.Locator("#people-table")).ToContainTextAsync(DemoAccounts.WardAOfficer);
        await Expect(page.Locator("#people-table")).ToContainTextAsync("(cấp trên)");

        await page.GetByLabel("Thư điện tử").FillAsync("vanphong.kinhbac@dany.local");
        await page.GetByLabel("Họ tên / chức danh (cho tài khoản mới)").FillAsync("Chánh Văn phòng Đảng ủy phường");
        await page.GetByLabel("Vai trò", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Duyệt" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao vai trò" }).ClickAsync();
        await Expect(page.Locator("#people-message")).ToContainTextAsync("Đã giao vai trò Duyệt");
        await Expect(page.Locator("#temporary-password code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\S{16}$"));
        await session.ScreenshotAsync("40-can-bo-phan-quyen");

        await page.GotoAsync("/admin/audit?entity=UnitRoleAssignment");
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("Phân quyền #");
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("Duyệt");
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("vanphong.kinhbac@dany.local");
        await Expect(page.Locator("#audit-table")).ToContainTextAsync($"Phường Kinh Bắc ({DemoAccounts.WardA})");
        await session.ScreenshotAsync("41-nhat-ky-phan-quyen");

        await page.GotoAsync("/units/24.TU/lines");
        await Expect(page.Locator("#lines-table")).ToContainTextAsync("Nhận báo cáo từ");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Thêm quan hệ báo cáo" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("42-quan-he-bao-cao");
        Assert.True(session.ConsoleErrors.Count == 0, string.Join("\n", session.ConsoleErrors));
    }
}
