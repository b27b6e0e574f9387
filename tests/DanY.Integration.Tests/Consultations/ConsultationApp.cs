using DanY.Documents.Drafts;
using DanY.Domain.Consultations;
using DanY.Domain.Units;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using DanY.TestKit.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Consultations;

/// <summary>
/// The web app over a database of its own (SQLite file or a fresh PostgreSQL database), without the
/// national register: each test builds the small consultation it needs with <see cref="SeedAsync"/>.
/// </summary>
public sealed class ConsultationApp : WebApplicationFactory<DanY.Web.Features.Consultations.Admin.IndexModel>
{
    public const string Markdown = """
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

    private readonly string _dir = Directory.CreateTempSubdirectory("dany-consult-").FullName;

    public ConsultationApp(string provider)
    {
        Provider = provider;
        ConnectionString = provider == "PostgreSql"
            ? PostgresServer.ConnectionStringFor("consult")
            : "Data Source=" + Path.Combine(_dir, "dany.db");
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static TheoryData<string> Providers => new("Sqlite", "PostgreSql");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:DanY", ConnectionString);
        builder.UseSetting("Storage:DataPath", _dir);
        builder.UseSetting("Database:Seed", "false");
    }

    public async Task<T> WithDbAsync<T>(Func<DanYDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DanYDbContext>());
    }

    public ConsultationCatalog Catalog => Services.GetRequiredService<ConsultationCatalog>();

    /// <summary>A province with one commune, a congress, a draft and a consultation (open now, or closed).</summary>
    public async Task<Seeded> SeedAsync(bool open = true)
    {
        var seeded = await WithDbAsync(async db =>
        {
            string suffix = Guid.NewGuid().ToString("N")[..6];
            var province = new Unit("P" + suffix, "Tỉnh Thử Nghiệm", UnitKind.AdministrativeArea, UnitLevel.Province, UnitSystem.State, null);
            db.Units.Add(province);
            await db.SaveChangesAsync();
            var congress = new Congress(province.Id, UnitLevel.Province, "xxi", 2025, 2030, "Đại hội thử nghiệm");
            db.Congresses.Add(congress);
            await db.SaveChangesAsync();
            var draft = new Draft(congress.Id, "Dự thảo Báo cáo chính trị");
            db.Drafts.Add(draft);
            await db.SaveChangesAsync();
            await DraftVersions.ImportAsync(db, draft, "draft.md", MarkdownDraftReader.Parse(Markdown), DateTimeOffset.UtcNow);
            var now = DateTimeOffset.UtcNow;
            var consultation = new Consultation("Lấy ý kiến thử nghiệm", province.Id, province.Id,
                open ? now.AddDays(-10) : now.AddDays(-40), open ? now.AddDays(10) : now.AddDays(-5),
                [CommentChannels.Portal, CommentChannels.Conference, CommentChannels.Intake], ["Công nhân", "Nông dân"]);
            consultation.AddDraft(draft.Id);
            consultation.Publish();
            if (!open) consultation.Close();
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync();
            return new Seeded(province.Id, congress.Id, draft.Id, consultation.Id);
        });
        Catalog.InvalidateAll();
        return seeded;
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

    public sealed record Seeded(int ProvinceId, int CongressId, int DraftId, int ConsultationId);
}
