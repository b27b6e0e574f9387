using DanY.Domain.Accounts;
using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Reporting;

/// <summary>Front and union cadres elected to Party committees per congress level: entered by units, summed up the tree.</summary>
public sealed class CadresModel(DanYDbContext db, IPermissionService permissions, TimeProvider clock) : PageModel
{
    public sealed record RollUp(CongressLevel Level, string Term, int Units, int Members, int Front, int Union);

    public List<Unit> EditableUnits { get; private set; } = [];
    public List<Unit> Roots { get; private set; } = [];
    public Unit? Root { get; private set; }
    public List<RollUp> Totals { get; private set; } = [];
    public List<CadreStatistic> Rows { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? RootId { get; set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        if (saved) Message = "Đã lưu số liệu.";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int unitId, CongressLevel level, string? term, string? members, string? front, string? union, CancellationToken ct)
    {
        if (!await permissions.CanEditAsync(User, unitId, ct)) return Forbid();
        try
        {
            int Parse(string? s, string label) => int.TryParse((s ?? "").Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v)
                ? v : throw new MonitoringValidationException($"\"{label}\" phải là số nguyên không âm / must be a whole number.");
            int m = Parse(members, "Số cấp ủy viên"), f = Parse(front, "Cán bộ Mặt trận"), u = Parse(union, "Cán bộ đoàn thể");
            string t = (term ?? "").Trim();
            var stat = await db.CadreStatistics.SingleOrDefaultAsync(c => c.UnitId == unitId && c.Level == level && c.Term == t, ct);
            if (stat is null)
            {
                stat = new CadreStatistic(unitId, level, t);
                db.CadreStatistics.Add(stat);
            }
            stat.Set(m, f, u, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return Redirect($"/reporting/cadres?saved=true{(RootId is int r ? "&rootId=" + r : "")}");
        }
        catch (MonitoringValidationException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var grants = await permissions.GrantsAsync(User, ct);
        var editIds = grants.Where(g => g.Role >= UnitRole.Editor).Select(g => g.UnitId).ToList();
        EditableUnits = await db.Units.AsNoTracking().Where(u => editIds.Contains(u.Id)).OrderBy(u => u.Name).ToListAsync(ct);
        var allIds = grants.Select(g => g.UnitId).ToList();
        Roots = await db.Units.AsNoTracking().Where(u => allIds.Contains(u.Id)).OrderBy(u => u.Path.Length).ThenBy(u => u.Name).ToListAsync(ct);
        Root = Roots.FirstOrDefault(u => u.Id == RootId) ?? Roots.FirstOrDefault();
        if (Root is null) return;
        string path = Root.Path;
        // One grouped query over the subtree.
        Totals = (await db.CadreStatistics.AsNoTracking().Where(c => c.Unit!.Path.StartsWith(path))
                .GroupBy(c => new { c.Level, c.Term })
                .Select(g => new { g.Key.Level, g.Key.Term, Units = g.Count(), Members = g.Sum(c => c.CommitteeMembers), Front = g.Sum(c => c.FrontCadres), Union = g.Sum(c => c.UnionCadres) })
                .ToListAsync(ct))
            .Select(x => new RollUp(x.Level, x.Term, x.Units, x.Members, x.Front, x.Union)).OrderBy(x => x.Term, StringComparer.Ordinal).ThenBy(x => x.Level).ToList();
        Rows = await db.CadreStatistics.AsNoTracking().Include(c => c.Unit).Where(c => c.Unit!.Path.StartsWith(path))
            .OrderBy(c => c.Level).ThenBy(c => c.Unit!.Name).Take(500).ToListAsync(ct);
    }
}
