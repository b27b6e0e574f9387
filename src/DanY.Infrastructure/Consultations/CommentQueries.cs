using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Consultations;

/// <summary>A stored comment as its author may see it by receipt (never who wrote it).</summary>
public sealed record CommentLookup(string Receipt, CommentStatus Status, int ConsultationId, int DraftId, string? SectionRef, Stance Stance, string Text, string Channel, DateTimeOffset SubmittedAt, bool HasIdentity, bool IdentityWithdrawn);

public static class CommentQueries
{
    public static async Task<CommentLookup?> FindAsync(DanYDbContext db, string receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        string? code = Receipts.Canonical(receipt);
        if (code is null) return null;
        var c = await db.Comments.AsNoTracking().Where(x => x.Receipt == code)
            .Select(x => new { x.Id, x.Receipt, x.Status, x.ConsultationId, x.DraftId, x.SectionRef, x.Stance, x.Text, x.Channel, x.SubmittedAt })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (c is null) return null;
        var identity = await db.CommentIdentities.AsNoTracking().Where(i => i.CommentId == c.Id)
            .Select(i => new { i.WithdrawnAt }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new CommentLookup(c.Receipt, c.Status, c.ConsultationId, c.DraftId, c.SectionRef, c.Stance, c.Text, c.Channel, c.SubmittedAt,
            identity is not null, identity?.WithdrawnAt is not null);
    }

    /// <summary>The receipt stored under an idempotency key of one consultation (keys are scoped per consultation).</summary>
    public static Task<string?> ReceiptForKeyAsync(DanYDbContext db, int consultationId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId && c.IdempotencyKey == key).Select(c => c.Receipt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Erases the identity attached to a comment; true when there was one to erase.</summary>
    public static async Task<bool> WithdrawIdentityAsync(DanYDbContext db, string receipt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        string? code = Receipts.Canonical(receipt);
        if (code is null) return false;
        long? id = await db.Comments.Where(c => c.Receipt == code).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (id is null) return false;
        var identity = await db.CommentIdentities.FirstOrDefaultAsync(i => i.CommentId == id, cancellationToken).ConfigureAwait(false);
        if (identity is null || identity.IsWithdrawn) return false;
        identity.Withdraw(now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
