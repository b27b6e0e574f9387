using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Units;

public sealed record Crumb(string Code, string Name, bool Visible);

public sealed record LineRow(string Direction, string OtherCode, string OtherName, string? ViaName, string Purpose);

public sealed class DetailsModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<Crumb> Ancestors { get; private set; } = [];
    public IReadOnlyList<UnitRow> Children { get; private set; } = [];
    public IReadOnlyList<LineRow> Lines { get; private set; } = [];
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

        var lines = await db.ReportingLines.AsNoTracking()
            .Where(l => l.FromUnitId == unit.Id || l.ToUnitId == unit.Id)
            .Select(l => new { l.FromUnitId, From = l.FromUnit!.Name, FromCode = l.FromUnit.Code, To = l.ToUnit!.Name, ToCode = l.ToUnit.Code, Via = l.ViaUnit != null ? l.ViaUnit.Name : null, l.Purpose })
            .ToListAsync(cancellationToken);
        Lines = lines.Select(l => l.FromUnitId == unit.Id
            ? new LineRow("Báo cáo lên", l.ToCode, l.To, l.Via, l.Purpose)
            : new LineRow("Nhận báo cáo từ", l.FromCode, l.From, l.Via, l.Purpose)).ToList();
        return Page();
    }
}
