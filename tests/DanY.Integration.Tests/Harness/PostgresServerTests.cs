using DanY.TestKit.Postgres;
using Npgsql;

namespace DanY.Integration.Tests.Harness;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Each_caller_gets_an_empty_database_of_its_own()
    {
        string first = PostgresServer.ConnectionStringFor("harness");
        string second = PostgresServer.ConnectionStringFor("harness");
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
