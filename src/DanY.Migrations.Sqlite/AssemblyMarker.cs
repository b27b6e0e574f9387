namespace DanY.Migrations.Sqlite;

/// <summary>Marks the assembly.</summary>
public static class MigrationsSqliteAssembly;
