using DanY.Domain.Consultations;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Labelling;

/// <summary>A portal comment waiting for a moderation decision: the staff label or the model's flag, with its confidence.</summary>
public sealed record ModerationRow(long CommentId, string Receipt, string Text, string? SectionRef, DateTimeOffset SubmittedAt,
    string? StaffLabel, string? Suggestion, double? Confidence);

/// <summary>A decision taken on the queue, newest first.</summary>
public sealed record ModerationHistoryRow(long DecisionId, long CommentId, string Receipt, string Text, ModerationOutcome Outcome, string Reason,
    string? Note, string? ModelLabel, double? Confidence, DateTimeOffset DecidedAt, CommentStatus Status);

/// <summary>
/// The portal's moderation queue, fed by the unit's "Sàng lọc" set: comments the model flags as spam or
/// abuse at or above a confidence (or that staff labelled so) wait for staff to confirm them (set aside
/// with a reason, never deleted) or release them. Every decision is an audited row; confirming or
/// releasing also records the staff label, so the next model learns from it.
/// </summary>
public sealed class ModerationService(DanYDbContext db, LabellingService labelling)
{
    public const double DefaultThreshold = 0.7;

    public async Task<(IReadOnlyList<ModerationRow> Rows, int Total)> QueueAsync(LabelSet set, int consultationId, double threshold, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!set.IsModeration) throw new LabellingException("Hàng chờ kiểm duyệt chỉ dùng bộ nhãn “Sàng lọc” / the moderation queue needs the screening set.");
        var pending = await PendingAsync(set, consultationId, threshold, cancellationToken).ConfigureAwait(false);
        // The model's own flags first (nobody has looked at them yet), most confident first; then those staff labelled.
        int total = await pending.CountAsync(cancellationToken).ConfigureAwait(false);
        page = Math.Max(1, page);
        var rows = await pending.OrderBy(r => r.StaffLabel != null).ThenByDescending(r => r.Confidence).ThenBy(r => r.CommentId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (rows.Select(r => new ModerationRow(r.CommentId, r.Receipt, r.Text, r.SectionRef, r.SubmittedAt, r.StaffLabel, r.Suggestion, r.Confidence)).ToList(), total);
    }

    /// <summary>How many comments wait in the queue at this threshold.</summary>
    public async Task<int> PendingCountAsync(LabelSet set, int consultationId, double threshold, CancellationToken cancellationToken = default) =>
        await (await PendingAsync(set, consultationId, threshold, cancellationToken).ConfigureAwait(false)).CountAsync(cancellationToken).ConfigureAwait(false);

    private sealed class PendingRow
    {
        public long CommentId { get; init; }
        public string Receipt { get; init; } = "";
        public string Text { get; init; } = "";
        public string? SectionRef { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public string? StaffLabel { get; init; }
        public string? Suggestion { get; init; }
        public double? Confidence { get; init; }
    }

    private async Task<IQueryable<PendingRow>> PendingAsync(LabelSet set, int consultationId, double threshold, CancellationToken cancellationToken)
    {
        ValidateThreshold(threshold);
        var scoped = await labelling.ScopedCommentsAsync(set, consultationId, cancellationToken).ConfigureAwait(false);
        int setId = set.Id;
        var flags = set.FlagLabels.ToList();
        return from c in scoped
               where c.Status == CommentStatus.Received && !db.ModerationDecisions.Any(d => d.CommentId == c.Id)
               join l in db.CommentLabels.Where(l => l.LabelSetId == setId) on c.Id equals l.CommentId into ls
               from l in ls.DefaultIfEmpty()
               join s in db.LabelSuggestions.Where(s => s.LabelSetId == setId) on c.Id equals s.CommentId into ss
               from s in ss.DefaultIfEmpty()
               where (l != null && flags.Contains(l.Label)) || (l == null && s != null && flags.Contains(s.Label) && s.Confidence >= threshold)
               select new PendingRow
               {
                   CommentId = c.Id, Receipt = c.Receipt, Text = c.Text, SectionRef = c.SectionRef, SubmittedAt = c.SubmittedAt,
                   StaffLabel = l != null ? l.Label : null, Suggestion = s != null ? s.Label : null, Confidence = s != null ? (double?)s.Confidence : null,
               };
    }

