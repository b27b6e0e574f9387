using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Units;

public sealed class EditModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    [BindProperty]
    public UnitForm Form { get; set; } = new();

    public string UnitName { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null) return NotFound();
        if (!await permissions.CanEditAsync(User, unit.Id, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        UnitName = unit.Name;
        Form = new UnitForm { Code = unit.Code, Name = unit.Name, Kind = unit.Kind, Level = unit.Level, System = unit.System };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null) return NotFound();
        if (!await permissions.CanEditAsync(User, unit.Id, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        UnitName = unit.Name;
        Form.Code = unit.Code;
        ModelState.Remove("Form.Code");
        if (!ModelState.IsValid) return Page();
        try
        {
            unit.Rename(Form.Name);
        }
        catch (UnitValidationException e)
        {
            ModelState.AddModelError("Form.Name", e.Message);
            return Page();
        }
        unit.Classify(Form.Kind, Form.Level, Form.System);
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã lưu thay đổi.";
        return Redirect($"/units/{Uri.EscapeDataString(unit.Code)}");
    }
}
