using DanY.Infrastructure.Dashboards;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Dashboards;

/// <summary>The dashboard of a consultation for a unit's subtree: charts, their tables, the child units, exports.</summary>
[Authorize]
public sealed class ConsultationModel(DashboardQueries queries, DashboardAccess access, DanYDbContext db, IEnumerable<IChildSubmissionStatusSource> submissionSources) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ConsultationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    /// <summary>Sort of the child-unit table: "count" (default), "name" or "code".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>"asc" or "desc"; the default is descending for counts and ascending for names and codes.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    public ConsultationDashboard Dashboard { get; private set; } = null!;

    /// <summary>From the consultation's target unit down to the unit, for the breadcrumb; only units the person may open are links.</summary>
    public IReadOnlyList<(int Id, string Name, bool CanOpen)> Trail { get; private set; } = [];

    public IReadOnlyList<ChildUnitCount> Units { get; private set; } = [];

    /// <summary>Null while no roll-up source is registered (see <see cref="IChildSubmissionStatusSource"/>).</summary>
    public IReadOnlyList<ChildSubmissionStatus>? Submissions { get; private set; }

    public string SortKey => Sort is "name" or "code" ? Sort : "count";

    public bool Descending => Dir switch
    {
        "asc" => false,
        "desc" => true,
        _ => SortKey == "count",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await LoadAsync(cancellationToken);
        if (result is not null) return result;
        Units = DashboardTables.SortUnits(Dashboard.ByChildUnit, SortKey, Descending);
        var source = submissionSources.FirstOrDefault();
        if (source is not null) Submissions = await source.ChildrenAsync(ConsultationId, Dashboard.UnitId, cancellationToken);
        Trail = await TrailAsync(cancellationToken);
        return Page();
    }

    /// <summary>One table of the dashboard as CSV or XLSX (the same figures as on the page).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(cancellationToken);
        if (result is not null) return result;
        var t = DashboardTables.All(Dashboard, SortKey, Descending).FirstOrDefault(x => string.Equals(x.Key, table, StringComparison.Ordinal));
        if (t is null) return BadRequest("Không có bảng này / no such table.");
        string name = $"dot-{ConsultationId}-don-vi-{Dashboard.UnitCode}-{t.Key}";
        return format switch
        {
            "xlsx" => File(DashboardTables.Xlsx(t), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            "csv" or null => File(DashboardTables.Csv(t), "text/csv; charset=utf-8", name + ".csv"),
            _ => BadRequest("Định dạng phải là csv hoặc xlsx / format must be csv or xlsx."),
        };
    }

    public string SortLink(string key)
    {
        bool desc = SortKey == key ? !Descending : key == "count";
        return Url.Page("Consultation", new { ConsultationId, Unit = Dashboard.UnitId, sort = key, dir = desc ? "desc" : "asc" }) + "#units";
    }

    public string? AriaSort(string key) => SortKey == key ? (Descending ? "descending" : "ascending") : null;

    public string ExportLink(string table, string format) =>
        Url.Page("Consultation", "Export", new { ConsultationId, Unit = Dashboard.UnitId, table, format, sort = SortKey, dir = Descending ? "desc" : "asc" })!;

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == ConsultationId, cancellationToken)) return NotFound();
        int? unit = Unit ?? await access.DefaultUnitAsync(User, ConsultationId, cancellationToken);
        if (unit is not int unitId || !await access.CanViewAsync(User, ConsultationId, unitId, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        Dashboard = await queries.BuildAsync(ConsultationId, unitId, cancellationToken);
        return null;
    }

    private async Task<IReadOnlyList<(int Id, string Name, bool CanOpen)>> TrailAsync(CancellationToken cancellationToken)
    {
        string target = await db.Consultations.Where(c => c.Id == ConsultationId).Join(db.Units, c => c.TargetUnitId, u => u.Id, (c, u) => u.Path).SingleAsync(cancellationToken);
        string path = await db.Units.Where(u => u.Id == Dashboard.UnitId).Select(u => u.Path).SingleAsync(cancellationToken);
        var ids = path[target.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Prepend(int.Parse(target.TrimEnd('/')[(target.TrimEnd('/').LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var trail = new List<(int, string, bool)>();
        foreach (int id in ids.Where(names.ContainsKey))
            trail.Add((id, names[id], id != Dashboard.UnitId && await access.CanViewAsync(User, ConsultationId, id, cancellationToken)));
        return trail;
    }
}
