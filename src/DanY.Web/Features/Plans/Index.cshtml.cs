using DanY.Domain.Monitoring;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Plans;

public sealed class IndexModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public List<IssuedPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = (await permissions.VisibleUnitsAsync(User, db.Units, cancellationToken: ct)).Select(u => u.Id);
        Plans = await db.IssuedPlans.AsNoTracking().Include(p => p.ParentPlan).Where(p => visible.Contains(p.UnitId))
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).Take(500).ToListAsync(ct);
    }
}
