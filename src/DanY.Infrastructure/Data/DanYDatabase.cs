using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Data;

/// <summary>Configures the one DbContext for the chosen provider and its migrations assembly.</summary>
public static class DanYDatabase
{
    public const string SqliteMigrationsAssembly = "DanY.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "DanY.Migrations.PostgreSql";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var csb = new SqliteConnectionStringBuilder(settings.ConnectionString);
                if (!string.IsNullOrEmpty(csb.DataSource) && !csb.DataSource.Equals(":memory:", StringComparison.Ordinal)
                    && Path.GetDirectoryName(Path.GetFullPath(csb.DataSource)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }
                builder.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(new SqliteDurability());
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException(settings.Provider.ToString());
        }
        return builder;
    }

    public static DbContextOptions<DanYDbContext> Options(DatabaseSettings settings) =>
        (DbContextOptions<DanYDbContext>)Configure(new DbContextOptionsBuilder<DanYDbContext>(), settings).Options;
}
