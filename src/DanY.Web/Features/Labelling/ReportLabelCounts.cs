using DanY.Domain.Accounts;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Labelling;

public sealed record ReportSetCounts(LabelSet Set, string UnitName, int Items, IReadOnlyList<LabelCount> Counts, bool HasModel);

public sealed record ReportLabelCountsView(int ReportId, bool Compiled, IReadOnlyList<ReportSetCounts> Sets);

/// <summary>
/// Per-label counts of a situation report's items (a compiled report: the items of the reports it was
/// compiled from) for each label set of the report's unit and the units above it, with a link to label them.
/// </summary>
public sealed class ReportLabelCountsViewComponent(DanYDbContext db, IPermissionService permissions, ReportItemLabelling items) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int reportId)
    {
        var ct = HttpContext.RequestAborted;
        var report = await db.SituationReports.AsNoTracking().Include(r => r.Unit).SingleAsync(r => r.Id == reportId, ct);
        string path = report.Unit!.Path;
        var grants = await permissions.GrantsAsync(UserClaimsPrincipal, ct);
        var candidates = await (from s in db.LabelSets.AsNoTracking()
                                join u in db.Units on s.UnitId equals u.Id
                                where !s.IsModeration
                                select new { Set = s, UnitName = u.Name, u.Path }).ToListAsync(ct);
        var result = new List<ReportSetCounts>();
        foreach (var c in candidates.Where(c => path.StartsWith(c.Path, StringComparison.Ordinal) && IPermissionService.Covers(grants, c.Path, UnitRole.Viewer))
                     .OrderByDescending(c => c.Path.Length).ThenBy(c => c.Set.Name, StringComparer.Ordinal))
        {
            var rows = await items.RowsAsync(c.Set, report, ct);
            result.Add(new ReportSetCounts(c.Set, c.UnitName, rows.Count, ReportItemLabelling.Counts(c.Set, rows), rows.Any(r => r.Suggestion is not null)));
        }
        return View("/Features/Labelling/Components/ReportLabelCounts.cshtml", new ReportLabelCountsView(report.Id, report.IsCompiled, result));
    }
}
