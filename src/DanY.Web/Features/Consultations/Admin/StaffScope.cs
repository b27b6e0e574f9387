using System.Security.Claims;
using DanY.Domain.Accounts;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Consultations.Admin;

/// <summary>What a staff member may see and change in consultations: everything owned by a unit in a subtree they hold a role at.</summary>
internal static class StaffScope
{
    /// <summary>Ids of units whose consultations the person may see (or edit with <paramref name="minimum"/> = Editor).</summary>
    public static async Task<HashSet<int>> UnitIdsAsync(IPermissionService permissions, DanYDbContext db, ClaimsPrincipal user, UnitRole minimum, CancellationToken ct)
    {
        var visible = await permissions.VisibleUnitsAsync(user, db.Units.AsNoTracking(), minimum, ct);
        var owners = await db.Consultations.AsNoTracking().Select(c => c.OwnerUnitId)
            .Concat(db.Congresses.AsNoTracking().Select(c => c.UnitId)).Distinct().ToListAsync(ct);
        var allowed = await visible.Where(u => owners.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        return [.. allowed];
    }
}
