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

    /// <summary>Per entry, its changed fields with ids resolved to unit names and account e-mails.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<AuditFieldChange>> Changes { get; private set; } = new Dictionary<long, IReadOnlyList<AuditFieldChange>>();

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
        await DescribeAsync(cancellationToken);
        return Page();
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var raw = Entries.ToDictionary(e => e.Id, AuditChanges.Of);
        var values = raw.Values.SelectMany(c => c).SelectMany(c => new[] { (c.Field, c.Before), (c.Field, c.After) }).Where(v => v.Item2 is not null).ToList();
        var unitIds = values.Where(v => AuditChanges.IsUnitReference(v.Field))
            .Select(v => int.TryParse(v.Item2, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        var userIds = values.Where(v => AuditChanges.IsUserReference(v.Field)).Select(v => v.Item2!).Distinct(StringComparer.Ordinal).ToList();
        var units = unitIds.Count == 0 ? [] : await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.Code }).ToDictionaryAsync(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u => $"{u.Name} ({u.Code})", cancellationToken);
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, cancellationToken);

        string? Show(string field, string? value)
        {
            if (value is null) return null;
            if (AuditChanges.IsUnitReference(field)) return units.GetValueOrDefault(value, "#" + value);
            if (AuditChanges.IsUserReference(field)) return users.GetValueOrDefault(value, value);
            return AuditChanges.Translate(field, value);
        }

        Changes = raw.ToDictionary(kv => kv.Key,
            kv => (IReadOnlyList<AuditFieldChange>)kv.Value.Select(c => c with { Before = Show(c.Field, c.Before), After = Show(c.Field, c.After) }).ToList());
    }
}
