using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DanY.Infrastructure.Data;

/// <summary>
/// WAL lets readers and the writer work at once; synchronous=FULL makes every acknowledged commit
/// survive a power loss (the WAL default NORMAL may lose the last transactions).
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