    /// <summary>Confirms comments as noise or abuse: each is set aside with the reason (a flag label of the set) and an optional note.</summary>
    public Task<int> SetAsideAsync(LabelSet set, int consultationId, IReadOnlyCollection<long> commentIds, string reason, string? note, string userId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!set.FlagLabels.Contains(reason ?? "", StringComparer.Ordinal))
            throw new LabellingException("Hãy chọn lý do: " + string.Join(", ", set.FlagLabels) + " / choose a reason from the screening labels.");
        return DecideAsync(set, consultationId, commentIds, ModerationOutcome.SetAside, reason!, note, userId, cancellationToken);
    }

    /// <summary>Keeps comments (or brings set-aside ones back): they count in the synthesis and leave the queue.</summary>
    public Task<int> ReleaseAsync(LabelSet set, int consultationId, IReadOnlyCollection<long> commentIds, string? note, string userId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        return DecideAsync(set, consultationId, commentIds, ModerationOutcome.Released, set.LabelList[0], note, userId, cancellationToken);
    }

    private async Task<int> DecideAsync(LabelSet set, int consultationId, IReadOnlyCollection<long> commentIds, ModerationOutcome outcome, string reason,
        string? note, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commentIds);
        if (!set.IsModeration) throw new LabellingException("Chỉ bộ nhãn “Sàng lọc” dùng cho kiểm duyệt / only the screening set moderates comments.");
        var ids = commentIds.Distinct().ToList();
        if (ids.Count == 0) throw new LabellingException("Hãy chọn ít nhất một ý kiến / choose at least one comment.");
        var scoped = await labelling.ScopedCommentsAsync(set, consultationId, cancellationToken).ConfigureAwait(false);
        var comments = await scoped.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (comments.Count != ids.Count) throw new LabellingException("Có ý kiến ngoài phạm vi kiểm duyệt của đơn vị / some comments are outside the unit's moderation scope.");
        var suggestions = await db.LabelSuggestions.AsNoTracking().Where(s => s.LabelSetId == set.Id && ids.Contains(s.CommentId))
            .ToDictionaryAsync(s => s.CommentId, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        int changed = 0;
        foreach (var comment in comments)
        {
            var s = suggestions.GetValueOrDefault(comment.Id);
            // The decision carries the note's validation: build it before touching the comment.
            var decision = new ModerationDecision(comment.Id, consultationId, set.Id, outcome, reason, note, s?.Label, s?.Confidence, userId, now);
            if (outcome == ModerationOutcome.SetAside)
            {
                if (comment.Status == CommentStatus.Rejected) continue;
                comment.SetAside();
            }
            else
            {
                comment.Restore();
            }
            db.ModerationDecisions.Add(decision);
            changed++;
        }
        // Saves the decisions, the comments' status and the staff labels together.
        await labelling.SetLabelsAsync(set, consultationId, comments.ToDictionary(c => c.Id, _ => (string?)reason), userId, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    public async Task<(IReadOnlyList<ModerationHistoryRow> Rows, int Total)> HistoryAsync(LabelSet set, int consultationId, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var scoped = await labelling.ScopedCommentsAsync(set, consultationId, cancellationToken).ConfigureAwait(false);
        var query = from d in db.ModerationDecisions.AsNoTracking()
                    join c in scoped on d.CommentId equals c.Id
                    where d.ConsultationId == consultationId
                    select new { d, c.Receipt, c.Text, c.Status };
        int total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(r => r.d.Id).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (rows.Select(r => new ModerationHistoryRow(r.d.Id, r.d.CommentId, r.Receipt, r.Text, r.d.Outcome, r.d.Reason, r.d.Note, r.d.ModelLabel,
            r.d.Confidence, r.d.DecidedAt, r.Status)).ToList(), total);
    }

    /// <summary>Set-aside comments of a consultation with the reason of their latest decision (what the synthesis reports as noise).</summary>
    public static async Task<Dictionary<long, string>> SetAsideReasonsAsync(DanYDbContext db, int consultationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from c in db.Comments.AsNoTracking()
                          where c.ConsultationId == consultationId && c.Status == CommentStatus.Rejected
                          select new
                          {
                              c.Id,
                              Reason = db.ModerationDecisions.Where(d => d.CommentId == c.Id && d.Outcome == ModerationOutcome.SetAside)
                                  .OrderByDescending(d => d.Id).Select(d => d.Reason).FirstOrDefault(),
                          }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Id, r => r.Reason ?? "");
    }

    private static void ValidateThreshold(double threshold)
    {
        if (double.IsNaN(threshold) || threshold < 0 || threshold > 1)
            throw new LabellingException("Ngưỡng tin cậy phải từ 0 đến 1 / the confidence threshold must be between 0 and 1.");
    }
}
