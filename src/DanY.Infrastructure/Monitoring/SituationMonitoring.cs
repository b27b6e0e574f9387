using System.Security.Claims;
using System.Security.Cryptography;
using DanY.Domain;
using DanY.Domain.Accounts;
using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Auditing;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Monitoring;

/// <summary>The person may not do this here; the web layer answers 403.</summary>
public sealed class MonitoringForbiddenException() : Exception("Không có quyền / Forbidden.");

/// <summary>The report, period or obligation does not exist; the web layer answers 404.</summary>
public sealed class MonitoringNotFoundException() : Exception("Không tìm thấy / Not found.");

/// <summary>
/// Reporting obligations, periods and situation reports, with the permission rules: a unit's editors fill
/// in and send its reports; reviewers at the recipient or via unit return or accept them.
/// </summary>
public sealed class SituationMonitoring(DanYDbContext db, IPermissionService permissions, ICurrentActor actor, DatabaseSettings settings, TimeProvider clock)
{
    public DanYDbContext Db => db;

    public DateOnly Today => VietnamTime.Today(clock);

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Stores the periods whose due day lies in the range, if not yet stored; returns them in order.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> EnsurePeriodsAsync(ReportingObligation obligation, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        var specs = obligation.PeriodsDueBetween(from, to);
        var existing = await db.ReportingPeriods.Where(p => p.ObligationId == obligation.Id && p.Due >= from && p.Due <= to)
            .ToListAsync(ct).ConfigureAwait(false);
        var keys = existing.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        bool added = false;
        foreach (var spec in specs)
        {
            if (keys.Contains(spec.Key)) continue;
            var period = new ReportingPeriod(obligation, spec);
            db.ReportingPeriods.Add(period);
            existing.Add(period);
            added = true;
        }
        if (added) await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return existing.OrderBy(p => p.Due).ToList();
    }

