using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Auditing;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using DanY.Infrastructure.Units;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DanY.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The database (provider from configuration), Identity stores, the permission service, the unit
    /// importer and the seeder. The web app replaces <see cref="ICurrentActor"/> with the signed-in user.
    /// </summary>
    public static IServiceCollection AddDanYInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.TryAddScoped<ICurrentActor>(_ => SystemActor.Instance);
        // Keys in the data folder so that log-in cookies survive a restart.
        services.AddDataProtection().SetApplicationName("DanY")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataPath, "keys")));
        services.AddDbContext<DanYDbContext>(o => DanYDatabase.Configure(o, settings));
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<DanYDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<UnitImporter>();
        services.AddScoped<DemoSeeder>();
        Monitoring.MonitoringRegistration.Add(services);
        Synthesis.SynthesisRegistration.Add(services);
        services.AddScoped<Dashboards.DashboardQueries>().AddScoped<Dashboards.DashboardAccess>();
        return services;
    }

    public static SeedOptions SeedOptionsFrom(IConfiguration configuration) => new(
        configuration.GetValue("Database:SeedDemo", true),
        configuration["Database:DemoPassword"],
        (configuration["Database:SeedOnlyProvinces"] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Applies migrations, then seeds an empty database (printing the demo accounts) unless <c>Database:Seed</c> is false.</summary>
    public static async Task InitialiseDanYDatabaseAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("DanY.Database");
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Database migrated ({Provider})", db.Database.ProviderName);
        if (!configuration.GetValue("Database:Seed", true)) return;
        var accounts = await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(SeedOptionsFrom(configuration), cancellationToken).ConfigureAwait(false);
        // Passwords go to the console of whoever started DanY, never into the logs that collectors keep.
        foreach (var a in accounts)
        {
            Console.WriteLine($"Tài khoản demo: {a.Email} mật khẩu {a.Password} ({a.Description})");
        }
        if (accounts.Count > 0) logger.LogWarning("{Count} demo accounts created; their passwords were printed on the console", accounts.Count);
    }
}
