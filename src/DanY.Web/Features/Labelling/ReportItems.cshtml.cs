using System.Globalization;
using DanY.Domain.Labelling;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using DanY.Infrastructure.Monitoring;
using Microsoft.AspNetCore.Mvc;

namespace DanY.Web.Features.Labelling;

/// <summary>Labelling the concerns (sentences) of a situation report, or of the reports a compiled report was made from.</summary>
public sealed class ReportItemsModel(DanYDbContext db, IPermissionService permissions, SituationMonitoring monitoring, ReportItemLabelling items)
    : LabelSetPageModel(db, permissions)
{
    [BindProperty(SupportsGet = true)]
    public CommentFilter Filter { get; set; } = CommentFilter.All;

    [BindProperty(SupportsGet = true, Name = "label")]
    public string? LabelFilter { get; set; }

    public const int PageSize = 40;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Matching { get; private set; }

    public int PageCount => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    [BindProperty]
    public Dictionary<string, string?> Labels { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public int Threshold { get; set; } = 90;

    public SituationReport Report { get; private set; } = null!;
    public IReadOnlyList<ReportItemRow> AllRows { get; private set; } = [];
    public IReadOnlyList<ReportItemRow> Rows { get; private set; } = [];
    public IReadOnlyList<LabelCount> Counts { get; private set; } = [];
    public bool HasModel { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int reportId, CancellationToken cancellationToken)
    {
        if (await LoadReportAsync(id, reportId, edit: false, cancellationToken) is { } denied) return denied;
        AllRows = await items.RowsAsync(Set, Report, cancellationToken);
        HasModel = AllRows.Any(r => r.Suggestion is not null);
        Counts = ReportItemLabelling.Counts(Set, AllRows);
        string? label = LabelFilter is { Length: > 0 } l && Set.HasLabel(l) ? l : null;
        var matching = AllRows.Where(r => Filter switch
        {
            CommentFilter.Unlabelled => r.Label is null && (label is null || r.Suggestion == label),
            CommentFilter.Suggested => r.Label is null && r.Suggestion is not null && (label is null || r.Suggestion == label),
            CommentFilter.LowConfidence => r.Label is null && r.Confidence < LabellingService.DefaultLowConfidence && (label is null || r.Suggestion == label),
            CommentFilter.Labelled => r.Label is not null && (label is null || r.Label == label),
            _ => label is null || r.Label == label || (r.Label is null && r.Suggestion == label),
        }).ToList();
        Matching = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int reportId, CancellationToken cancellationToken)
    {
        if (await LoadReportAsync(id, reportId, edit: true, cancellationToken) is { } denied) return denied;
        try
        {
            int changed = await items.SetLabelsAsync(Set, Report, Labels, UserId, cancellationToken);
            Message = string.Create(CultureInfo.InvariantCulture, $"Đã lưu {changed} thay đổi nhãn.");
        }
        catch (LabellingException ex)
        {
            Error = ex.Message;
        }
        return Redirect(Link());
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, int reportId, CancellationToken cancellationToken)
    {
        if (await LoadReportAsync(id, reportId, edit: true, cancellationToken) is { } denied) return denied;
        try
        {
            if (Threshold is < 1 or > 100) throw new LabellingException("Ngưỡng tin cậy phải từ 1 đến 100 % / the threshold must be 1 to 100 %.");
            int accepted = await items.AcceptAboveAsync(Set, Report, Threshold / 100.0, UserId, cancellationToken);
            Message = string.Create(CultureInfo.InvariantCulture, $"Đã chấp nhận {accepted} gợi ý có độ tin cậy từ {Threshold} %.");
        }
        catch (LabellingException ex)
        {
            Error = ex.Message;
        }
        return Redirect(Link());
    }

    public string Link(CommentFilter? filter = null, string? label = null, int? page = null)
    {
        string? l = label ?? LabelFilter;
        return $"/labelling/{Set.Id}/reports/{Report.Id}?filter={filter ?? Filter}" + (string.IsNullOrEmpty(l) ? "" : "&label=" + Uri.EscapeDataString(l))
            + (page ?? PageNumber) switch { 1 => "", int n => "&p=" + n.ToString(CultureInfo.InvariantCulture) };
    }

    private async Task<IActionResult?> LoadReportAsync(int id, int reportId, bool edit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit, cancellationToken) is { } denied) return denied;
        if (Set.IsModeration) return NotFound();
        try
        {
            Report = await monitoring.LoadAsync(User, reportId, cancellationToken);
        }
        catch (MonitoringNotFoundException)
        {
            return NotFound();
        }
        catch (MonitoringForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        return null;
    }
}
