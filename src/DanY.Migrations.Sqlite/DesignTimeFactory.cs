using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace DanY.Migrations.Sqlite;

/// <summary>Lets `dotnet tool run dotnet-ef migrations add X --project src/DanY.Migrations.Sqlite --startup-project src/DanY.Migrations.Sqlite` build the model.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DanYDbContext>
{
    public DanYDbContext CreateDbContext(string[] args) =>
        new(DanYDatabase.Options(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=" + Path.Combine(Path.GetTempPath(), "dany-design.db"), Path.GetTempPath())));
}
