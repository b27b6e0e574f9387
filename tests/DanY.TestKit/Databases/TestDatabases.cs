using Xunit;
using DanY.Infrastructure.Data;

namespace DanY.TestKit.Databases;

/// <summary>The providers every integration test runs against: <c>[Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]</c>.</summary>
public static class TestDatabases
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    /// <summary>Settings for a fresh, empty database of the provider, with its own data folder.</summary>
    public static DatabaseSettings Fresh(DatabaseProvider provider, string? dataPath = null)
    {
        dataPath ??= Directory.CreateTempSubdirectory("dany-test-").FullName;
        return provider switch
        {
            DatabaseProvider.Sqlite => new DatabaseSettings(provider, "Data Source=" + Path.Combine(dataPath, "dany.db") + ";Pooling=False", dataPath),
            DatabaseProvider.PostgreSql => new DatabaseSettings(provider,
                Postgres.PostgresServer.ConnectionStringFor("dany_" + Guid.NewGuid().ToString("N")), dataPath),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }
}
