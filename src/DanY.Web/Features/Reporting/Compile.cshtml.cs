using DanY.Domain.Monitoring;
using DanY.Infrastructure.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Reporting;

public sealed class CompileModel(SituationMonitoring monitoring, ReportCompiler compiler) : PageModel
{
    public ReportingObligation Obligation { get; private set; } = null!;
    public List<ReportingPeriod> Periods { get; private set; } = [];
    public ReportingPeriod? Selected { get; private set; }
    public PeriodRate? Rate { get; private set; }
    public List<ChildCounts> Children { get; private set; } = [];
    public SituationReport? Compiled { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int obligationId, int? period, CancellationToken ct) => await LoadAsync(obligationId, period, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int obligationId, int period, CancellationToken ct)
    {
        var result = await LoadAsync(obligationId, period, ct);
        if (result is not null) return result;
        try
        {
            var report = await compiler.CompileAsync(User, period, ct);
            return Redirect($"/reporting/reports/{report.Id}?done=compiled");
        }
        catch (MonitoringValidationException e)
        {
            Error = e.Message;
            return Page();
        }
        catch (MonitoringForbiddenException)
        {
            return Forbid();
        }
    }

    private async Task<IActionResult?> LoadAsync(int obligationId, int? period, CancellationToken ct)
    {
        var obligation = await monitoring.Db.ReportingObligations.AsNoTracking().Include(o => o.ReportersRoot).Include(o => o.Via).Include(o => o.Recipient)
            .SingleOrDefaultAsync(o => o.Id == obligationId, ct);
        if (obligation is null) return NotFound();
        if (!await monitoring.CanReviewAsync(User, obligation, ct)) return Forbid();
        Obligation = obligation;
        var today = monitoring.Today;
        Periods = await monitoring.Db.ReportingPeriods.AsNoTracking().Where(p => p.ObligationId == obligationId && p.Due <= today.AddMonths(1))
            .OrderByDescending(p => p.Due).Take(24).ToListAsync(ct);
        Selected = Periods.FirstOrDefault(p => p.Id == period) ?? Periods.FirstOrDefault(p => p.Due < today) ?? Periods.FirstOrDefault();
        if (Selected is null) return null;
        var matrix = await monitoring.MatrixAsync(User, obligationId, obligation.ReportersRootUnitId, Selected.Due, Selected.Due, ct);
        Rate = matrix.Rates.FirstOrDefault();
        Children = await compiler.BreakdownAsync(Selected.Id, ct);
        int compilerUnit = obligation.ViaUnitId ?? obligation.RecipientUnitId;
        Compiled = await monitoring.Db.SituationReports.AsNoTracking().SingleOrDefaultAsync(r => r.PeriodId == Selected.Id && r.UnitId == compilerUnit && r.IsCompiled, ct);
        return null;
    }
}
