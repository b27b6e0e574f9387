using DanY.Domain.Accounts;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Seed;

public sealed record DemoAccount(string Email, string Password, string Description);

/// <summary>
/// What the first start seeds. <see cref="DemoPassword"/> (config <c>Database:DemoPassword</c>) fixes the
/// demo passwords for automated tests; <see cref="OnlyProvinces"/> (<c>Database:SeedOnlyProvinces</c>,
/// e.g. "24") keeps test databases small. Production leaves both empty.
/// </summary>
public sealed record SeedOptions(bool Demo = true, string? DemoPassword = null, IReadOnlyCollection<string>? OnlyProvinces = null);

/// <summary>
/// First-start data, only on an empty database: the 2025 administrative register (central node,
/// 34 provinces, 3,321 communes), the parallel systems of Tỉnh Bắc Ninh, reporting lines across
/// systems, and demo accounts with random passwords.
/// </summary>
public sealed class DemoSeeder(DanYDbContext db, UserManager<StaffUser> users)
{
    public const string RootCode = "VN";
    public const string DemoProvinceCode = "24";
    public const string WardA = "09187"; // Phường Kinh Bắc
    public const string WardB = "09190"; // Phường Võ Cường
    public const string WardC = "07210"; // Phường Bắc Giang

    public static IReadOnlyList<UnitFileRow> AdminUnits()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("DanY.Seed.admin-units-2025.csv")
            ?? throw new InvalidOperationException("admin-units-2025.csv is not embedded.");
        var (rows, errors) = UnitFile.Read(stream, "admin-units-2025.csv");
        if (errors.Count > 0) throw new InvalidOperationException(errors[0].Message);
        return rows;
    }

    /// <summary>Seeds when there is no unit at all; returns the demo accounts created (empty if it did nothing).</summary>
    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(SeedOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SeedOptions();
        bool withDemo = options.Demo;
        if (await db.Units.AnyAsync(cancellationToken).ConfigureAwait(false)) return [];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        bool auditing = db.AuditingEnabled;
        db.AuditingEnabled = false;
        var byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var row in AdminUnits())
        {
            if (options.OnlyProvinces is { Count: > 0 } only && row.Level != "Central"
                && !only.Contains(row.Level == "Province" ? row.Code : row.ParentCode, StringComparer.Ordinal))
                continue;
            UnitFile.TryParseKind(row.Kind, out var kind);
            UnitFile.TryParseLevel(row.Level, out var level);
            UnitFile.TryParseSystem(row.System, out var system);
            var unit = new Unit(row.Code, row.Name, kind, level, system, row.ParentCode.Length == 0 ? null : byCode[row.ParentCode]);
            byCode[unit.Code] = unit;
            db.Units.Add(unit);
        }
        withDemo &= byCode.ContainsKey(DemoProvinceCode);
        if (withDemo) AddDemoOrganisations(byCode);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.AuditingEnabled = auditing;
        var accounts = new List<DemoAccount>();
        if (withDemo)
        {
            _fixedPassword = string.IsNullOrEmpty(options.DemoPassword) ? null : options.DemoPassword;
            AddReportingLines(byCode);
            accounts.Add(await CreateAccountAsync("admin@dany.local", "Quản trị hệ thống", [(byCode[RootCode], UnitRole.Administrator)], "quản trị toàn hệ thống").ConfigureAwait(false));
            accounts.Add(await CreateAccountAsync("bandanvan@dany.local", "Cán bộ Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh",
                [(byCode["24.TU.BTGDV"], UnitRole.Editor), (byCode[DemoProvinceCode], UnitRole.Viewer)], "biên tập Ban Tuyên giáo và Dân vận, xem toàn tỉnh Bắc Ninh").ConfigureAwait(false));
            accounts.Add(await CreateAccountAsync("kinhbac@dany.local", "Cán bộ phường Kinh Bắc", [(byCode[WardA], UnitRole.Editor)], "biên tập phường Kinh Bắc").ConfigureAwait(false));
            accounts.Add(await CreateAccountAsync("vocuong@dany.local", "Cán bộ phường Võ Cường", [(byCode[WardB], UnitRole.Editor)], "biên tập phường Võ Cường").ConfigureAwait(false));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await new ConsultationDemoSeeder(db).SeedAsync(byCode, cancellationToken).ConfigureAwait(false);
            db.AuditingEnabled = false;
            await new Monitoring.MonitoringDemoSeeder(db).SeedAsync(byCode, Domain.VietnamTime.Today(TimeProvider.System), cancellationToken).ConfigureAwait(false);
            await new Synthesis.RollupDemoSeeder(db).SeedAsync(byCode, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            db.AuditingEnabled = auditing;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return accounts;
    }

    private void AddDemoOrganisations(Dictionary<string, Unit> byCode)
    {
        void Add(string code, string name, UnitKind kind, UnitLevel level, UnitSystem system, string parent)
        {
            var unit = new Unit(code, name, kind, level, system, byCode[parent]);
            byCode[code] = unit;
            db.Units.Add(unit);
        }

        Add("TW.BTGDV", "Ban Tuyên giáo và Dân vận Trung ương", UnitKind.Board, UnitLevel.Central, UnitSystem.Party, RootCode);
        Add("TW.MTTQ", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", UnitKind.FatherlandFront, UnitLevel.Central, UnitSystem.Front, RootCode);
        Add("TW.TLD", "Tổng Liên đoàn Lao động Việt Nam", UnitKind.TradeUnion, UnitLevel.Central, UnitSystem.Union, RootCode);

        const string p = DemoProvinceCode;
        Add("24.TU", "Đảng bộ tỉnh Bắc Ninh (Tỉnh ủy Bắc Ninh)", UnitKind.PartyCommittee, UnitLevel.Province, UnitSystem.Party, p);
        Add("24.TU.BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh", UnitKind.Board, UnitLevel.Province, UnitSystem.Party, "24.TU");
        Add("24.TU.BTC", "Ban Tổ chức Tỉnh ủy Bắc Ninh", UnitKind.Board, UnitLevel.Province, UnitSystem.Party, "24.TU");
        Add("24.MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh", UnitKind.FatherlandFront, UnitLevel.Province, UnitSystem.Front, p);
        Add("24.LDLD", "Liên đoàn Lao động tỉnh Bắc Ninh", UnitKind.TradeUnion, UnitLevel.Province, UnitSystem.Union, p);
        Add("24.TD", "Tỉnh đoàn Bắc Ninh", UnitKind.YouthUnion, UnitLevel.Province, UnitSystem.Union, p);
        Add("24.HLHPN", "Hội Liên hiệp Phụ nữ tỉnh Bắc Ninh", UnitKind.WomenUnion, UnitLevel.Province, UnitSystem.Association, p);
        Add("24.HND", "Hội Nông dân tỉnh Bắc Ninh", UnitKind.Association, UnitLevel.Province, UnitSystem.Association, p);
        Add("24.HCCB", "Hội Cựu chiến binh tỉnh Bắc Ninh", UnitKind.Association, UnitLevel.Province, UnitSystem.Association, p);
        Add("24.UBND", "Ủy ban nhân dân tỉnh Bắc Ninh", UnitKind.StateBody, UnitLevel.Province, UnitSystem.State, p);

        foreach (var (ward, shortName) in new[] { (WardA, "Kinh Bắc"), (WardB, "Võ Cường"), (WardC, "Bắc Giang") })
        {
            string du = ward + ".DU";
            Add(du, $"Đảng ủy phường {shortName}", UnitKind.PartyCommittee, UnitLevel.Commune, UnitSystem.Party, ward);
            for (int i = 1; i <= 3; i++)
                Add($"{du}.CB{i:00}", $"Chi bộ khu phố {i}, phường {shortName}", UnitKind.PartyCell, UnitLevel.Grassroots, UnitSystem.Party, du);
            Add(ward + ".MTTQ", $"Ủy ban MTTQ Việt Nam phường {shortName}", UnitKind.FatherlandFront, UnitLevel.Commune, UnitSystem.Front, ward);
            Add(ward + ".DTN", $"Đoàn Thanh niên phường {shortName}", UnitKind.YouthUnion, UnitLevel.Commune, UnitSystem.Union, ward);
            Add(ward + ".HPN", $"Hội Liên hiệp Phụ nữ phường {shortName}", UnitKind.WomenUnion, UnitLevel.Commune, UnitSystem.Association, ward);
        }
    }

    private void AddReportingLines(Dictionary<string, Unit> u)
    {
        void Line(string from, string to, string? via, string purpose) =>
            db.ReportingLines.Add(new ReportingLine(u[from].Id, u[to].Id, via is null ? null : u[via].Id, purpose));

        const string monthly = "Báo cáo tình hình tư tưởng, tâm tư nguyện vọng của Nhân dân hằng tháng (trước ngày 15)";
        foreach (var org in new[] { "24.MTTQ", "24.LDLD", "24.TD", "24.HLHPN", "24.HND", "24.HCCB" })
            Line(org, "24.TU", "24.TU.BTGDV", monthly);
        Line("24.LDLD", "TW.TLD", null, "Báo cáo trong hệ thống công đoàn");
        Line("24.MTTQ", "TW.MTTQ", null, "Báo cáo trong hệ thống Mặt trận");
        Line("24.TU.BTGDV", "TW.BTGDV", null, "Báo cáo tổng hợp tình hình Nhân dân toàn tỉnh");
        foreach (var ward in new[] { WardA, WardB, WardC })
        {
            Line(ward + ".DU", "24.TU", "24.TU.BTGDV", "Tổng hợp ý kiến góp ý dự thảo văn kiện đại hội");
            Line(ward + ".MTTQ", "24.MTTQ", null, monthly);
        }
    }

    private string? _fixedPassword;

    private async Task<DemoAccount> CreateAccountAsync(string email, string displayName, (Unit Unit, UnitRole Role)[] roles, string description)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        string password = _fixedPassword ?? Passwords.Generate();
        var result = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var (unit, role) in roles) db.UnitRoles.Add(new UnitRoleAssignment(user.Id, unit.Id, role));
        return new DemoAccount(email, password, description);
    }
}
