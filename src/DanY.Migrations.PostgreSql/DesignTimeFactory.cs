using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace DanY.Migrations.PostgreSql;

/// <summary>Lets `dotnet tool run dotnet-ef migrations add X --project src/DanY.Migrations.PostgreSql --startup-project src/DanY.Migrations.PostgreSql` build the model (no server needed to add a migration).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DanYDbContext>
{
    public DanYDbContext CreateDbContext(string[] args) =>
        new(DanYDatabase.Options(new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=dany_design;Username=dany", Path.GetTempPath())));
}
