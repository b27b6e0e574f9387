using DanY.Domain.Accounts;
using DanY.Domain.Units;
using DanY.Engine.Text;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Units;

public sealed record UnitRow(string Code, string Name, UnitKind Kind, UnitLevel Level, UnitSystem System, string? ParentName);

public sealed class IndexModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public const int MaxResults = 200;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<(UnitRow Unit, UnitRole Role)> MyUnits { get; private set; } = [];
    public IReadOnlyList<UnitRow> Results { get; private set; } = [];
    public bool Truncated { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var grants = await permissions.GrantsAsync(User, cancellationToken);
        var ids = grants.Select(g => g.UnitId).ToList();
        var mine = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Row = new UnitRow(u.Code, u.Name, u.Kind, u.Level, u.System, u.Parent != null ? u.Parent.Name : null) })
            .ToListAsync(cancellationToken);
        MyUnits = grants.Join(mine, g => g.UnitId, m => m.Id, (g, m) => (m.Row, g.Role)).OrderBy(x => x.Row.Code, StringComparer.Ordinal).ToList();

        if (!string.IsNullOrWhiteSpace(Q))
        {
            string folded = VietnameseText.Fold(VietnameseText.Normalize(Q.Trim()));
            var query = await permissions.VisibleUnitsAsync(User, db.Units.Where(u => u.NameFolded.Contains(folded) || u.Code == Q.Trim()), cancellationToken: cancellationToken);
            var found = await query.AsNoTracking().OrderBy(u => u.Path.Length).ThenBy(u => u.Name).Take(MaxResults + 1)
                .Select(u => new UnitRow(u.Code, u.Name, u.Kind, u.Level, u.System, u.Parent != null ? u.Parent.Name : null))
                .ToListAsync(cancellationToken);
            Truncated = found.Count > MaxResults;
            Results = found.Take(MaxResults).ToList();
        }
    }
}
