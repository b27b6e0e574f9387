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

/// <summary>The receipt of a stored comment; <paramref name="Created"/> is false when the idempotency key was already used.</summary>
public sealed record SubmitResult(string Receipt, bool Created);

internal static class CommentSql
{
    public const string Table = "comments";
    public const string IdentityTable = "comment_identities";

    // ON CONFLICT ... DO NOTHING RETURNING is the same in SQLite (3.35+) and PostgreSQL: no row back means the key exists.
    public const string Insert =
        "INSERT INTO comments (\"Receipt\", \"IdempotencyKey\", \"ConsultationId\", \"DraftId\", \"DraftVersionId\", \"SectionRef\", \"Stance\", " +
        "\"Text\", \"Channel\", \"UnitId\", \"SocialGroup\", \"ConferenceId\", \"ContentHash\", \"SubmittedAt\", \"Status\") " +
        "VALUES (@receipt, @key, @consultation, @draft, @version, @section, @stance, @text, @channel, @unit, @group, @conference, @hash, @at, 'Received') " +
        "ON CONFLICT (\"IdempotencyKey\") DO NOTHING RETURNING \"Id\"";

    public const string InsertIdentity =
        "INSERT INTO comment_identities (\"CommentId\", \"Name\", \"Contact\", \"Locality\", \"SocialGroup\", \"ConsentVersion\", \"Purpose\", \"ConsentedAt\", \"RetainUntil\") " +
        "VALUES (@comment, @name, @contact, @locality, @group, @version, @purpose, @at, @retain)";

    public const string ReceiptByKey = "SELECT \"Receipt\" FROM comments WHERE \"IdempotencyKey\" = @key";

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

        private Session(AsyncServiceScope scope, DanYDbContext db)
        {
            _scope = scope;
            _db = db;
            _connection = db.Database.GetDbConnection();
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
            var byKey = new Dictionary<string, SubmitResult>(StringComparer.Ordinal);
            var output = new List<IReadOnlyList<SubmitResult>>(batch.Count);
            await using var transaction = await _connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
            await using var insert = Command(transaction, CommentSql.Insert,
                "receipt", "key", "consultation", "draft", "version", "section", "stance", "text", "channel", "unit", "group", "conference", "hash", "at");
            await using var lookup = Command(transaction, CommentSql.ReceiptByKey, "key");
            DbCommand? identity = null;
            try
            {
                foreach (var pending in batch)
                {
                    var results = new SubmitResult[pending.Comments.Count];
                    for (int i = 0; i < results.Length; i++)
                    {
                        var c = pending.Comments[i];
                        if (byKey.TryGetValue(c.IdempotencyKey, out var earlier))
                        {
                            results[i] = earlier with { Created = false };
                            continue;
                        }
                        string receipt = Receipts.New();
                        var p = insert.Parameters;
                        p[0].Value = receipt;
                        p[1].Value = c.IdempotencyKey;
                        p[2].Value = c.ConsultationId;
                        p[3].Value = c.DraftId;
                        p[4].Value = (object?)c.DraftVersionId ?? DBNull.Value;
                        p[5].Value = (object?)c.SectionRef ?? DBNull.Value;
                        p[6].Value = c.Stance.ToString();
                        p[7].Value = c.Text;
                        p[8].Value = c.Channel;
                        p[9].Value = (object?)c.UnitId ?? DBNull.Value;
                        p[10].Value = (object?)c.SocialGroup ?? DBNull.Value;
                        p[11].Value = (object?)c.ConferenceId ?? DBNull.Value;
                        p[12].Value = CommentSql.ContentHash(c.Text);
                        p[13].Value = (c.SubmittedAt ?? now).ToUniversalTime();
                        object? id = await insert.ExecuteScalarAsync().ConfigureAwait(false);
                        SubmitResult result;
                        if (id is null or DBNull)
                        {
                            lookup.Parameters[0].Value = c.IdempotencyKey;
                            string existing = (string)(await lookup.ExecuteScalarAsync().ConfigureAwait(false)
                                ?? throw new InvalidOperationException("idempotency conflict without a row"));
                            result = new SubmitResult(existing, false);
                        }
                        else
                        {
                            result = new SubmitResult(receipt, true);
                            if (c.Identity is { } who)
                            {
                                identity ??= Command(transaction, CommentSql.InsertIdentity,
                                    "comment", "name", "contact", "locality", "group", "version", "purpose", "at", "retain");
                                var q = identity.Parameters;
                                q[0].Value = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
                                q[1].Value = (object?)Clip(who.Name) ?? DBNull.Value;
                                q[2].Value = (object?)Clip(who.Contact) ?? DBNull.Value;
                                q[3].Value = (object?)Clip(who.Locality) ?? DBNull.Value;
                                q[4].Value = (object?)Clip(who.SocialGroup) ?? DBNull.Value;
                                q[5].Value = CommentIdentity.CurrentConsentVersion;
                                q[6].Value = CommentIdentity.DefaultPurpose;
                                q[7].Value = now;
                                q[8].Value = who.RetainUntil.ToUniversalTime();
                                await identity.ExecuteNonQueryAsync().ConfigureAwait(false);
                            }
                        }
                        byKey[c.IdempotencyKey] = result;
                        results[i] = result;
                    }
                    output.Add(results);
                }
                await transaction.CommitAsync().ConfigureAwait(false);
            }
            finally
            {
                if (identity is not null) await identity.DisposeAsync().ConfigureAwait(false);
            }
            return output;
        }

        private static string? Clip(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value.Trim();
            return value.Length > CommentIdentity.FieldMaxLength ? value[..CommentIdentity.FieldMaxLength] : value;
        }

        private DbCommand Command(DbTransaction transaction, string sql, params string[] names)
        {
            var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (string name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }
            return command;
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
