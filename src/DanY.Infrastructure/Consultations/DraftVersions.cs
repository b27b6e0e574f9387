using System.Text.Json;
using DanY.Documents.Drafts;
using DanY.Domain.Consultations;
using DanY.Engine.Text;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using DomainSection = DanY.Domain.Consultations.DraftSection;
using OutlineSection = DanY.Documents.Drafts.DraftSection;

namespace DanY.Infrastructure.Consultations;

/// <summary>What a new version changed, for the staff page.</summary>
public sealed record VersionChanges(int VersionId, int Number, IReadOnlyList<SectionMatch> Matches, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, int CommentsMoved, int CommentsOrphaned);

/// <summary>
/// Stores imported outlines as draft versions. A new version becomes current and the comments on the
/// previous one follow their text to the matching section (DanY.Documents' version matcher); comments
/// on a removed section stay on the old version.
/// </summary>
public static class DraftVersions
{
    public static DraftVersion Build(int draftId, int number, string fileName, DraftOutline outline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var version = new DraftVersion(draftId, number, fileName, outline.Title, now)
        {
            Preamble = string.Join("\n\n", outline.Preamble.Select(p => p.Text)),
        };
        int order = 0;
        foreach (var s in outline.Flatten())
        {
            version.Sections.Add(new DomainSection(s.Ref, s.Anchor, s.Label, s.Title,
                string.Join("\n\n", s.Paragraphs.Select(p => p.Text)), order++, s.Depth, s.ParentRef));
        }
        return version;
    }

    /// <summary>Imports a new version of a draft, makes it current and moves the comments; returns what changed.</summary>
    public static async Task<VersionChanges> ImportAsync(DanYDbContext db, Draft draft, string fileName, DraftOutline outline, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        if (!outline.Flatten().Any())
            throw new ConsultationRuleException("Không tìm thấy đề mục nào trong dự thảo / no headings were found in the draft.");
        int? previousId = draft.CurrentVersionId;
        int number = 1 + (await db.DraftVersions.Where(v => v.DraftId == draft.Id).MaxAsync(v => (int?)v.Number, cancellationToken).ConfigureAwait(false) ?? 0);

        bool own = db.Database.CurrentTransaction is null;
        var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        try
        {
            var version = Build(draft.Id, number, fileName, outline, now);
            db.DraftVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            draft.UseVersion(version.Id);

            DraftDiff diff = new([], outline.Flatten().Select(s => s.Ref).ToList(), []);
            int moved = 0, orphaned = 0;
            if (previousId is int oldId)
            {
                var old = await db.DraftSections.AsNoTracking().Where(s => s.DraftVersionId == oldId).OrderBy(s => s.Order).ToListAsync(cancellationToken).ConfigureAwait(false);
                diff = DraftVersionMatcher.Match(ToOutline(old), outline, fold: VietnameseText.Fold);
                foreach (var m in diff.Matches)
                {
                    moved += await db.Comments.Where(c => c.DraftId == draft.Id && c.DraftVersionId == oldId && c.SectionRef == m.OldRef)
                        .ExecuteUpdateAsync(u => u.SetProperty(c => c.DraftVersionId, version.Id).SetProperty(c => c.SectionRef, m.NewRef), cancellationToken)
                        .ConfigureAwait(false);
                }
                moved += await db.Comments.Where(c => c.DraftId == draft.Id && c.DraftVersionId == oldId && c.SectionRef == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.DraftVersionId, version.Id), cancellationToken).ConfigureAwait(false);
                orphaned = await db.Comments.CountAsync(c => c.DraftId == draft.Id && c.DraftVersionId == oldId, cancellationToken).ConfigureAwait(false);
            }
            version.ChangesJson = JsonSerializer.Serialize(new { diff.Matches, diff.Added, diff.Removed, moved, orphaned });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new VersionChanges(version.Id, number, diff.Matches, diff.Added, diff.Removed, moved, orphaned);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Rebuilds the outline tree of a stored version (for matching against a new one).</summary>
    public static DraftOutline ToOutline(IReadOnlyList<DomainSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var children = sections.ToLookup(s => s.ParentRef ?? "", StringComparer.Ordinal);
        OutlineSection Make(DomainSection s) => new(s.Ref, s.Anchor, s.Label, s.Title, s.Depth, s.ParentRef,
            s.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select((t, i) => new DraftParagraph(
                FormattableString.Invariant($"{s.Ref}#p{i + 1}"), FormattableString.Invariant($"{s.Anchor}-p{i + 1}"), t)).ToList(),
            children[s.Ref].OrderBy(c => c.Order).Select(Make).ToList());
        return new DraftOutline("", [], children[""].OrderBy(s => s.Order).Select(Make).ToList(), []);
    }
}
