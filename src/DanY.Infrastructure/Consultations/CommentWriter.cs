using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using DanY.Domain.Consultations;
using DanY.Engine.Text;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanY.Infrastructure.Consultations;

/// <summary>A comment ready to be stored (already validated).</summary>
public sealed record NewComment(
    int ConsultationId,
    int DraftId,
    int? DraftVersionId,
    string? SectionRef,
    Stance Stance,
    string Text,
    string Channel,
    string IdempotencyKey,
    int? UnitId = null,
    string? SocialGroup = null,
    int? ConferenceId = null,
    IdentityInput? Identity = null,
    DateTimeOffset? SubmittedAt = null);

/// <summary>Identity given with explicit consent; stored apart from the comment.</summary>
public sealed record IdentityInput(string? Name, string? Contact, string? Locality, string? SocialGroup, DateTimeOffset RetainUntil);

/// <summary>
/// The receipt of a stored comment; <paramref name="Created"/> is false when the idempotency key was already used.
/// <paramref name="KeyReused"/> is true when that key was used for a different comment: nothing was stored and
/// <paramref name="Receipt"/> belongs to the other comment, so it must not be given to this client.
/// </summary>
public sealed record SubmitResult(string Receipt, bool Created, bool KeyReused = false);

internal static class CommentSql
{
    public const string Table = "comments";
    public const string IdentityTable = "comment_identities";

    // ON CONFLICT ... DO NOTHING RETURNING is the same in SQLite (3.35+) and PostgreSQL: keys that already exist return no row.
    public const string InsertHead =
        "INSERT INTO comments (\"Receipt\", \"IdempotencyKey\", \"ConsultationId\", \"DraftId\", \"DraftVersionId\", \"SectionRef\", \"Stance\", " +
        "\"Text\", \"Channel\", \"UnitId\", \"SocialGroup\", \"ConferenceId\", \"ContentHash\", \"SubmittedAt\", \"Status\") VALUES ";

    // Keys are scoped per consultation: the same key sent to two consultations is two comments.
    public const string InsertTail = " ON CONFLICT (\"ConsultationId\", \"IdempotencyKey\") DO NOTHING RETURNING \"Id\", \"ConsultationId\", \"IdempotencyKey\"";

    /// <summary>The writer's identity of a submission: the key within its consultation.</summary>
    public static string Scoped(int consultationId, string key) =>
        consultationId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + key;

    public const string InsertIdentity =
        "INSERT INTO comment_identities (\"CommentId\", \"Name\", \"Contact\", \"Locality\", \"SocialGroup\", \"ConsentVersion\", \"Purpose\", \"ConsentedAt\", \"RetainUntil\") " +
        "VALUES (@comment, @name, @contact, @locality, @group, @version, @purpose, @at, @retain)";

    /// <summary>True when two submissions under one idempotency key carry the same comment (a genuine retry).</summary>
    public static bool SameComment(NewComment a, NewComment b) =>
        a.ConsultationId == b.ConsultationId && a.DraftId == b.DraftId && a.Stance == b.Stance
        && string.Equals(a.SectionRef, b.SectionRef, StringComparison.Ordinal)
        && string.Equals(a.Text, b.Text, StringComparison.Ordinal)
        && string.Equals(a.SocialGroup, b.SocialGroup, StringComparison.Ordinal);

    /// <summary>SHA-256 (hex) of the exact-duplicate key of the text.</summary>
    public static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(VietnameseText.ExactKey(text))));
}

