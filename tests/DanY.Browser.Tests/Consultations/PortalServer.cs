using DanY.Domain;
using DanY.Documents.Drafts;
using DanY.Domain.Consultations;
using DanY.Domain.Units;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Browser.Tests.Consultations;

/// <summary>DanY on a real Kestrel port over a SQLite file, with a small consultation of its own (no national register).</summary>
public sealed class PortalServer : WebApplicationFactory<DanY.Web.Features.Consultations.Admin.IndexModel>
{
    public const string Markdown = """
        # DỰ THẢO BÁO CÁO CHÍNH TRỊ ĐẠI HỘI ĐẢNG BỘ TỈNH

        Chủ đề: Xây dựng Đảng bộ trong sạch, vững mạnh; phát triển nhanh và bền vững.

        ## PHẦN THỨ NHẤT. KẾT QUẢ NHIỆM KỲ 2020–2025 {#I}

        ### 1. Về phát triển kinh tế {#I.1}

        Tốc độ tăng trưởng kinh tế bình quân đạt khoảng 7,5%/năm; công nghiệp chế biến, chế tạo tiếp tục là động lực tăng trưởng.

        Nông nghiệp chuyển mạnh sang sản xuất hàng hóa, ứng dụng công nghệ cao.

        ### 2. Về văn hóa, xã hội {#I.2}

        Giáo dục, y tế có nhiều tiến bộ; an sinh xã hội được bảo đảm.

        ## PHẦN THỨ HAI. PHƯƠNG HƯỚNG NHIỆM KỲ 2025–2030 {#II}

        Phát triển nhanh và bền vững dựa trên khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("dany-browser-").FullName;

    /// <summary>The consultation browser tests run one at a time: each starts a server and a Chromium.</summary>
    public const string Collection = "consultation-browser";

    public PortalServer()
    {
        UseKestrel(0);
    }

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:DanY", "Data Source=" + Path.Combine(_dir, "dany.db"));
        builder.UseSetting("Storage:DataPath", _dir);
        builder.UseSetting("Database:Seed", "false");
    }

    public void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task<T> WithDbAsync<T>(Func<DanYDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DanYDbContext>());
    }

    public async Task<(int ConsultationId, int DraftId, int UnitId)> SeedAsync(bool open = true)
    {
        var seeded = await WithDbAsync(async db =>
        {
            string suffix = Guid.NewGuid().ToString("N")[..6];
            var province = new Unit("P" + suffix, "Tỉnh Bắc Ninh (thử nghiệm)", UnitKind.AdministrativeArea, UnitLevel.Province, UnitSystem.State, null);
            db.Units.Add(province);
            await db.SaveChangesAsync();
            var congress = new Congress(province.Id, UnitLevel.Province, "XXI", 2025, 2030, "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI");
            db.Congresses.Add(congress);
            await db.SaveChangesAsync();
            var draft = new Draft(congress.Id, "Dự thảo Báo cáo chính trị");
            db.Drafts.Add(draft);
            await db.SaveChangesAsync();
            await DraftVersions.ImportAsync(db, draft, "draft.md", MarkdownDraftReader.Parse(Markdown), DateTimeOffset.UtcNow);
            var today = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);
            var consultation = open
                ? new Consultation("Lấy ý kiến Nhân dân vào dự thảo Báo cáo chính trị", province.Id, province.Id,
                    VietnamTime.FromLocal(today.AddMonths(-2), TimeOnly.MinValue), VietnamTime.EndOfDay(today.AddMonths(3)),
                    [CommentChannels.Portal], ["Công nhân", "Nông dân", "Trí thức"])
                : new Consultation("Lấy ý kiến vào dự thảo Đề án thiết chế văn hóa cơ sở", province.Id, province.Id,
                    VietnamTime.FromLocal(new DateOnly(2026, 3, 1), TimeOnly.MinValue), VietnamTime.EndOfDay(new DateOnly(2026, 6, 30)),
                    [CommentChannels.Portal], []);
            consultation.AddDraft(draft.Id);
            consultation.Publish();
            if (!open) consultation.Close();
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync();
            return (consultation.Id, draft.Id, province.Id);
        });
        Services.GetRequiredService<ConsultationCatalog>().InvalidateAll();
        return seeded;
    }

    /// <summary>A staff account with the Editor role at <paramref name="unitId"/>; returns e-mail and password.</summary>
    public async Task<(string Email, string Password)> CreateStaffAsync(int unitId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        string email = "thuky" + Guid.NewGuid().ToString("N")[..6] + "@dany.local";
        const string password = "Thu-ky-2026-an-toan";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Thư ký hội nghị" };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        db.UnitRoles.Add(new DanY.Domain.Accounts.UnitRoleAssignment(user.Id, unitId, DanY.Domain.Accounts.UnitRole.Editor));
        await db.SaveChangesAsync();
        return (email, password);
    }

    public static async Task SignInAsync(Microsoft.Playwright.IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
