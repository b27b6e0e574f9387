using DanY.Domain.Accounts;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Reporting;

public sealed class IndexModel(SituationMonitoring monitoring, IPermissionService permissions) : PageModel
{
    public sealed record PeriodRow(ReportingPeriod Period, SituationReport? Report, Timeliness State);

    public sealed record ReporterBlock(int UnitId, string UnitName, ReportingObligation Obligation, IReadOnlyList<PeriodRow> Periods);

    public sealed record SupervisedBlock(ReportingObligation Obligation, bool CanReview, int AwaitingReview, PeriodRate? LastRate, string? LastLabel);

    public List<ReporterBlock> Mine { get; } = [];
    public List<SupervisedBlock> Supervised { get; } = [];
    public List<Reminder> Reminders { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var db = monitoring.Db;
        var today = monitoring.Today;
        var grants = await permissions.GrantsAsync(User, ct);
        var obligations = await db.ReportingObligations.Include(o => o.ReportersRoot).Include(o => o.Recipient).Include(o => o.Via)
            .Where(o => o.Active).OrderBy(o => o.Id).ToListAsync(ct);
        foreach (var o in obligations)
            await monitoring.EnsurePeriodsAsync(o, today.AddMonths(-6), today.AddMonths(1), ct);

        var editableUnitIds = grants.Where(g => g.Role >= UnitRole.Editor).Select(g => g.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => editableUnitIds.Contains(u.Id)).ToListAsync(ct);
        foreach (var unit in units.OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            foreach (var o in obligations.Where(o => SituationMonitoring.IsReporter(o, unit, o.ReportersRoot!.Path)))
            {
                var periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.ObligationId == o.Id && p.Due <= today.AddMonths(1))
                    .OrderByDescending(p => p.Due).Take(4).ToListAsync(ct);
                var ids = periods.Select(p => p.Id).ToList();
                var reports = await db.SituationReports.AsNoTracking().Where(r => r.UnitId == unit.Id && !r.IsCompiled && ids.Contains(r.PeriodId)).ToListAsync(ct);
                var rows = periods.Select(p =>
                {
                    var r = reports.FirstOrDefault(x => x.PeriodId == p.Id);
                    return new PeriodRow(p, r, TimelinessRules.Classify(r?.Status, r?.FirstSubmittedAt, p.Due, today));
                }).ToList();
                Mine.Add(new ReporterBlock(unit.Id, unit.Name, o, rows));
            }
            Reminders.AddRange(await db.Reminders.AsNoTracking().Include(r => r.Period).Where(r => r.UnitId == unit.Id)
                .OrderByDescending(r => r.CreatedAt).Take(5).ToListAsync(ct));
        }

        foreach (var o in obligations)
        {
            bool review = await monitoring.CanReviewAsync(User, o, ct);
            if (!review && !await permissions.CanViewAsync(User, o.ReportersRootUnitId, ct)) continue;
            int awaiting = await db.SituationReports.CountAsync(r => r.Period!.ObligationId == o.Id && !r.IsCompiled && r.Status == ReportStatus.Submitted, ct);
            var last = await db.ReportingPeriods.AsNoTracking().Where(p => p.ObligationId == o.Id && p.Due < today).OrderByDescending(p => p.Due).FirstOrDefaultAsync(ct);
            PeriodRate? rate = null;
            if (last is not null)
            {
                var matrix = await monitoring.MatrixAsync(User, o.Id, o.ReportersRootUnitId, last.Due, last.Due, ct);
                rate = matrix.Rates.FirstOrDefault();
            }
            Supervised.Add(new SupervisedBlock(o, review, awaiting, rate, last?.Label));
        }
        return Page();
    }
}
