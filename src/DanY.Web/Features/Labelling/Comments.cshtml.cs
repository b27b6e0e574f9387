using DanY.Domain.Labelling;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using Microsoft.AspNetCore.Mvc;

namespace DanY.Web.Features.Labelling;

/// <summary>The labelling view: a page of comments with a label select each, the model's suggestion beside it.</summary>
public sealed class CommentsModel(DanYDbContext db, IPermissionService permissions, LabellingService labelling)
    : LabelSetPageModel(db, permissions)
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int? Consultation { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommentFilter Filter { get; set; } = CommentFilter.All;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>"Low confidence" means below this share (percent in the query string).</summary>
    [BindProperty(SupportsGet = true)]
    public int Below { get; set; } = (int)(LabellingService.DefaultLowConfidence * 100);

    [BindProperty]
    public Dictionary<long, string?> Labels { get; set; } = [];

    public IReadOnlyList<ConsultationChoice> Consultations { get; private set; } = [];
    public IReadOnlyList<LabelledCommentRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: false, cancellationToken) is { } denied) return denied;
        Consultations = await labelling.ConsultationsForAsync(Set.UnitId, cancellationToken);
        if (Consultation is null || !Consultations.Any(c => c.Id == Consultation)) Consultation = Consultations.FirstOrDefault()?.Id;
        if (Consultation is int c)
        {
            Below = Math.Clamp(Below, 1, 100);
            (Rows, Total) = await labelling.PageAsync(Set, c, Filter, Below / 100.0, PageNumber, PageSize, cancellationToken);
            if (PageNumber > PageCount) PageNumber = PageCount;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: true, cancellationToken) is { } denied) return denied;
        if (Consultation is not int c) return BadRequest();
        try
        {
            int changed = await labelling.SetLabelsAsync(Set, c, Labels, UserId, cancellationToken);
            Message = $"Đã lưu {changed} thay đổi nhãn.";
        }
        catch (LabellingException ex)
        {
            Error = ex.Message;
        }
        return Redirect(Link(PageNumber));
    }

    public string Link(int page, CommentFilter? filter = null) =>
        $"/labelling/{Set.Id}/comments?consultation={Consultation}&filter={filter ?? Filter}&below={Below}&p={page}";
}
