using System.ComponentModel.DataAnnotations;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Units;

public sealed record LineEntry(int Id, string Direction, string OtherCode, string OtherName, string? ViaName, string Purpose, bool Removable);

/// <summary>
/// Reporting lines of one unit. The receiving unit decides whom it gathers reports from, so adding or removing a
/// line needs edit rights on the receiving unit (which the roll-up of syntheses and situation reports follows).
/// </summary>
public sealed class LinesModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<LineEntry> Lines { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [BindProperty]
    public LineForm Form { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(string code, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(code, cancellationToken);
        if (denied is not null) return denied;
        if (!CanEdit) return StatusCode(StatusCodes.Status403Forbidden);
        if (!ModelState.IsValid) return Page();

        var from = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == Form.FromCode.Trim(), cancellationToken);
        if (from is null) ModelState.AddModelError("Form.FromCode", $"Không có đơn vị mã “{Form.FromCode.Trim()}”. / No unit with this code.");
        Unit? via = null;
        if (!string.IsNullOrWhiteSpace(Form.ViaCode))
        {
            via = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == Form.ViaCode.Trim(), cancellationToken);
            if (via is null) ModelState.AddModelError("Form.ViaCode", $"Không có đơn vị mã “{Form.ViaCode.Trim()}”. / No unit with this code.");
        }
        if (!ModelState.IsValid) return Page();
        if (await db.ReportingLines.AnyAsync(l => l.FromUnitId == from!.Id && l.ToUnitId == Unit.Id, cancellationToken))
        {
            ModelState.AddModelError("Form.FromCode", "Đơn vị này đã báo cáo lên đơn vị hiện tại. / This line already exists.");
            return Page();
        }
        try
        {
            db.ReportingLines.Add(new ReportingLine(from!.Id, Unit.Id, via?.Id, Form.Purpose ?? ""));
        }
        catch (UnitValidationException e)
        {
            ModelState.AddModelError("Form.FromCode", e.Message);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        Message = $"Đã thêm: {from.Name} báo cáo lên {Unit.Name}.";
        return RedirectToPage(new { code });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string code, int lineId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(code, cancellationToken);
        if (denied is not null) return denied;
        if (!CanEdit) return StatusCode(StatusCodes.Status403Forbidden);
        var line = await db.ReportingLines.SingleOrDefaultAsync(l => l.Id == lineId && l.ToUnitId == Unit.Id, cancellationToken);
        if (line is null) return NotFound();
        db.ReportingLines.Remove(line);
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã bỏ quan hệ báo cáo.";
        return RedirectToPage(new { code });
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null) return NotFound();
        if (!await permissions.CanViewAsync(User, unit.Id, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        Unit = unit;
        CanEdit = await permissions.CanEditAsync(User, unit.Id, cancellationToken);
        Lines = await ReadAsync(db, unit.Id, CanEdit, cancellationToken);
        return null;
    }

    /// <summary>The lines a unit reports along and receives, in a stable order; only received ones can be removed (by its editors).</summary>
    internal static async Task<IReadOnlyList<LineEntry>> ReadAsync(DanYDbContext db, int unitId, bool canEdit, CancellationToken cancellationToken)
    {
        var rows = await db.ReportingLines.AsNoTracking()
            .Where(l => l.FromUnitId == unitId || l.ToUnitId == unitId)
            .Select(l => new { l.Id, l.FromUnitId, From = l.FromUnit!.Name, FromCode = l.FromUnit.Code, To = l.ToUnit!.Name, ToCode = l.ToUnit.Code, Via = l.ViaUnit != null ? l.ViaUnit.Name : null, l.Purpose })
            .ToListAsync(cancellationToken);
        return rows
            .Select(l => l.FromUnitId == unitId
                ? new LineEntry(l.Id, "Báo cáo lên", l.ToCode, l.To, l.Via, l.Purpose, false)
                : new LineEntry(l.Id, "Nhận báo cáo từ", l.FromCode, l.From, l.Via, l.Purpose, canEdit))
            .OrderBy(l => l.Direction, StringComparer.Ordinal).ThenBy(l => l.OtherCode, StringComparer.Ordinal)
            .ToList();
    }

    public sealed class LineForm
    {
        [Required(ErrorMessage = "Vui lòng nhập mã đơn vị báo cáo. / The reporting unit's code is required.")]
        [StringLength(64)]
        [Display(Name = "Mã đơn vị báo cáo lên đơn vị này")]
        public string FromCode { get; set; } = "";

        [StringLength(64)]
        [Display(Name = "Qua đơn vị (mã, nếu có)")]
        public string? ViaCode { get; set; }

        [StringLength(ReportingLine.PurposeMaxLength, ErrorMessage = "Nội dung tối đa 256 ký tự. / At most 256 characters.")]
        [Display(Name = "Nội dung báo cáo")]
        public string? Purpose { get; set; }
    }
}
