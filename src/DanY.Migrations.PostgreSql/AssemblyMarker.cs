namespace DanY.Migrations.PostgreSql;

/// <summary>Marks the assembly.</summary>
public static class MigrationsPostgreSqlAssembly;
