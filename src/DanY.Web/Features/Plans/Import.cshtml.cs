using System.Text;
using DanY.Documents.Plans;
using DanY.Domain.Accounts;
using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Plans;

public sealed class ImportModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public List<Unit> Units { get; private set; } = [];

    /// <summary>Units whose subtree may supply reporters: every unit the person holds a role at.</summary>
    public List<Unit> Roots { get; private set; } = [];
    public List<IssuedPlan> ExistingPlans { get; private set; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>Set once a file was read: the page then shows the confirmation form.</summary>
    public bool Extracted { get; private set; }

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReadAsync(IFormFile? file, string? text, int unitId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!await permissions.CanEditAsync(User, unitId, ct)) return Forbid();
        byte[] bytes;
        if (file is { Length: > 0 })
        {
            if (file.Length > PlanReader.MaxBytes)
            {
                Errors.Add("Tệp quá lớn (tối đa 20 MB) / File too large (at most 20 MB).");
                return Page();
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            bytes = Encoding.UTF8.GetBytes(text);
        }
        else
        {
            Errors.Add("Chọn tệp DOCX/văn bản hoặc dán nội dung kế hoạch / Choose a DOCX or text file, or paste the plan.");
            return Page();
        }
        try
        {
            var plan = PlanReader.Read(bytes);
            Form = PlanForm.From(plan, unitId);
            // The parent is the plan it implements, when that plan is already in DanY.
            if (plan.Parent?.Number is { } parentNumber)
                Form.ParentPlanId = ExistingPlans.FirstOrDefault(p => string.Equals(p.Number, parentNumber, StringComparison.Ordinal))?.Id;
            Extracted = true;
        }
        catch (PlanReadException e)
        {
            Errors.Add(e.Message);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!await permissions.CanEditAsync(User, Form.UnitId, ct)) return Forbid();
        if (Form.ReportersRootId is int root && !await permissions.CanViewAsync(User, root, ct)) return Forbid();
        var (plan, errors, tracked) = await PlanImport.SaveAsync(db, Form, ct);
        if (plan is null)
        {
            Errors.AddRange(errors);
            Extracted = true;
            return Page();
        }
        return Redirect($"/plans/{plan.Id}?tracked={tracked}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var grants = await permissions.GrantsAsync(User, ct);
        var ids = grants.Where(g => g.Role >= UnitRole.Editor).Select(g => g.UnitId).ToList();
        Units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Name).ToListAsync(ct);
        var all = grants.Select(g => g.UnitId).ToList();
        Roots = await db.Units.AsNoTracking().Where(u => all.Contains(u.Id)).OrderBy(u => u.Path.Length).ThenBy(u => u.Name).ToListAsync(ct);
        var visible = await permissions.VisibleUnitsAsync(User, db.Units, UnitRole.Viewer, ct);
        var visibleIds = visible.Select(u => u.Id);
        ExistingPlans = await db.IssuedPlans.AsNoTracking().Where(p => visibleIds.Contains(p.UnitId)).OrderByDescending(p => p.Id).Take(200).ToListAsync(ct);
    }
}
