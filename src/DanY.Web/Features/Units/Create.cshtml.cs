using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Units;

public sealed class CreateModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    [BindProperty]
    public UnitForm Form { get; set; } = new();

    public string ParentCode { get; private set; } = "";
    public string ParentName { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var parent = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (parent is null) return NotFound();
        if (!await permissions.CanEditAsync(User, parent.Id, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        (ParentCode, ParentName) = (parent.Code, parent.Name);
        Form = new UnitForm
        {
            Code = parent.Code + ".",
            System = parent.System,
            Level = parent.Level switch { UnitLevel.Central => UnitLevel.Province, UnitLevel.Province => UnitLevel.Commune, _ => UnitLevel.Grassroots },
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var parent = await db.Units.SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (parent is null) return NotFound();
        if (!await permissions.CanEditAsync(User, parent.Id, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        (ParentCode, ParentName) = (parent.Code, parent.Name);
        if (!ModelState.IsValid) return Page();
        string newCode = Form.Code.Trim();
        if (await db.Units.AnyAsync(u => u.Code == newCode, cancellationToken))
        {
            ModelState.AddModelError("Form.Code", $"Mã \"{newCode}\" đã được dùng cho đơn vị khác.");
            return Page();
        }
        Unit unit;
        try
        {
            unit = new Unit(newCode, Form.Name, Form.Kind, Form.Level, Form.System, parent);
        }
        catch (UnitValidationException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Page();
        }
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã thêm đơn vị.";
        return Redirect($"/units/{Uri.EscapeDataString(unit.Code)}");
    }
}