    /// <summary>True when <paramref name="unit"/> is one of the obligation's reporters.</summary>
    public static bool IsReporter(ReportingObligation obligation, Unit unit, string reportersRootPath)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Path.StartsWith(reportersRootPath, StringComparison.Ordinal)
            && (obligation.ReporterLevel is null || obligation.ReporterLevel == unit.Level)
            && (obligation.ReporterKind is null || obligation.ReporterKind == unit.Kind);
    }

    /// <summary>The active obligations the unit reports under.</summary>
    public async Task<List<ReportingObligation>> ObligationsOfReporterAsync(int unitId, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct).ConfigureAwait(false) ?? throw new MonitoringNotFoundException();
        var candidates = await db.ReportingObligations.Include(o => o.ReportersRoot).Include(o => o.Recipient).Include(o => o.Via)
            .Where(o => o.Active).ToListAsync(ct).ConfigureAwait(false);
        return candidates.Where(o => IsReporter(o, unit, o.ReportersRoot!.Path)).ToList();
    }

    public async Task<bool> CanReviewAsync(ClaimsPrincipal user, ReportingObligation obligation, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        if (await permissions.HasRoleAsync(user, obligation.RecipientUnitId, UnitRole.Reviewer, ct).ConfigureAwait(false)) return true;
        return obligation.ViaUnitId is int via && await permissions.HasRoleAsync(user, via, UnitRole.Reviewer, ct).ConfigureAwait(false);
    }

    /// <summary>The unit's report for the period (not compiled), created as an empty draft when absent.</summary>
    public async Task<SituationReport> OpenReportAsync(ClaimsPrincipal user, int unitId, int periodId, CancellationToken ct = default)
    {
        var period = await db.ReportingPeriods.Include(p => p.Obligation).ThenInclude(o => o!.ReportersRoot)
            .SingleOrDefaultAsync(p => p.Id == periodId, ct).ConfigureAwait(false) ?? throw new MonitoringNotFoundException();
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct).ConfigureAwait(false) ?? throw new MonitoringNotFoundException();
        var report = await db.SituationReports.Include(r => r.Period).ThenInclude(p => p!.Obligation)
            .SingleOrDefaultAsync(r => r.UnitId == unitId && r.PeriodId == periodId && !r.IsCompiled, ct).ConfigureAwait(false);
        if (report is not null)
        {
            if (!await permissions.CanViewAsync(user, unitId, ct).ConfigureAwait(false) && !await CanReviewAsync(user, period.Obligation!, ct).ConfigureAwait(false))
                throw new MonitoringForbiddenException();
            return report;
        }
        if (!await permissions.CanEditAsync(user, unitId, ct).ConfigureAwait(false)) throw new MonitoringForbiddenException();
        if (!IsReporter(period.Obligation!, unit, period.Obligation!.ReportersRoot!.Path))
            throw new MonitoringValidationException("Đơn vị này không thuộc diện báo cáo theo nghĩa vụ này / This unit does not report under this obligation.");
        report = new SituationReport(unitId, period);
        report.Edit(new SituationContent(), SituationCounts.Zero, UtcNow);
        db.SituationReports.Add(report);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return report;
    }

    public async Task<SituationReport> LoadAsync(ClaimsPrincipal user, int reportId, CancellationToken ct = default)
    {
        var report = await db.SituationReports.Include(r => r.Unit).Include(r => r.Period).ThenInclude(p => p!.Obligation)
            .SingleOrDefaultAsync(r => r.Id == reportId, ct).ConfigureAwait(false) ?? throw new MonitoringNotFoundException();
        if (!await permissions.CanViewAsync(user, report.UnitId, ct).ConfigureAwait(false)
            && !await CanReviewAsync(user, report.Period!.Obligation!, ct).ConfigureAwait(false))
            throw new MonitoringForbiddenException();
        return report;
    }

    public async Task SaveAsync(ClaimsPrincipal user, SituationReport report, SituationContent content, SituationCounts counts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!await permissions.CanEditAsync(user, report.UnitId, ct).ConfigureAwait(false)) throw new MonitoringForbiddenException();
        report.Edit(content, counts, UtcNow);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public async Task SubmitAsync(ClaimsPrincipal user, SituationReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!await permissions.CanEditAsync(user, report.UnitId, ct).ConfigureAwait(false)) throw new MonitoringForbiddenException();
        report.Submit(UtcNow);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public async Task ReturnAsync(ClaimsPrincipal user, SituationReport report, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!await CanReviewAsync(user, report.Period!.Obligation!, ct).ConfigureAwait(false)) throw new MonitoringForbiddenException();
        report.Return(reason, actor.Name, UtcNow);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public async Task AcceptAsync(ClaimsPrincipal user, SituationReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!await CanReviewAsync(user, report.Period!.Obligation!, ct).ConfigureAwait(false)) throw new MonitoringForbiddenException();
        report.Accept(actor.Name, UtcNow);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The same unit's report for the obligation's previous period, for the "kỳ trước" column.</summary>
    public async Task<SituationReport?> PreviousAsync(SituationReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var period = report.Period ?? await db.ReportingPeriods.SingleAsync(p => p.Id == report.PeriodId, ct).ConfigureAwait(false);
        return await db.SituationReports.AsNoTracking()
            .Where(r => r.UnitId == report.UnitId && r.IsCompiled == report.IsCompiled && r.Period!.ObligationId == period.ObligationId && r.Period.Due < period.Due)
            .OrderByDescending(r => r.Period!.Due)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    public async Task<ReportAttachment> AttachAsync(ClaimsPrincipal user, SituationReport report, string fileName, string contentType, byte[] bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(bytes);
        if (!await permissions.CanEditAsync(user, report.UnitId, ct).ConfigureAwait(false)) throw new MonitoringForbiddenException();
        if (!report.IsEditable) throw new MonitoringValidationException("Báo cáo đã gửi, không thể đính kèm thêm / The report was submitted.");
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var attachment = new ReportAttachment(report.Id, fileName, contentType, bytes.LongLength, sha, sha + ".bin");
        string folder = Path.Combine(settings.DataPath, "attachments");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, attachment.StoredName);
        if (!File.Exists(path)) await File.WriteAllBytesAsync(path, bytes, ct).ConfigureAwait(false);
        db.ReportAttachments.Add(attachment);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return attachment;
    }

    public string AttachmentPath(ReportAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return Path.Combine(settings.DataPath, "attachments", attachment.StoredName);
    }

    /// <summary>
    /// The completeness and timeliness matrix of an obligation for the reporters below <paramref name="rootUnitId"/>,
    /// for the periods due in the range. The units × periods grid with each unit's report is read in one query.
    /// </summary>
    public async Task<ReportingMatrix> MatrixAsync(ClaimsPrincipal user, int obligationId, int rootUnitId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var obligation = await db.ReportingObligations.AsNoTracking().Include(o => o.ReportersRoot)
            .SingleOrDefaultAsync(o => o.Id == obligationId, ct).ConfigureAwait(false) ?? throw new MonitoringNotFoundException();
        var root = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == rootUnitId, ct).ConfigureAwait(false) ?? throw new MonitoringNotFoundException();
        if (!await permissions.CanViewAsync(user, rootUnitId, ct).ConfigureAwait(false) && !await CanReviewAsync(user, obligation, ct).ConfigureAwait(false))
            throw new MonitoringForbiddenException();
        // The narrower of the two subtrees: the reporters' root and the asked root.
        string reportersPath = obligation.ReportersRoot!.Path;
        string path = root.Path.StartsWith(reportersPath, StringComparison.Ordinal) ? root.Path : reportersPath;
        if (!path.StartsWith(root.Path, StringComparison.Ordinal)) path = root.Path;
        return await ComputeMatrixAsync(obligation, root, path, from, to, ct).ConfigureAwait(false);
    }

    /// <summary>The matrix without a permission check: for the CLI, whose operator already holds the database.</summary>
    public async Task<ReportingMatrix> MatrixForOperatorAsync(int obligationId, string? rootUnitCode, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var obligation = await db.ReportingObligations.AsNoTracking().Include(o => o.ReportersRoot)
            .SingleOrDefaultAsync(o => o.Id == obligationId, ct).ConfigureAwait(false) ?? throw new MonitoringNotFoundException();
        var root = rootUnitCode is null ? obligation.ReportersRoot!
            : await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == rootUnitCode, ct).ConfigureAwait(false) ?? throw new MonitoringNotFoundException();
        await EnsurePeriodsAsync(obligation, from, to, ct).ConfigureAwait(false);
        return await ComputeMatrixAsync(obligation, root, root.Path, from, to, ct).ConfigureAwait(false);
    }

    internal async Task<ReportingMatrix> ComputeMatrixAsync(ReportingObligation obligation, Unit root, string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var level = obligation.ReporterLevel;
        var kind = obligation.ReporterKind;
        int obligationId = obligation.Id;
        string reportersPath = obligation.ReportersRoot!.Path;
        var units = db.Units.Where(u => u.Path.StartsWith(path) && u.Path.StartsWith(reportersPath)
            && (level == null || u.Level == level) && (kind == null || u.Kind == kind));
        var periods = db.ReportingPeriods.Where(p => p.ObligationId == obligationId && p.Due >= from && p.Due <= to);
        var rows = await (
            from u in units
            from p in periods
            join r in db.SituationReports.Where(r => !r.IsCompiled) on new { U = u.Id, P = p.Id } equals new { U = r.UnitId, P = r.PeriodId } into reports
            from r in reports.DefaultIfEmpty()
            select new
            {
                UnitId = u.Id,
                u.Code,
                u.Name,
                PeriodId = p.Id,
                p.Key,
                p.Label,
                p.Due,
                ReportId = r != null ? r.Id : (int?)null,
                Status = r != null ? r.Status : (ReportStatus?)null,
                First = r != null ? r.FirstSubmittedAt : null,
            }).AsNoTracking().ToListAsync(ct).ConfigureAwait(false);

        var today = Today;
        var unitList = rows.Select(r => new MatrixUnit(r.UnitId, r.Code, r.Name)).DistinctBy(u => u.Id)
            .OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        var periodList = rows.Select(r => new MatrixPeriod(r.PeriodId, r.Key, r.Label, r.Due)).DistinctBy(p => p.Id).OrderBy(p => p.Due).ToList();
        var cells = rows.ToDictionary(
            r => (r.UnitId, r.PeriodId),
            r => new MatrixCell(r.UnitId, r.PeriodId, TimelinessRules.Classify(r.Status, r.First, r.Due, today), r.ReportId, r.Status, r.First));
        var rates = periodList.Select(p =>
        {
            var column = unitList.Select(u => cells[(u.Id, p.Id)].State).ToList();
            return new PeriodRate(p.Id, column.Count,
                column.Count(s => s == Timeliness.OnTime), column.Count(s => s == Timeliness.Late),
                column.Count(s => s == Timeliness.Missing), column.Count(s => s == Timeliness.Returned), column.Count(s => s == Timeliness.Pending));
        }).ToList();
        return new ReportingMatrix(obligation.Id, obligation.Title, root.Id, root.Name, unitList, periodList, cells, rates);
    }
}

