using System.Data.Common;
using System.Globalization;
using System.Text;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DanY.Infrastructure.Synthesis;

/// <summary>
/// Writes a run's per-comment rows (members, assignments) as multi-row INSERTs on the context's own
/// connection and transaction. A 100,000-comment run has about 200,000 of them: through the change
/// tracker they took half of the job; here they cost a few seconds. The rows are written by the system,
/// so nothing is audited (as with the tracked path before).
/// </summary>
internal sealed class SynthesisRows(DanYDbContext db)
{
    private const int RowsPerStatement = 400;

    private readonly List<object?[]> _members = [];
    private readonly List<object?[]> _assignments = [];

    public void Member(long runId, long groupId, long commentId, bool primary) => _members.Add([runId, groupId, commentId, primary]);

    public void Assignment(long runId, long commentId, long? groupId, string? duplicateGroup, string noise) =>
        _assignments.Add([runId, commentId, groupId, duplicateGroup, noise]);

    public int Pending => _members.Count + _assignments.Count;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await InsertAsync("synthesis_members", ["RunId", "GroupId", "CommentId", "Primary"], _members, cancellationToken).ConfigureAwait(false);
        await InsertAsync("synthesis_assignments", ["RunId", "CommentId", "GroupId", "DuplicateGroup", "Noise"], _assignments, cancellationToken).ConfigureAwait(false);
        _members.Clear();
        _assignments.Clear();
    }

    private async Task InsertAsync(string table, string[] columns, List<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? full = null;
        try
        {
            for (int start = 0; start < rows.Count; start += RowsPerStatement)
            {
                int n = Math.Min(RowsPerStatement, rows.Count - start);
                DbCommand command;
                if (n == RowsPerStatement)
                {
                    // The full-size statement is built once and reused with new values.
                    full ??= Create(connection, transaction, table, columns, n);
                    command = full;
                }
                else
                {
                    command = Create(connection, transaction, table, columns, n);
                }
                for (int r = 0; r < n; r++)
                {
                    var row = rows[start + r];
                    for (int c = 0; c < columns.Length; c++) command.Parameters[r * columns.Length + c].Value = row[c] ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (!ReferenceEquals(command, full)) await command.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static DbCommand Create(DbConnection connection, DbTransaction? transaction, string table, string[] columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .Append(string.Join(", ", columns.Select(c => "\"" + c + "\""))).Append(") VALUES ");
        for (int r = 0; r < rows; r++)
        {
            if (r > 0) sql.Append(", ");
            sql.Append('(');
            for (int c = 0; c < columns.Length; c++)
            {
                string name = "@p" + (r * columns.Length + c).ToString(CultureInfo.InvariantCulture);
                if (c > 0) sql.Append(", ");
                sql.Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }
}
