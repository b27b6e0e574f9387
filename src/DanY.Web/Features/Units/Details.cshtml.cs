using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Units;

public sealed record Crumb(string Code, string Name, bool Visible);

public sealed class DetailsModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<Crumb> Ancestors { get; private set; } = [];
    public IReadOnlyList<UnitRow> Children { get; private set; } = [];
    public IReadOnlyList<LineEntry> Lines { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanManagePeople { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null) return NotFound();
        if (!await permissions.CanViewAsync(User, unit.Id, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        Unit = unit;
        CanEdit = await permissions.CanEditAsync(User, unit.Id, cancellationToken);
        CanManagePeople = await permissions.HasRoleAsync(User, unit.Id, Domain.Accounts.UnitRole.Administrator, cancellationToken);

        var grants = await permissions.GrantsAsync(User, cancellationToken);
        var ancestorIds = UnitsFeature.AncestorIds(unit);
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).Select(u => new { u.Code, u.Name, u.Path }).ToListAsync(cancellationToken);
        Ancestors = ancestors.OrderBy(a => a.Path.Length)
            .Select(a => new Crumb(a.Code, a.Name, IPermissionService.Covers(grants, a.Path, Domain.Accounts.UnitRole.Viewer))).ToList();

        Children = await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.Code)
            .Select(u => new UnitRow(u.Code, u.Name, u.Kind, u.Level, u.System, null)).ToListAsync(cancellationToken);

        Lines = await LinesModel.ReadAsync(db, unit.Id, canEdit: false, cancellationToken);
        return Page();
    }
}
