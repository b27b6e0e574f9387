using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests;

public sealed class DatabaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_full_synchronous_commits()
    {
        await using var app = new DanYApp(DatabaseProvider.Sqlite);
        using var scope = app.Scope();
        var db = scope.Db();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(2L, (long)(await command.ExecuteScalarAsync(Ct))!); // 2 = FULL
            command.CommandText = "PRAGMA foreign_keys";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync(Ct))!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        Assert.True(File.Exists(Path.Combine(app.Database.DataPath, "dany.db-wal")) || File.Exists(Path.Combine(app.Database.DataPath, "dany.db")));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_model_change_has_a_migration_for_the_provider(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        using var scope = app.Scope();
        var db = scope.Db();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration <Name> to add the migration for both providers.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Full_seed_has_the_34_provinces_and_3321_communes_once(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider, new Dictionary<string, string?> { ["Database:SeedOnlyProvinces"] = "" });
        using var scope = app.Scope();
        var db = scope.Db();
        Assert.Equal(34, await db.Units.CountAsync(u => u.Level == Domain.Units.UnitLevel.Province && u.Kind == Domain.Units.UnitKind.AdministrativeArea, Ct));
        Assert.Equal(3321, await db.Units.CountAsync(u => u.Level == Domain.Units.UnitLevel.Commune && u.Kind == Domain.Units.UnitKind.AdministrativeArea, Ct));
        Assert.Equal(126, await db.Units.CountAsync(u => u.Parent!.Code == "01" && u.Kind == Domain.Units.UnitKind.AdministrativeArea, Ct));
        Assert.Equal("Phường Kinh Bắc", (await db.Units.SingleAsync(u => u.Code == DemoAccounts.WardA, Ct)).Name);
        Assert.Equal(0, await db.Units.CountAsync(u => u.Path == "/", Ct));
        Assert.True(await db.ReportingLines.AnyAsync(l => l.ViaUnitId != null, Ct));

        // A second start changes nothing.
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        int before = await db.Units.CountAsync(Ct);
        Assert.Empty(await seeder.SeedAsync(cancellationToken: Ct));
        Assert.Equal(before, await db.Units.CountAsync(Ct));
        Assert.Equal(4, await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users.CountAsync(Ct));
    }
}
