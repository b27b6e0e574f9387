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

    /// <summary>Keyset paging: show entries older than this one.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? OlderFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsSystemAdministratorAsync(User, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity)) query = query.Where(a => a.EntityType == Entity.Trim());
        if (!string.IsNullOrWhiteSpace(Id)) query = query.Where(a => a.EntityId == Id.Trim());
        if (Before is long before) query = query.Where(a => a.Id < before);
        var page = await query.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        Entries = page.Take(PageSize).ToList();
        OlderFrom = page.Count > PageSize ? Entries[^1].Id : null;
        return Page();
    }
}
