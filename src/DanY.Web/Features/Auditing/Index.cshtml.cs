using DanY.Domain.Auditing;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Auditing;

public sealed class IndexModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsSystemAdministratorAsync(User, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity)) query = query.Where(a => a.EntityType == Entity.Trim());
        if (!string.IsNullOrWhiteSpace(Id)) query = query.Where(a => a.EntityId == Id.Trim());
        Entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }
}
