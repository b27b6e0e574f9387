using DanY.Domain.Accounts;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Labelling;

public sealed record LabelSetRow(int Id, string Name, string UnitName, int LabelCount, bool IsModeration);

public sealed record UnitChoice(int Id, string Name);

public sealed class IndexModel(DanYDbContext db, IPermissionService permissions, LabellingService labelling) : PageModel
{
    public IReadOnlyList<LabelSetRow> Sets { get; private set; } = [];
    public IReadOnlyList<UnitChoice> EditableUnits { get; private set; } = [];

    [BindProperty]
    public int UnitId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Labels { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.CanEditAsync(User, UnitId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        try
        {
            var set = await labelling.CreateSetAsync(UnitId, Name ?? "", (Labels ?? "").Split('\n'), cancellationToken);
            Message = $"Đã tạo bộ nhãn “{set.Name}”.";
            return Redirect($"/labelling/{set.Id}");
        }
        catch (LabellingException ex)
        {
            Error = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostModerationAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.CanEditAsync(User, UnitId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        var set = await labelling.EnsureModerationSetAsync(UnitId, cancellationToken);
        return Redirect($"/labelling/{set.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var grants = await permissions.GrantsAsync(User, cancellationToken);
        var all = await (from s in db.LabelSets.AsNoTracking()
                         join u in db.Units on s.UnitId equals u.Id
                         select new { s.Id, s.Name, s.Labels, s.IsModeration, UnitName = u.Name, u.Path }).ToListAsync(cancellationToken);
        Sets = all.Where(s => IPermissionService.Covers(grants, s.Path, UnitRole.Viewer))
            .OrderBy(s => s.UnitName, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new LabelSetRow(s.Id, s.Name, s.UnitName, s.Labels.Split('\n').Length, s.IsModeration)).ToList();
        var editable = grants.Where(g => g.Role >= UnitRole.Editor).Select(g => g.UnitId).ToList();
        EditableUnits = await db.Units.AsNoTracking().Where(u => editable.Contains(u.Id)).OrderBy(u => u.Name)
            .Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(cancellationToken);
    }
}
