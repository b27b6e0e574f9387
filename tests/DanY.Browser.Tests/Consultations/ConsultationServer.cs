using DanY.Domain;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using DanY.TestKit.Web;

namespace DanY.Browser.Tests.Consultations;

/// <summary>The consultation browser tests' server: TestKit's <see cref="DanYApp"/> on a real Kestrel port over SQLite, without demo data, with a provincial report open for comments (or a closed consultation).</summary>
internal static class ConsultationServer
{
    /// <summary>The consultation browser tests run one at a time: each starts a server and a Chromium.</summary>
    public const string Collection = "consultation-browser";

    public static DanYApp Start()
    {
        var app = ConsultationFixtures.Create(DatabaseProvider.Sqlite);
        app.StartKestrel();
        return app;
    }

    public static string BaseUrl(this DanYApp app) => app.ServerAddress!.OriginalString;

    public static async Task<(int ConsultationId, int DraftId, int UnitId)> SeedAsync(DanYApp app, bool open = true)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);
        var seed = new ConsultationSeed
        {
            Markdown = ConsultationFixtures.ProvincialReport,
            ProvinceName = "Tỉnh Bắc Ninh (thử nghiệm)",
            CongressName = "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI",
            Channels = [CommentChannels.Portal],
            Open = open,
        };
        seed = open
            ? seed with
            {
                Title = "Lấy ý kiến Nhân dân vào dự thảo Báo cáo chính trị",
                SocialGroups = ["Công nhân", "Nông dân", "Trí thức"],
                Window = (VietnamTime.FromLocal(today.AddMonths(-2), TimeOnly.MinValue), VietnamTime.EndOfDay(today.AddMonths(3))),
            }
            : seed with
            {
                Title = "Lấy ý kiến vào dự thảo Đề án thiết chế văn hóa cơ sở",
                SocialGroups = [],
                Window = (VietnamTime.FromLocal(new DateOnly(2026, 3, 1), TimeOnly.MinValue), VietnamTime.EndOfDay(new DateOnly(2026, 6, 30))),
            };
        var seeded = await app.SeedConsultationAsync(seed);
        return (seeded.ConsultationId, seeded.DraftId, seeded.ProvinceId);
    }

    /// <summary>An editor at <paramref name="unitId"/>.</summary>
    public static async Task<(string Email, string Password)> CreateStaffAsync(DanYApp app, int unitId) =>
        (await app.CreateStaffAsync(unitId), ConsultationFixtures.StaffPassword);

    public static async Task SignInAsync(Microsoft.Playwright.IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}
