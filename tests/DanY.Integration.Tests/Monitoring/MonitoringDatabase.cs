using System.Security.Claims;
using DanY.Domain.Accounts;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Auditing;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Monitoring;
using DanY.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests.Monitoring;

/// <summary>A clock the test sets.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A fresh, migrated database of one provider with a small demo tree (root, province "24" with its Party
/// committee and board, and <c>communes</c> communes), plus helpers to make staff with roles.
/// </summary>
internal sealed class MonitoringDatabase : IAsyncDisposable
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    private readonly string _dataPath;

    private MonitoringDatabase(DatabaseSettings settings, string dataPath)
    {
        Settings = settings;
        _dataPath = dataPath;
        Db = new DanYDbContext(DanYDatabase.Options(settings));
    }

    public DatabaseSettings Settings { get; }
    public DanYDbContext Db { get; }
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    public Dictionary<string, Unit> Units { get; } = new(StringComparer.Ordinal);

    public static async Task<MonitoringDatabase> CreateAsync(DatabaseProvider provider, int communes = 5)
    {
        string dataPath = Directory.CreateTempSubdirectory("dany-monitoring-").FullName;
        var settings = provider == DatabaseProvider.Sqlite
            ? new DatabaseSettings(provider, "Data Source=" + Path.Combine(dataPath, "dany.db") + ";Pooling=False", dataPath)
            : new DatabaseSettings(provider, PostgresServer.ConnectionStringFor("monitoring"), dataPath);
        var database = new MonitoringDatabase(settings, dataPath);
        await database.Db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        database.SeedTree(communes);
        await database.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return database;
    }

    private void SeedTree(int communes)
    {
        Unit Add(string code, string name, UnitKind kind, UnitLevel level, UnitSystem system, Unit? parent)
        {
            var unit = new Unit(code, name, kind, level, system, parent);
            Db.Units.Add(unit);
            Units[code] = unit;
            return unit;
        }
        var root = Add("VN", "Trung ương", UnitKind.AdministrativeArea, UnitLevel.Central, UnitSystem.State, null);
        var province = Add("24", "Tỉnh Bắc Ninh", UnitKind.AdministrativeArea, UnitLevel.Province, UnitSystem.State, root);
        var committee = Add("24.TU", "Tỉnh ủy Bắc Ninh", UnitKind.PartyCommittee, UnitLevel.Province, UnitSystem.Party, province);
        Add("24.TU.BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh", UnitKind.Board, UnitLevel.Province, UnitSystem.Party, committee);
        Add("25", "Tỉnh Phú Thọ", UnitKind.AdministrativeArea, UnitLevel.Province, UnitSystem.State, root);
        for (int i = 1; i <= communes; i++)
        {
            var commune = Add("C" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), "Phường số " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                UnitKind.AdministrativeArea, UnitLevel.Commune, UnitSystem.State, province);
            if (i == 1) Add("C001.DU", "Đảng ủy phường số 1", UnitKind.PartyCommittee, UnitLevel.Commune, UnitSystem.Party, commune);
        }
    }

    /// <summary>A staff account holding <paramref name="role"/> at the unit; returns the principal the services take.</summary>
    public async Task<ClaimsPrincipal> StaffAsync(string name, string unitCode, UnitRole role)
    {
        var user = new StaffUser { UserName = name + "@test.local", Email = name + "@test.local", DisplayName = name };
        Db.Users.Add(user);
        Db.UnitRoles.Add(new UnitRoleAssignment(user.Id, Units[unitCode].Id, role));
        await Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, name)], "test"));
    }

    /// <summary>The service as a request would get it: a fresh permission cache each time.</summary>
    public SituationMonitoring Service() => new(Db, new PermissionService(Db), SystemActor.Instance, Settings, Clock);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
