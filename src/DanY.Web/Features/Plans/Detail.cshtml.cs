using DanY.Domain.Monitoring;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Plans;

public sealed class DetailModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public IssuedPlan Plan { get; private set; } = null!;
    public List<IssuedPlan> Children { get; private set; } = [];
    public List<ReportingObligation> Obligations { get; private set; } = [];
    public int? Tracked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? tracked, CancellationToken ct)
    {
        var plan = await db.IssuedPlans.AsNoTracking().Include(p => p.Tasks).Include(p => p.ParentPlan).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        if (!await permissions.CanViewAsync(User, plan.UnitId, ct)) return Forbid();
        Plan = plan;
        Tracked = tracked;
        Children = await db.IssuedPlans.AsNoTracking().Where(p => p.ParentPlanId == id).ToListAsync(ct);
        Obligations = await db.ReportingObligations.AsNoTracking().Include(o => o.ReportersRoot).Where(o => o.PlanId == id).ToListAsync(ct);
        return Page();
    }
}
