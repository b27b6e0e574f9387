using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Consultations.Admin;

/// <summary>
/// Comments on sections that a newer version of the draft removed. Importing a version moves each
/// comment to the matching section; a comment whose section has no match stays on its old version
/// (nothing is lost), and this page lists them by the version that removed the section.
/// </summary>
public sealed class RemovedSectionsModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public const int CommentsPerSection = 200;

    public sealed record CommentRow(string Receipt, Stance Stance, string Text, string Channel, DateTimeOffset SubmittedAt);

    /// <summary>A section of version <paramref name="Version"/> removed in version <paramref name="RemovedIn"/>, with its comments.</summary>
    public sealed record RemovedSection(int Version, int RemovedIn, string? Ref, string Heading, int Count, IReadOnlyList<CommentRow> Comments);

    public Draft? Draft { get; private set; }
    public int? CurrentVersion { get; private set; }
    public IReadOnlyList<RemovedSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (Draft is null) return NotFound();
        int unit = await db.Congresses.AsNoTracking().Where(c => c.Id == Draft.CongressId).Select(c => c.UnitId).SingleAsync(ct);
        if (!await permissions.CanViewAsync(User, unit, ct)) return NotFound();

        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == id).Select(v => new { v.Id, v.Number })
            .ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        CurrentVersion = Draft.CurrentVersionId is int current && versions.TryGetValue(current, out int n) ? n : null;
        var groups = await db.Comments.AsNoTracking()
            .Where(c => c.DraftId == id && c.DraftVersionId != null && c.DraftVersionId != Draft.CurrentVersionId)
            .GroupBy(c => new { c.DraftVersionId, c.SectionRef })
            .Select(g => new { g.Key.DraftVersionId, g.Key.SectionRef, Count = g.Count() })
            .ToListAsync(ct);
        var versionIds = groups.Select(g => g.DraftVersionId!.Value).Distinct().ToList();
        var headings = await db.DraftSections.AsNoTracking().Where(s => versionIds.Contains(s.DraftVersionId))
            .Select(s => new { s.DraftVersionId, s.Ref, s.Label, s.Title }).ToListAsync(ct);
        var sections = new List<RemovedSection>();
        foreach (var g in groups.OrderBy(g => versions.GetValueOrDefault(g.DraftVersionId!.Value)).ThenBy(g => g.SectionRef, StringComparer.Ordinal))
        {
            int versionId = g.DraftVersionId!.Value;
            int number = versions.GetValueOrDefault(versionId);
            var h = headings.FirstOrDefault(x => x.DraftVersionId == versionId && x.Ref == g.SectionRef);
            string heading = h is null ? (g.SectionRef ?? "Toàn văn") : $"{h.Label} {h.Title}".Trim();
            string? sectionRef = g.SectionRef;
            var comments = await db.Comments.AsNoTracking()
                .Where(c => c.DraftId == id && c.DraftVersionId == versionId && c.SectionRef == sectionRef)
                .OrderBy(c => c.Id).Take(CommentsPerSection)
                .Select(c => new CommentRow(c.Receipt, c.Stance, c.Text, c.Channel, c.SubmittedAt)).ToListAsync(ct);
            // Only comments on the version just before an import move, so a comment left on version N lost its section in N + 1.
            sections.Add(new RemovedSection(number, number + 1, g.SectionRef, heading, g.Count, comments));
        }
        Sections = sections;
        return Page();
    }
}
