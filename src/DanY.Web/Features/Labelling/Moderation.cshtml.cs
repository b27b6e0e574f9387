using System.Globalization;
using DanY.Domain.Accounts;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Labelling;

/// <summary>
/// The portal's moderation queue: comments the "Sàng lọc" model flags as spam or abuse at or above a
/// confidence, for staff to set aside with a reason (kept, never deleted) or release; and the decisions taken.
/// </summary>
public sealed class ModerationModel(DanYDbContext db, IPermissionService permissions, LabellingService labelling, ModerationService moderation)
    : LabelSetPageModel(db, permissions)
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public int? Consultation { get; set; }

    /// <summary>Confidence threshold in percent.</summary>
    [BindProperty(SupportsGet = true)]
    public int Threshold { get; set; } = (int)(ModerationService.DefaultThreshold * 100);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    public bool History => string.Equals(View, "history", StringComparison.Ordinal);

    public IReadOnlyList<ConsultationChoice> Consultations { get; private set; } = [];
    public IReadOnlyList<ModerationRow> Rows { get; private set; } = [];
    public IReadOnlyList<ModerationHistoryRow> Decisions { get; private set; } = [];
    public IReadOnlyList<LabelSetRow> ModerationSets { get; private set; } = [];
    public LabelModel? CurrentModel { get; private set; }
    public LabellingJob? Job { get; private set; }
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            var first = (await VisibleModerationSetsAsync(cancellationToken)).FirstOrDefault();
            return first is null ? Page() : Redirect($"/labelling/moderation/{first.Id}");
        }
        if (await LoadAsync(id.Value, edit: false, cancellationToken) is { } denied) return denied;
        if (!Set.IsModeration) return NotFound();
        ModerationSets = await VisibleModerationSetsAsync(cancellationToken);
        Consultations = await labelling.ConsultationsForAsync(Set.UnitId, cancellationToken);
        if (Consultation is null || !Consultations.Any(c => c.Id == Consultation))
        {
            // The consultation the screening model was last applied to is the one staff are working on.
            int? applied = await Db.LabellingJobs.AsNoTracking().Where(j => j.LabelSetId == Set.Id).OrderByDescending(j => j.Id)
                .Select(j => (int?)j.ConsultationId).FirstOrDefaultAsync(cancellationToken);
            Consultation = Consultations.Any(c => c.Id == applied) ? applied : Consultations.FirstOrDefault()?.Id;
        }
        Threshold = Math.Clamp(Threshold, 1, 100);
        CurrentModel = await labelling.CurrentModelAsync(Set.Id, cancellationToken);
        if (Consultation is int c)
        {
            Job = await labelling.LatestJobAsync(Set.Id, c, cancellationToken);
            if (History) (Decisions, Total) = await moderation.HistoryAsync(Set, c, PageNumber, PageSize, cancellationToken);
            else (Rows, Total) = await moderation.QueueAsync(Set, c, Threshold / 100.0, PageNumber, PageSize, cancellationToken);
        }
        return Page();
    }

    public Task<IActionResult> OnPostSetAsideAsync(int id, [FromForm] long[] selected, [FromForm] string? reason, [FromForm] string? note,
        CancellationToken cancellationToken) =>
        DecideAsync(id, async c =>
        {
            int n = await moderation.SetAsideAsync(Set, c, selected ?? [], reason ?? "", note, UserId, cancellationToken);
            return string.Create(CultureInfo.InvariantCulture, $"Đã để riêng {n} ý kiến ({reason}). Các ý kiến vẫn được lưu, không đưa vào tổng hợp từ lần chạy tổng hợp tới.");
        }, cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(int id, [FromForm] long[] selected, [FromForm] string? note, CancellationToken cancellationToken) =>
        DecideAsync(id, async c =>
        {
            int n = await moderation.ReleaseAsync(Set, c, selected ?? [], note, UserId, cancellationToken);
            return string.Create(CultureInfo.InvariantCulture, $"Đã giữ lại {n} ý kiến: các ý kiến này được tính trong tổng hợp (từ lần chạy tổng hợp tới nếu đã bị để riêng).");
        }, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, Func<int, Task<string>> decide, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: true, cancellationToken) is { } denied) return denied;
        if (!Set.IsModeration) return NotFound();
        if (Consultation is not int c) return BadRequest();
        try
        {
            Message = await decide(c);
        }
        catch (LabellingException ex)
        {
            Error = ex.Message;
        }
        return Redirect(Link(PageNumber));
    }

    public string Link(int page, bool? history = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"/labelling/moderation/{Set.Id}?consultation={Consultation}&threshold={Threshold}&p={page}{((history ?? History) ? "&view=history" : "")}");

    private async Task<IReadOnlyList<LabelSetRow>> VisibleModerationSetsAsync(CancellationToken cancellationToken)
    {
        var grants = await Permissions.GrantsAsync(User, cancellationToken);
        var sets = await (from s in Db.LabelSets.AsNoTracking()
                          join u in Db.Units on s.UnitId equals u.Id
                          where s.IsModeration
                          select new { s.Id, s.Name, s.Labels, UnitName = u.Name, u.Path }).ToListAsync(cancellationToken);
        return sets.Where(s => IPermissionService.Covers(grants, s.Path, UnitRole.Viewer)).OrderBy(s => s.UnitName, StringComparer.Ordinal)
            .Select(s => new LabelSetRow(s.Id, s.Name, s.UnitName, s.Labels.Split('\n').Length, true)).ToList();
    }
}
