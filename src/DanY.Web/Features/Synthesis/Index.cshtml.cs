using DanY.Documents.Reports;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Jobs;
using DanY.Infrastructure.Synthesis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Synthesis;

/// <summary>The review workspace of a consultation: job progress, drafts in heading order, groups with counts, merge.</summary>
public sealed class IndexModel(DanYDbContext db, SynthesisReview review, SynthesisJobQueue queue, SynthesisReportBuilder reports, SynthesisStore store) : PageModel
{
    public const int GroupsPerSection = 10;
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int ConsultationId { get; set; }

    /// <summary>"draftId:ref" of the section shown in full (paged).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Consultation? Consultation { get; private set; }
    public SynthesisJob? Job { get; private set; }
    public SynthesisRun? Run { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>Comments received since the latest run, not yet in it: they can be folded in.</summary>
    public int PendingComments { get; private set; }

    /// <summary>Moderation decisions (set aside, released) taken after the latest run: only a full run applies them.</summary>
    public int ModeratedSinceRun { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<DraftView> Drafts { get; private set; } = [];

    public sealed record SectionView(int DraftId, string Ref, string Heading, int Order, int GroupCount, int Comments, IReadOnlyList<SynthesisGroup> Groups, int Page, int Pages);

    public sealed record DraftView(int Id, string Title, IReadOnlyList<SectionView> Sections);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFoundOrForbidden();
        return Page();
    }

    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        if (!await review.CanViewAsync(User, ConsultationId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        var job = await queue.LatestAsync(ConsultationId, cancellationToken);
        return new JsonResult(job is null ? new { status = "none", stage = "", progress = 0.0 } : new { status = job.Status.ToString().ToLowerInvariant(), stage = job.Stage, progress = job.Progress });
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        if (!await review.CanEditAsync(User, ConsultationId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        await queue.EnqueueAsync(ConsultationId, User.Identity?.Name ?? "staff", full: true, cancellationToken);
        return RedirectToPage(new { ConsultationId });
    }

    /// <summary>Folds the comments received since the latest run into it, keeping every staff edit.</summary>
    public async Task<IActionResult> OnPostFoldAsync(CancellationToken cancellationToken)
    {
        if (!await review.CanEditAsync(User, ConsultationId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        await queue.EnqueueAsync(ConsultationId, User.Identity?.Name ?? "staff", full: false, cancellationToken);
        return RedirectToPage(new { ConsultationId });
    }

    public async Task<IActionResult> OnPostMergeAsync([FromForm] long[] selected, CancellationToken cancellationToken)
    {
        if (!await review.CanEditAsync(User, ConsultationId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        if (selected is not { Length: >= 2 })
        {
            await LoadAsync(cancellationToken);
            Message = "Chọn ít nhất hai nhóm để gộp / choose at least two groups to merge.";
            return Page();
        }
        // The largest group keeps its wording; the others are merged into it.
        var sizes = await db.SynthesisGroups.AsNoTracking().Where(g => selected.Contains(g.Id)).OrderByDescending(g => g.Comments).ThenBy(g => g.Id)
            .Select(g => g.Id).ToListAsync(cancellationToken);
        try
        {
            await review.MergeAsync(User, sizes[0], sizes.Skip(1).ToList(), cancellationToken);
        }
        catch (ArgumentException ex)
        {
            await LoadAsync(cancellationToken);
            Message = ex.Message;
            return Page();
        }
        return RedirectToPage("Group", new { ConsultationId, GroupId = sizes[0] });
    }

    public async Task<IActionResult> OnGetReportAsync(string? unit, CancellationToken cancellationToken)
    {
        if (!await review.CanViewAsync(User, ConsultationId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        var consultation = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == ConsultationId, cancellationToken);
        string code = unit ?? await db.Units.Where(u => u.Id == consultation.OwnerUnitId).Select(u => u.Code).SingleAsync(cancellationToken);
        try
        {
            var report = await reports.BuildAsync(ConsultationId, code, cancellationToken);
            return File(DocxReportWriter.ToBytes(report.Document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                $"bao-cao-tong-hop-{ConsultationId}.docx");
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            return BadRequest(ex.Message);
        }
    }

    public async Task<IActionResult> OnGetAppendixAsync(CancellationToken cancellationToken)
    {
        if (!await review.CanViewAsync(User, ConsultationId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        var stream = new MemoryStream();
        await reports.WriteAppendixAsync(ConsultationId, stream, cancellationToken);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"phu-luc-y-kien-{ConsultationId}.xlsx");
    }

    private IActionResult NotFoundOrForbidden() => Consultation is null ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Consultation = await db.Consultations.AsNoTracking().Include(c => c.Drafts).SingleOrDefaultAsync(c => c.Id == ConsultationId, cancellationToken);
        if (Consultation is null || !await review.CanViewAsync(User, ConsultationId, cancellationToken)) return false;
        CanEdit = await review.CanEditAsync(User, ConsultationId, cancellationToken);
        Job = await queue.LatestAsync(ConsultationId, cancellationToken);
        Run = await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == ConsultationId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (Run is null) return true;
        PendingComments = await store.PendingCommentsAsync(ConsultationId, cancellationToken);
        // Few rows per consultation; compared in memory because SQLite cannot compare DateTimeOffset in SQL.
        var runAt = Run.FoldedAt is { } folded && folded > Run.CreatedAt ? folded : Run.CreatedAt;
        ModeratedSinceRun = (await db.ModerationDecisions.AsNoTracking().Where(d => d.ConsultationId == ConsultationId)
            .Select(d => d.DecidedAt).ToListAsync(cancellationToken)).Count(at => at > runAt);
        long runId = Run.Id;
        // Section summaries come from one grouped query; only the groups shown are loaded.
        var sections = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == runId && g.MergedIntoId == null)
            .GroupBy(g => new { g.DraftId, g.SectionRef, g.SectionOrder })
            .Select(g => new { g.Key.DraftId, g.Key.SectionRef, g.Key.SectionOrder, Count = g.Count(), Comments = g.Sum(x => x.Comments) })
            .ToListAsync(cancellationToken);
        var titles = new Dictionary<(int, string), string>();
        var draftIds = Consultation.Drafts.OrderBy(d => d.Order).Select(d => d.DraftId).ToList();
        var drafts = await db.Drafts.AsNoTracking().Where(d => draftIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        foreach (var d in drafts.Values.Where(d => d.CurrentVersionId is not null))
        {
            foreach (var s in await db.DraftSections.AsNoTracking().Where(s => s.DraftVersionId == d.CurrentVersionId).Select(s => new { s.Ref, s.Label, s.Title }).ToListAsync(cancellationToken))
                titles[(d.Id, s.Ref)] = s.Label.Length == 0 ? s.Title : s.Label + " " + s.Title;
        }
        var views = new List<DraftView>();
        foreach (int draftId in draftIds)
        {
            var list = new List<SectionView>();
            foreach (var s in sections.Where(s => s.DraftId == draftId).OrderBy(s => s.SectionOrder).ThenBy(s => s.SectionRef, StringComparer.Ordinal))
            {
                string key = draftId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + s.SectionRef;
                bool full = string.Equals(Section, key, StringComparison.Ordinal);
                int pages = Math.Max(1, (s.Count + PageSize - 1) / PageSize);
                int page = full ? Math.Clamp(PageNumber, 1, pages) : 1;
                var query = db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == runId && g.MergedIntoId == null && g.DraftId == draftId && g.SectionRef == s.SectionRef)
                    .OrderByDescending(g => g.Comments).ThenBy(g => g.Id);
                var groups = full ? await query.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken) : await query.Take(GroupsPerSection).ToListAsync(cancellationToken);
                string heading = s.SectionRef.Length == 0 ? "Ý kiến chung về toàn bộ dự thảo" : titles.GetValueOrDefault((draftId, s.SectionRef)) ?? s.SectionRef;
                list.Add(new SectionView(draftId, s.SectionRef, heading, s.SectionOrder, s.Count, s.Comments, groups, page, pages));
            }
            views.Add(new DraftView(draftId, drafts.TryGetValue(draftId, out var dr) ? dr.Title : "", list));
        }
        Drafts = views;
        return true;
    }
}
