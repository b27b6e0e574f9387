using DanY.Domain.Monitoring;
using DanY.Infrastructure.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Reporting;

public sealed class MatrixModel(SituationMonitoring monitoring) : PageModel
{
    public ReportingMatrix Matrix { get; private set; } = null!;
    public ReportingObligation Obligation { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Months { get; set; } = 6;

    /// <summary>Only units with a late, missing or returned report in the shown periods.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Problems { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Reminded { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Emails { get; set; }

    public IReadOnlyList<MatrixUnit> Shown { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int obligationId, CancellationToken ct)
    {
        Months = Math.Clamp(Months, 1, 24);
        var obligation = await monitoring.Db.ReportingObligations.AsNoTracking().Include(o => o.ReportersRoot)
            .SingleOrDefaultAsync(o => o.Id == obligationId, ct);
        if (obligation is null) return NotFound();
        Obligation = obligation;
        var today = monitoring.Today;
        await monitoring.EnsurePeriodsAsync(obligation, today.AddMonths(-Months), today.AddMonths(1), ct);
        try
        {
            Matrix = await monitoring.MatrixAsync(User, obligationId, Unit ?? obligation.ReportersRootUnitId, today.AddMonths(-Months), today.AddMonths(1), ct);
        }
        catch (MonitoringForbiddenException)
        {
            return Forbid();
        }
        catch (MonitoringNotFoundException)
        {
            return NotFound();
        }
        Shown = Problems
            ? Matrix.Units.Where(u => Matrix.Periods.Any(p => Matrix.Cell(u.Id, p.Id).State is Timeliness.Late or Timeliness.Missing or Timeliness.Returned)).ToList()
            : Matrix.Units;
        return Page();
    }
}
