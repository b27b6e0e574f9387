using System.Globalization;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Labelling;

/// <summary>Label sets, staff labels, trained models and suggestions: pages under /labelling.</summary>
public static class LabellingFeature
{
    public static IServiceCollection AddLabellingFeature(this IServiceCollection services) => services.AddLabelling();

    public static IEndpointRouteBuilder MapLabellingFeature(this IEndpointRouteBuilder endpoints) => endpoints;

    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Percent(double value) => (value * 100).ToString("0.0", Vietnamese) + " %";

    public static string When(DateTimeOffset at) =>
        Domain.VietnamTime.ToLocal(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string FilterLabel(CommentFilter filter) => filter switch
    {
        CommentFilter.Unlabelled => "Chưa gán nhãn",
        CommentFilter.Suggested => "Có gợi ý của mô hình (chưa gán)",
        CommentFilter.LowConfidence => "Gợi ý có độ tin cậy thấp",
        CommentFilter.Labelled => "Đã gán nhãn",
        CommentFilter.Flagged => "Bị đánh dấu cần xem xét (rác, xúc phạm)",
        _ => "Tất cả",
    };

    public static string SourceLabel(LabelSource? source) => source switch
    {
        LabelSource.Staff => "cán bộ gán",
        LabelSource.AcceptedSuggestion => "chấp nhận gợi ý",
        _ => "",
    };
}

/// <summary>Loads a label set with its unit and checks the person's role there (404 unknown, 403 not allowed).</summary>
public abstract class LabelSetPageModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    protected DanYDbContext Db { get; } = db;
    protected IPermissionService Permissions { get; } = permissions;

    public LabelSet Set { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public bool CanEdit { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    protected async Task<IActionResult?> LoadAsync(int id, bool edit, CancellationToken cancellationToken)
    {
        var set = await Db.LabelSets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null) return NotFound();
        if (!await Permissions.CanViewAsync(User, set.UnitId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        CanEdit = await Permissions.CanEditAsync(User, set.UnitId, cancellationToken);
        if (edit && !CanEdit) return StatusCode(StatusCodes.Status403Forbidden);
        Set = set;
        UnitName = await Db.Units.AsNoTracking().Where(u => u.Id == set.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        return null;
    }

    protected string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
}