/// <summary>
/// Group commit. Requests put their comments on a channel and wait; ONE background writer takes
/// everything waiting (up to <see cref="MaxBatch"/>), inserts it in one transaction, commits (SQLite WAL
/// with synchronous=FULL, or PostgreSQL), and only then completes each request. So one fsync serves a
/// whole batch and a receipt is never returned for a comment that is not durably stored. Idempotency:
/// a unique index on the key, <c>ON CONFLICT DO NOTHING</c>, and a look-up of the existing receipt.
/// </summary>
public sealed class CommentWriter(IServiceScopeFactory scopes, ILogger<CommentWriter> logger) : BackgroundService
{
    public const int MaxBatch = 1024;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(50_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Stores one comment; completes after the commit.</summary>
    public async Task<SubmitResult> SubmitAsync(NewComment comment, CancellationToken cancellationToken = default)
    {
        var results = await SubmitAllAsync([comment], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Stores several comments in the same transaction (bulk intake); completes after the commit.</summary>
    public async Task<IReadOnlyList<SubmitResult>> SubmitAllAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comments);
        if (comments.Count == 0) return [];
        var pending = new Pending(comments);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        // The request may give up waiting, but the comment stays queued: it will be stored or not, never half.
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        Session? session = null;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                batch.Clear();
                int size = 0;
                while (size < MaxBatch && reader.TryRead(out var p))
                {
                    batch.Add(p);
                    size += p.Comments.Count;
                }
                if (batch.Count == 0) continue;
                try
                {
                    session ??= await Session.OpenAsync(scopes).ConfigureAwait(false);
                    var results = await session.WriteAsync(batch).ConfigureAwait(false);
                    for (int i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(results[i]);
                }
                catch (Exception ex) when (batch.Count > 1)
                {
                    logger.LogWarning(ex, "Group commit of {Count} submissions failed; writing them one by one", batch.Count);
                    if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
                    session = null;
                    foreach (var p in batch)
                    {
                        try
                        {
                            session ??= await Session.OpenAsync(scopes).ConfigureAwait(false);
                            p.Completion.TrySetResult((await session.WriteAsync([p]).ConfigureAwait(false))[0]);
                        }
                        catch (Exception single)
                        {
                            if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
                            session = null;
                            p.Completion.TrySetException(single);
                        }
                    }
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Comment write failed");
                    if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
                    session = null;
                    foreach (var p in batch) p.Completion.TrySetException(ex);
                }
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Let the queue drain: requests already waiting get their receipts before the host stops.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Pending(IReadOnlyList<NewComment> comments)
    {
        public IReadOnlyList<NewComment> Comments { get; } = comments;

        public TaskCompletionSource<IReadOnlyList<SubmitResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A long-lived connection with prepared commands.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly DbConnection _connection;
        private readonly DanYDbContext _db;
        private readonly bool _sqlite;

        private Session(AsyncServiceScope scope, DanYDbContext db)
        {
            _scope = scope;
            _db = db;
            _connection = db.Database.GetDbConnection();
            _sqlite = db.Database.IsSqlite();
        }

        public static async Task<Session> OpenAsync(IServiceScopeFactory scopes)
        {
            var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            // Through EF so that the SQLite durability pragmas (WAL, synchronous=FULL) are applied.
            await db.Database.OpenConnectionAsync().ConfigureAwait(false);
            return new Session(scope, db);
        }

        public async Task<List<IReadOnlyList<SubmitResult>>> WriteAsync(List<Pending> batch)
        {
            var now = DateTimeOffset.UtcNow;
            // One row per distinct key: a key sent twice in the same batch is stored once and both get its receipt.
            var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
            foreach (var pending in batch)
            {
                foreach (var c in pending.Comments)
                {
                    rows.TryAdd(CommentSql.Scoped(c.ConsultationId, c.IdempotencyKey), new Row(c, Receipts.New()));
                }
            }
            var unique = rows.Values.ToList();
            await using var transaction = await _connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
            // Multi-row statements: one round trip per chunk instead of one per comment (this matters on PostgreSQL).
            // SQLite is in-process: one prepared single-row statement re-executed is cheapest there (it binds
            // parameters by a linear name search, so huge statements cost more than they save).
            DbCommand? single = _sqlite ? InsertCommand(transaction, 1, null, now) : null;
            try
            {
            foreach (var chunk in unique.Chunk(_sqlite ? 64 : ChunkSize))
            {
                if (single is not null)
                {
                    foreach (var row in chunk)
                    {
                        SetValues(single, 0, row, now);
                        await ReadInsertedAsync(single, rows).ConfigureAwait(false);
                    }
                }
                else
                {
                    await using var insert = InsertCommand(transaction, chunk.Length, chunk, now);
                    await ReadInsertedAsync(insert, rows).ConfigureAwait(false);
                }
                var existing = chunk.Where(r => r.Result is null).ToList();
                if (existing.Count > 0)
                {
                    await using var lookup = _connection.CreateCommand();
                    lookup.Transaction = transaction;
                    var names = new List<string>(existing.Count);
                    for (int i = 0; i < existing.Count; i++)
                    {
                        names.Add(Add(lookup, "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), existing[i].Comment.IdempotencyKey));
                    }
                    lookup.CommandText = "SELECT \"IdempotencyKey\", \"Receipt\", \"ConsultationId\", \"DraftId\", \"SectionRef\", \"Stance\", \"Text\", \"SocialGroup\" "
                        + "FROM comments WHERE \"IdempotencyKey\" IN (" + string.Join(", ", names) + ")";
                    await using var reader = await lookup.ExecuteReaderAsync().ConfigureAwait(false);
                    while (await reader.ReadAsync().ConfigureAwait(false))
                    {
                        // The same key may exist under other consultations: only the row of this consultation answers.
                        int consultation = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
                        if (!rows.TryGetValue(CommentSql.Scoped(consultation, reader.GetString(0)), out var row) || row.Result is not null) continue;
                        var stored = row.Comment with
                        {
                            ConsultationId = consultation,
                            DraftId = Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                            SectionRef = reader.IsDBNull(4) ? null : reader.GetString(4),
                            Stance = Enum.TryParse(reader.GetString(5), out Stance st) ? st : (Stance)(-1),
                            Text = reader.GetString(6),
                            SocialGroup = reader.IsDBNull(7) ? null : reader.GetString(7),
                        };
                        row.Result = new SubmitResult(reader.GetString(1), false, !CommentSql.SameComment(row.Comment, stored));
                    }
                }
                foreach (var row in chunk)
                {
                    if (row.Result is null) throw new InvalidOperationException("idempotency conflict without a stored row");
                    if (row.Id is long id && row.Comment.Identity is { } who) await InsertIdentityAsync(transaction, id, who, now).ConfigureAwait(false);
                }
            }
            }
            finally
            {
                if (single is not null) await single.DisposeAsync().ConfigureAwait(false);
            }
            await transaction.CommitAsync().ConfigureAwait(false);

            var output = new List<IReadOnlyList<SubmitResult>>(batch.Count);
            var answered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pending in batch)
            {
                var results = new SubmitResult[pending.Comments.Count];
                for (int i = 0; i < results.Length; i++)
                {
                    string key = CommentSql.Scoped(pending.Comments[i].ConsultationId, pending.Comments[i].IdempotencyKey);
                    var result = rows[key].Result!;
                    // Only the first submission of a key created it; any other in the batch is a retry,
                    // or a different comment under a reused key, which is not stored.
                    results[i] = answered.Add(key) ? result
                        : result with { Created = false, KeyReused = result.KeyReused || !CommentSql.SameComment(pending.Comments[i], rows[key].Comment) };
                }
                output.Add(results);
            }
            return output;
        }

        private const int ChunkSize = 256;

        private sealed class Row(NewComment comment, string receipt)
        {
            public NewComment Comment { get; } = comment;

            public string Receipt { get; } = receipt;

            public long? Id { get; set; }

            public SubmitResult? Result { get; set; }
        }

        private static readonly string[] Columns = ["r", "k", "c", "d", "v", "s", "st", "t", "ch", "u", "g", "cf", "h", "a"];

        private static async Task ReadInsertedAsync(DbCommand insert, Dictionary<string, Row> rows)
        {
            await using var reader = await insert.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                int consultation = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
                var row = rows[CommentSql.Scoped(consultation, reader.GetString(2))];
                row.Id = reader.GetInt64(0);
                row.Result = new SubmitResult(row.Receipt, true);
            }
        }

        private DbCommand InsertCommand(DbTransaction transaction, int count, Row[]? chunk, DateTimeOffset now)
        {
            var command = _connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(CommentSql.InsertHead, CommentSql.InsertHead.Length + (count * 120));
            for (int i = 0; i < count; i++)
            {
                string n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? "(" : ", (");
                foreach (string column in Columns) sql.Append(Add(command, column + n, null)).Append(", ");
                sql.Append("'Received')");
                if (chunk is not null) SetValues(command, i, chunk[i], now);
            }
            sql.Append(CommentSql.InsertTail);
            command.CommandText = sql.ToString();
            return command;
        }

        private static void SetValues(DbCommand command, int index, Row row, DateTimeOffset now)
        {
            var p = command.Parameters;
            int at = index * Columns.Length;
            var c = row.Comment;
            p[at].Value = row.Receipt;
            p[at + 1].Value = c.IdempotencyKey;
            p[at + 2].Value = c.ConsultationId;
            p[at + 3].Value = c.DraftId;
            p[at + 4].Value = (object?)c.DraftVersionId ?? DBNull.Value;
            p[at + 5].Value = (object?)c.SectionRef ?? DBNull.Value;
            p[at + 6].Value = c.Stance.ToString();
            p[at + 7].Value = c.Text;
            p[at + 8].Value = c.Channel;
            p[at + 9].Value = (object?)c.UnitId ?? DBNull.Value;
            p[at + 10].Value = (object?)c.SocialGroup ?? DBNull.Value;
            p[at + 11].Value = (object?)c.ConferenceId ?? DBNull.Value;
            p[at + 12].Value = CommentSql.ContentHash(c.Text);
            p[at + 13].Value = (c.SubmittedAt ?? now).ToUniversalTime();
        }

        private async Task InsertIdentityAsync(DbTransaction transaction, long commentId, IdentityInput who, DateTimeOffset now)
        {
            await using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = CommentSql.InsertIdentity;
            Add(command, "comment", commentId);
            Add(command, "name", Clip(who.Name));
            Add(command, "contact", Clip(who.Contact));
            Add(command, "locality", Clip(who.Locality));
            Add(command, "group", Clip(who.SocialGroup));
            Add(command, "version", CommentIdentity.CurrentConsentVersion);
            Add(command, "purpose", CommentIdentity.DefaultPurpose);
            Add(command, "at", now);
            Add(command, "retain", who.RetainUntil.ToUniversalTime());
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        private static string Add(DbCommand command, string name, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
            return parameter.ParameterName;
        }

        private static string? Clip(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value.Trim();
            return value.Length > CommentIdentity.FieldMaxLength ? value[..CommentIdentity.FieldMaxLength] : value;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
            finally
            {
                await _scope.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