public sealed record MatrixUnit(int Id, string Code, string Name);

public sealed record MatrixPeriod(int Id, string Key, string Label, DateOnly Due);

public sealed record MatrixCell(int UnitId, int PeriodId, Timeliness State, int? ReportId, ReportStatus? Status, DateTime? FirstSubmittedAt);

/// <summary>DHIS2-style rates of one period: reports received (on time or late) and on time, over the expected reports.</summary>
public sealed record PeriodRate(int PeriodId, int Expected, int OnTime, int Late, int Missing, int Returned, int Pending)
{
    public int Received => OnTime + Late;

    public double Completeness => Expected == 0 ? 0 : (double)Received / Expected;

    public double OnTimeRate => Expected == 0 ? 0 : (double)OnTime / Expected;
}

public sealed record ReportingMatrix(
    int ObligationId,
    string ObligationTitle,
    int RootUnitId,
    string RootUnitName,
    IReadOnlyList<MatrixUnit> Units,
    IReadOnlyList<MatrixPeriod> Periods,
    IReadOnlyDictionary<(int UnitId, int PeriodId), MatrixCell> Cells,
    IReadOnlyList<PeriodRate> Rates)
{
    public MatrixCell Cell(int unitId, int periodId) => Cells[(unitId, periodId)];
}
