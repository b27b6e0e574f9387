using System.Security.Claims;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Engine.Synthesis;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Synthesis;

/// <summary>Staff may not edit this synthesis.</summary>
public sealed class SynthesisForbiddenException() : Exception("Bạn không có quyền sửa bản tổng hợp này / you may not edit this synthesis.");

/// <summary>
/// Staff edits of a stored synthesis: merge, split, move a comment, edit the summary, adopt/explain,
/// mark an isolated opinion substantial. Groups and memberships are audited entities, so every edit is
/// in the audit log with who and when; comments are only read, never changed. Counts are recomputed
/// from the members after every change of membership.
/// </summary>
public sealed class SynthesisReview(DanYDbContext db, IPermissionService permissions)
{
    public const int PageSize = 50;

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int consultationId, CancellationToken cancellationToken = default)
    {
        int owner = await db.Consultations.Where(c => c.Id == consultationId).Select(c => c.OwnerUnitId).SingleAsync(cancellationToken).ConfigureAwait(false);
        return await permissions.CanEditAsync(user, owner, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> CanViewAsync(ClaimsPrincipal user, int consultationId, CancellationToken cancellationToken = default)
    {
        var c = await db.Consultations.Where(c => c.Id == consultationId).Select(c => new { c.OwnerUnitId, c.TargetUnitId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (c is null) return false;
        return await permissions.CanViewAsync(user, c.OwnerUnitId, cancellationToken).ConfigureAwait(false)
            || await permissions.CanViewAsync(user, c.TargetUnitId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(SynthesisGroup Group, int ConsultationId)> EditableAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        var group = await db.SynthesisGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Không có nhóm ý kiến {groupId} / no group {groupId}.");
        int consultationId = await db.SynthesisRuns.Where(r => r.Id == group.RunId).Select(r => r.ConsultationId).SingleAsync(cancellationToken).ConfigureAwait(false);
        if (!await CanEditAsync(user, consultationId, cancellationToken).ConfigureAwait(false)) throw new SynthesisForbiddenException();
        return (group, consultationId);
    }

    public async Task EditSummaryAsync(ClaimsPrincipal user, long groupId, string summary, CancellationToken cancellationToken = default)
    {
        var (group, _) = await EditableAsync(user, groupId, cancellationToken).ConfigureAwait(false);
        group.EditSummary(summary);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DecideAsync(ClaimsPrincipal user, long groupId, GroupDecision decision, string? note, CancellationToken cancellationToken = default)
    {
        var (group, _) = await EditableAsync(user, groupId, cancellationToken).ConfigureAwait(false);
        if (decision == GroupDecision.Explained && string.IsNullOrWhiteSpace(note))
            throw new ArgumentException("Giải trình cần có nội dung / an explanation needs a note.");
        group.Decide(decision, note);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkIsolatedAsync(ClaimsPrincipal user, long groupId, bool substantial, CancellationToken cancellationToken = default)
    {
        var (group, _) = await EditableAsync(user, groupId, cancellationToken).ConfigureAwait(false);
        group.MarkIsolated(substantial);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves every comment of the sources into the target; the sources stay, marked merged, for the record.</summary>
    public async Task MergeAsync(ClaimsPrincipal user, long targetId, IReadOnlyCollection<long> sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        var (target, _) = await EditableAsync(user, targetId, cancellationToken).ConfigureAwait(false);
        var sources = await db.SynthesisGroups.Where(g => sourceIds.Contains(g.Id) && g.Id != targetId).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (sources.Count == 0 || sources.Any(s => s.RunId != target.RunId || s.MergedIntoId is not null))
            throw new ArgumentException("Chọn ít nhất một nhóm khác của cùng bản tổng hợp để gộp / choose other groups of the same synthesis to merge.");
        var ids = sources.Select(s => s.Id).ToList();
        var existing = await db.SynthesisMembers.Where(m => m.GroupId == targetId).Select(m => m.CommentId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var present = existing.ToHashSet();
        foreach (var m in await db.SynthesisMembers.Where(m => ids.Contains(m.GroupId)).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (present.Add(m.CommentId)) m.MoveTo(targetId);
            else db.SynthesisMembers.Remove(m);
        }
        foreach (var a in await db.SynthesisAssignments.Where(a => a.RunId == target.RunId && a.GroupId != null && ids.Contains(a.GroupId.Value)).ToListAsync(cancellationToken).ConfigureAwait(false))
            a.MoveTo(targetId);
        foreach (var s in sources)
        {
            s.MergeInto(targetId);
            s.Recount(0, 0, 0, s.Quantifier, 0, "{}");
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await RecountAsync([target], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes some comments out of a group into a new group of the same section, with its own summary.</summary>
    public async Task<long> SplitAsync(ClaimsPrincipal user, long groupId, IReadOnlyCollection<long> commentIds, string summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commentIds);
        var (group, _) = await EditableAsync(user, groupId, cancellationToken).ConfigureAwait(false);
        var members = await db.SynthesisMembers.Where(m => m.GroupId == groupId && commentIds.Contains(m.CommentId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        int total = await db.SynthesisMembers.CountAsync(m => m.GroupId == groupId, cancellationToken).ConfigureAwait(false);
        if (members.Count == 0 || members.Count == total)
            throw new ArgumentException("Chọn một phần (không phải tất cả) ý kiến của nhóm để tách / choose some, not all, comments of the group to split off.");
        string text = string.IsNullOrWhiteSpace(summary)
            ? await db.Comments.Where(c => c.Id == members[0].CommentId).Select(c => c.Text).SingleAsync(cancellationToken).ConfigureAwait(false)
            : summary.Trim();
        var created = new SynthesisGroup(group.RunId, group.DraftId, group.SectionRef, group.SectionOrder, group.EngineGroupId + "/split",
            text.Length > SynthesisGroup.SummaryMaxLength ? text[..SynthesisGroup.SummaryMaxLength] : text, "", group.Quantifier, 0, 0, 0, 0, 0, 0, "{}");
        db.SynthesisGroups.Add(created);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var m in members) m.MoveTo(created.Id);
        var moved = members.Select(m => m.CommentId).ToList();
        foreach (var a in await db.SynthesisAssignments.Where(a => a.RunId == group.RunId && a.GroupId == groupId && moved.Contains(a.CommentId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            a.MoveTo(created.Id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await RecountAsync([group, created], cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    public async Task MoveCommentAsync(ClaimsPrincipal user, long fromGroupId, long commentId, long toGroupId, CancellationToken cancellationToken = default)
    {
        var (from, _) = await EditableAsync(user, fromGroupId, cancellationToken).ConfigureAwait(false);
        var to = await db.SynthesisGroups.SingleOrDefaultAsync(g => g.Id == toGroupId && g.RunId == from.RunId && g.MergedIntoId == null, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException("Nhóm đích không thuộc bản tổng hợp này / the target group is not in this synthesis.");
        var member = await db.SynthesisMembers.SingleOrDefaultAsync(m => m.GroupId == fromGroupId && m.CommentId == commentId, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException("Ý kiến không thuộc nhóm này / the comment is not in this group.");
        if (await db.SynthesisMembers.AnyAsync(m => m.GroupId == toGroupId && m.CommentId == commentId, cancellationToken).ConfigureAwait(false)) db.SynthesisMembers.Remove(member);
        else member.MoveTo(toGroupId);
        var assignment = await db.SynthesisAssignments.SingleOrDefaultAsync(a => a.RunId == from.RunId && a.CommentId == commentId && a.GroupId == fromGroupId, cancellationToken).ConfigureAwait(false);
        assignment?.MoveTo(toGroupId);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await RecountAsync([from, to], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts of groups from their members: comments, distinct after duplicates, units, by channel, group and stance; the ladder phrase from the share of the section.</summary>
    private async Task RecountAsync(IReadOnlyList<SynthesisGroup> groups, CancellationToken cancellationToken)
    {
        var ladder = SynthesisStore.Options.Ladder;
        foreach (var g in groups)
        {
            var rows = await (from m in db.SynthesisMembers
                              where m.GroupId == g.Id
                              join c in db.Comments on m.CommentId equals c.Id
                              join a in db.SynthesisAssignments.Where(a => a.RunId == g.RunId) on c.Id equals a.CommentId into aa
                              from a in aa.DefaultIfEmpty()
                              select new { c.Id, c.UnitId, c.Channel, c.SocialGroup, c.Stance, Dup = a == null ? null : a.DuplicateGroup })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            int sectionTotal = await (from m in db.SynthesisMembers
                                      join s in db.SynthesisGroups on m.GroupId equals s.Id
                                      where s.RunId == g.RunId && s.DraftId == g.DraftId && s.SectionRef == g.SectionRef
                                      select m.CommentId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
            int comments = rows.Count;
            int distinct = rows.Select(r => r.Dup ?? "c" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).Count();
            int units = rows.Where(r => r.UnitId is not null).Select(r => r.UnitId).Distinct().Count();
            double share = sectionTotal == 0 ? 0 : (double)comments / sectionTotal;
            string phrase = Quantifier(ladder, share, comments);
            static SortedDictionary<string, int> Count(IEnumerable<string> keys) =>
                new(keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(k => k.Key, k => k.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
            g.Recount(comments, distinct, units, phrase, share, SynthesisStore.Breakdown(
                Count(rows.Select(r => r.Channel)), Count(rows.Where(r => r.SocialGroup != null).Select(r => r.SocialGroup!)), Count(rows.Select(r => Stances.Code(r.Stance)))));
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string Quantifier(IReadOnlyList<QuantifierRung> ladder, double share, int count)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        foreach (var rung in ladder)
            if (share >= rung.MinShare && count >= rung.MinCount) return rung.Phrase;
        return ladder.Count > 0 ? ladder[^1].Phrase : "";
    }

    /// <summary>One page of a group's comments, optionally filtered by channel and stance.</summary>
    public async Task<(IReadOnlyList<Comment> Comments, int Total)> CommentsAsync(long groupId, string? channel, Stance? stance, int page, CancellationToken cancellationToken = default)
    {
        var query = from m in db.SynthesisMembers.AsNoTracking()
                    where m.GroupId == groupId
                    join c in db.Comments.AsNoTracking() on m.CommentId equals c.Id
                    select c;
        if (!string.IsNullOrEmpty(channel)) query = query.Where(c => c.Channel == channel);
        if (stance is { } s) query = query.Where(c => c.Stance == s);
        int total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var list = await query.OrderBy(c => c.Id).Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (list, total);
    }
}
