using DanY.Domain.Accounts;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Labelling;

/// <summary>What the workspace labelling panel shows for one synthesis group.</summary>
public sealed class WorkspaceLabellingView
{
    public const int PageSize = 20;

    public int ConsultationId { get; init; }
    public long GroupId { get; init; }
    public IReadOnlyList<LabelSetRow> Sets { get; init; } = [];
    public LabelSet? Set { get; init; }
    public bool CanEdit { get; init; }
    public CommentFilter Filter { get; init; }
    public string? Label { get; init; }
    public int PageNumber { get; init; }
    public int Total { get; init; }
    public int Below { get; init; } = (int)(LabellingService.DefaultLowConfidence * 100);
    public IReadOnlyList<LabelledCommentRow> Rows { get; init; } = [];
    public IReadOnlyList<LabelCount> Counts { get; init; } = [];
    public LabelModel? Model { get; init; }
    public LabellingJob? Job { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }

    /// <summary>The page's own query (channel, stance, page…) to carry through the panel's forms and links.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Carried { get; init; } = [];
    public string Path { get; init; } = "";

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static readonly string[] OwnKeys = ["ls", "lf", "ll", "lp"];

    /// <summary>The group page's address with the panel's state (and <paramref name="page"/>), anchored at the panel.</summary>
    public string Link(int? page = null, CommentFilter? filter = null, string? label = null, bool keepLabel = true)
    {
        var query = new List<KeyValuePair<string, string?>>(Carried.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
        if (Set is not null) query.Add(new("ls", Set.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        query.Add(new("lf", (filter ?? Filter).ToString()));
        string? l = keepLabel ? label ?? Label : label;
        if (!string.IsNullOrEmpty(l)) query.Add(new("ll", l));
        query.Add(new("lp", (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent() is var qs ? Path + qs + "#labelling" : Path;
    }
}

/// <summary>
/// Labelling inside the synthesis workspace: for a group's comments, the model's suggestion and confidence
/// in a chosen label set, a label select per comment (keyboard: Tab between comments, the label's number
/// picks it), filters by label and suggestion, and bulk accept. Forms post to /labelling/workspace, which
/// sends the staff back here; everything works without JavaScript.
/// </summary>
public sealed class WorkspaceLabellingViewComponent(DanYDbContext db, IPermissionService permissions, LabellingService labelling) : ViewComponent
{
    public const string MessageKey = "labelling-message";
    public const string ErrorKey = "labelling-error";

    public async Task<IViewComponentResult> InvokeAsync(int consultationId, long groupId)
    {
        var ct = HttpContext.RequestAborted;
        var query = Request.Query;
        var sets = await SetsForAsync(consultationId, ct);
        int? chosen = int.TryParse(query["ls"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int ls) ? ls : null;
        var row = sets.FirstOrDefault(s => s.Id == chosen) ?? sets.FirstOrDefault(s => !s.IsModeration) ?? sets.FirstOrDefault();
        var carried = query.Where(kv => !WorkspaceLabellingView.OwnKeys.Contains(kv.Key, StringComparer.Ordinal))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))).ToList();
        string? message = TempData[MessageKey] as string;
        string? error = TempData[ErrorKey] as string;
        if (row is null)
        {
            return View("/Features/Labelling/Components/WorkspaceLabelling.cshtml", new WorkspaceLabellingView
            {
                ConsultationId = consultationId, GroupId = groupId, Carried = carried, Path = Request.Path, Message = message, Error = error,
            });
        }
        var set = await db.LabelSets.AsNoTracking().SingleAsync(s => s.Id == row.Id, ct);
        var filter = Enum.TryParse<CommentFilter>(query["lf"], ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : CommentFilter.All;
        string? label = query["ll"].ToString() is { Length: > 0 } l && set.HasLabel(l) ? l : null;
        int page = int.TryParse(query["lp"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int p) ? Math.Max(1, p) : 1;
        var (rows, total) = await labelling.PageAsync(set, consultationId, filter, LabellingService.DefaultLowConfidence, page, WorkspaceLabellingView.PageSize, ct,
            groupId, label);
        return View("/Features/Labelling/Components/WorkspaceLabelling.cshtml", new WorkspaceLabellingView
        {
            ConsultationId = consultationId,
            GroupId = groupId,
            Sets = sets,
            Set = set,
            CanEdit = await permissions.CanEditAsync(UserClaimsPrincipal, set.UnitId, ct),
            Filter = filter,
            Label = label,
            PageNumber = page,
            Total = total,
            Rows = rows,
            Counts = await labelling.CountsAsync(set, consultationId, ct, groupId),
            Model = await labelling.CurrentModelAsync(set.Id, ct),
            Job = await labelling.LatestJobAsync(set.Id, consultationId, ct),
            Carried = carried,
            Path = Request.Path,
            Message = message,
            Error = error,
        });
    }

    /// <summary>The label sets the person may see whose unit works on this consultation.</summary>
    private async Task<IReadOnlyList<LabelSetRow>> SetsForAsync(int consultationId, CancellationToken ct)
    {
        var grants = await permissions.GrantsAsync(UserClaimsPrincipal, ct);
        var all = await (from s in db.LabelSets.AsNoTracking()
                         join u in db.Units on s.UnitId equals u.Id
                         select new { s.Id, s.Name, s.Labels, s.IsModeration, s.UnitId, UnitName = u.Name, u.Path }).ToListAsync(ct);
        var rows = new List<LabelSetRow>();
        foreach (var s in all.Where(s => IPermissionService.Covers(grants, s.Path, UnitRole.Viewer))
                     .OrderBy(s => s.IsModeration).ThenBy(s => s.UnitName, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var consultations = await labelling.ConsultationsForAsync(s.UnitId, ct);
            if (consultations.Any(c => c.Id == consultationId))
                rows.Add(new LabelSetRow(s.Id, s.Name, s.UnitName, s.Labels.Split('\n').Length, s.IsModeration));
        }
        return rows;
    }
}
