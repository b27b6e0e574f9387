using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Synthesis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Synthesis;

/// <summary>One opinion group: its counts, its comments (filtered, paged) and the staff's edits.</summary>
public sealed class GroupModel(DanYDbContext db, SynthesisReview review) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ConsultationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long GroupId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stance { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SynthesisGroup? Group { get; private set; }
    public GroupBreakdown? Breakdown { get; private set; }
    public IReadOnlyList<Comment> Comments { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public bool CanEdit { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<SynthesisGroup> SectionGroups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSummaryAsync([FromForm] string summary, CancellationToken cancellationToken) =>
        EditAsync(() => review.EditSummaryAsync(User, GroupId, summary, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDecideAsync([FromForm] GroupDecision decision, [FromForm] string? note, CancellationToken cancellationToken) =>
        EditAsync(() => review.DecideAsync(User, GroupId, decision, note, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostIsolatedAsync([FromForm] bool substantial, CancellationToken cancellationToken) =>
        EditAsync(() => review.MarkIsolatedAsync(User, GroupId, substantial, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSplitAsync([FromForm] long[] selected, [FromForm] string? summary, CancellationToken cancellationToken)
    {
        long created = 0;
        var result = await EditAsync(async () => created = await review.SplitAsync(User, GroupId, selected ?? [], summary ?? "", cancellationToken), cancellationToken);
        return created > 0 ? RedirectToPage(new { ConsultationId, GroupId = created }) : result;
    }

    public Task<IActionResult> OnPostMoveAsync([FromForm] long[] selected, [FromForm] long target, CancellationToken cancellationToken) =>
        EditAsync(async () =>
        {
            if (selected is not { Length: > 0 }) throw new ArgumentException("Chọn ý kiến cần chuyển / choose the comments to move.");
            foreach (long id in selected) await review.MoveCommentAsync(User, GroupId, id, target, cancellationToken);
        }, cancellationToken);

    private async Task<IActionResult> EditAsync(Func<Task> edit, CancellationToken cancellationToken)
    {
        try
        {
            await edit();
        }
        catch (SynthesisForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException)
        {
            if (!await LoadAsync(cancellationToken)) return NotFound();
            Message = ex.Message;
            return Page();
        }
        return RedirectToPage(new { ConsultationId, GroupId });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Group = await db.SynthesisGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == GroupId, cancellationToken);
        if (Group is null) return false;
        int consultationId = await db.SynthesisRuns.Where(r => r.Id == Group.RunId).Select(r => r.ConsultationId).SingleAsync(cancellationToken);
        if (consultationId != ConsultationId || !await review.CanViewAsync(User, ConsultationId, cancellationToken)) return false;
        CanEdit = await review.CanEditAsync(User, ConsultationId, cancellationToken);
        Breakdown = SynthesisStore.ReadBreakdown(Group.BreakdownJson);
        var (comments, total) = await review.CommentsAsync(GroupId, string.IsNullOrEmpty(Channel) ? null : Channel, Stances.Parse(Stance), Math.Max(1, PageNumber), cancellationToken);
        Comments = comments;
        Total = total;
        Pages = Math.Max(1, (total + SynthesisReview.PageSize - 1) / SynthesisReview.PageSize);
        SectionGroups = await db.SynthesisGroups.AsNoTracking()
            .Where(g => g.RunId == Group.RunId && g.DraftId == Group.DraftId && g.SectionRef == Group.SectionRef && g.MergedIntoId == null && g.Id != GroupId)
            .OrderByDescending(g => g.Comments).Take(50).ToListAsync(cancellationToken);
        return true;
    }
}
