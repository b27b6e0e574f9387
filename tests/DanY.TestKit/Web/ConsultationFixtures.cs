using DanY.Documents.Drafts;
using DanY.Domain;
using DanY.Domain.Accounts;
using DanY.Domain.Consultations;
using DanY.Domain.Units;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.TestKit.Web;

/// <summary>A consultation built by <see cref="ConsultationFixtures.SeedConsultationAsync"/>.</summary>
public sealed record SeededConsultation(int ProvinceId, int CongressId, int DraftId, int ConsultationId);

/// <summary>What <see cref="ConsultationFixtures.SeedConsultationAsync"/> builds; the defaults suit API and integration tests.</summary>
public sealed record ConsultationSeed
{
    public bool Open { get; init; } = true;
    public string Markdown { get; init; } = ConsultationFixtures.ShortReport;
    public string ProvinceName { get; init; } = "Tỉnh Thử Nghiệm";
    public string CongressName { get; init; } = "Đại hội thử nghiệm";
    public string Title { get; init; } = "Lấy ý kiến thử nghiệm";
    public IReadOnlyList<string> Channels { get; init; } = [CommentChannels.Portal, CommentChannels.Conference, CommentChannels.Intake];
    public IReadOnlyList<string> SocialGroups { get; init; } = ["Công nhân", "Nông dân"];

    /// <summary>The window; null: 10 days either side of now when open, from 40 to 5 days ago when closed.</summary>
    public (DateTimeOffset OpensAt, DateTimeOffset ClosesAt)? Window { get; init; }
}

/// <summary>
/// Consultation tests on <see cref="DanYApp"/>: an app without the demo data (<see cref="Create"/>), a small
/// consultation of each test's own (<see cref="SeedConsultationAsync"/>) and staff accounts (<see cref="CreateStaffAsync"/>).
/// </summary>
public static class ConsultationFixtures
{
    public const string ShortReport = """
        # DỰ THẢO BÁO CÁO CHÍNH TRỊ

        Lời mở đầu của dự thảo.

        ## I. Kết quả nhiệm kỳ {#I}

        ### 1. Kinh tế {#I.1}

        Kinh tế tăng trưởng khá, công nghiệp chế biến là động lực chính của tỉnh.

        ### 2. Văn hóa, xã hội {#I.2}

        Giáo dục, y tế có nhiều tiến bộ; an sinh xã hội được bảo đảm.

        ## II. Phương hướng {#II}

        Phát triển nhanh và bền vững dựa trên khoa học, công nghệ và chuyển đổi số.
        """;

    public const string ProvincialReport = """
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

    public const string StaffPassword = "Thu-ky-2026-an-toan";

    /// <summary>Settings for an app without the demo register, accounts and comments: each test builds what it needs.</summary>
    public static IDictionary<string, string?> WithoutDemoData { get; } = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Database:Seed"] = "false" };

    /// <summary>The web app over a fresh database of <paramref name="provider"/>, without demo data.</summary>
    public static DanYApp Create(DatabaseProvider provider) => new(provider, WithoutDemoData);

    public static async Task<T> WithDbAsync<T>(this DanYApp app, Func<DanYDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DanYDbContext>());
    }

    /// <summary>A province, a congress, a draft imported from Markdown and a published consultation (open now, or closed).</summary>
    public static async Task<SeededConsultation> SeedConsultationAsync(this DanYApp app, ConsultationSeed? seed = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        seed ??= new ConsultationSeed();
        var seeded = await app.WithDbAsync(async db =>
        {
            string suffix = Guid.NewGuid().ToString("N")[..6];
            var province = new Unit("P" + suffix, seed.ProvinceName, UnitKind.AdministrativeArea, UnitLevel.Province, UnitSystem.State, null);
            db.Units.Add(province);
            await db.SaveChangesAsync();
            var congress = new Congress(province.Id, UnitLevel.Province, "XXI", 2025, 2030, seed.CongressName);
            db.Congresses.Add(congress);
            await db.SaveChangesAsync();
            var draft = new Draft(congress.Id, "Dự thảo Báo cáo chính trị");
            db.Drafts.Add(draft);
            await db.SaveChangesAsync();
            await DraftVersions.ImportAsync(db, draft, "draft.md", MarkdownDraftReader.Parse(seed.Markdown), DateTimeOffset.UtcNow);
            var now = DateTimeOffset.UtcNow;
            var (opensAt, closesAt) = seed.Window ?? (seed.Open ? (now.AddDays(-10), now.AddDays(10)) : (now.AddDays(-40), now.AddDays(-5)));
            var consultation = new Consultation(seed.Title, province.Id, province.Id, opensAt, closesAt, seed.Channels, seed.SocialGroups);
            consultation.AddDraft(draft.Id);
            consultation.Publish();
            if (!seed.Open) consultation.Close();
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync();
            return new SeededConsultation(province.Id, congress.Id, draft.Id, consultation.Id);
        });
        app.Services.GetRequiredService<ConsultationCatalog>().InvalidateAll();
        return seeded;
    }

    /// <summary>A staff account with <paramref name="role"/> at <paramref name="unitId"/>; returns its e-mail (password <see cref="StaffPassword"/>).</summary>
    public static async Task<string> CreateStaffAsync(this DanYApp app, int unitId, UnitRole role = UnitRole.Editor)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        string email = "thuky" + Guid.NewGuid().ToString("N")[..6] + "@dany.local";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Thư ký hội nghị" };
        var result = await users.CreateAsync(user, StaffPassword);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        db.UnitRoles.Add(new UnitRoleAssignment(user.Id, unitId, role));
        await db.SaveChangesAsync();
        return email;
    }
}
