using DanY.Infrastructure.Monitoring;
using DanY.Domain.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanY.Web.Features.Reporting;

/// <summary>Opens (creating if needed) the unit's draft for a period, then goes to the form.</summary>
public sealed class OpenModel(SituationMonitoring monitoring) : PageModel
{
    public IActionResult OnGet() => Redirect("/reporting");

    public async Task<IActionResult> OnPostAsync(int unitId, int periodId, CancellationToken ct)
    {
        try
        {
            var report = await monitoring.OpenReportAsync(User, unitId, periodId, ct);
            return Redirect($"/reporting/reports/{report.Id}");
        }
        catch (Exception e) when (e is MonitoringForbiddenException or MonitoringNotFoundException or MonitoringValidationException)
        {
            return StatusCode(ReportingDisplay.StatusOf(e));
        }
    }
}
