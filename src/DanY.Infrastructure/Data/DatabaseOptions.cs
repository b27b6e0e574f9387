using Microsoft.Extensions.Configuration;

namespace DanY.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where the data lives. Read from <c>Database:Provider</c>, <c>ConnectionStrings:DanY</c> and
/// <c>Storage:DataPath</c> (env: <c>DanY__Database__Provider</c>, <c>DanY__ConnectionStrings__DanY</c>...).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataPath)
{
    public const string ConnectionName = "DanY";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        var provider = providerText.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
            _ => throw new InvalidOperationException(
                $"Database:Provider \"{providerText}\" không hợp lệ (Sqlite | PostgreSql) / is not valid (Sqlite | PostgreSql)."),
        };
        string dataPath = Path.GetFullPath(configuration["Storage:DataPath"] is { Length: > 0 } p ? p : "data");
        string? connection = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.PostgreSql)
                throw new InvalidOperationException("ConnectionStrings:DanY là bắt buộc với PostgreSQL / ConnectionStrings:DanY is required for PostgreSQL.");
            connection = "Data Source=" + Path.Combine(dataPath, "dany.db");
        }
        return new DatabaseSettings(provider, connection, dataPath);
    }
}
