using DanY.Domain;
using DanY.Domain.Accounts;
using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests.Monitoring;

public sealed class ReportingMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(MonitoringDatabase.Providers), MemberType = typeof(MonitoringDatabase))]
    public async Task Matrix_shows_on_time_late_missing_returned_and_rates(DatabaseProvider provider)
    {
        await using var t = await MonitoringDatabase.CreateAsync(provider, communes: 5);
        var o = new ReportingObligation("Báo cáo tháng", t.Units["24"].Id, UnitLevel.Commune, UnitKind.AdministrativeArea, t.Units["24.TU"].Id, t.Units["24.TU.BTGDV"].Id);
        o.ScheduleMonthly(15);
        t.Db.ReportingObligations.Add(o);
        await t.Db.SaveChangesAsync(Ct);
        var periods = await t.Service().EnsurePeriodsAsync(o, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Ct);
        Assert.Equal(3, periods.Count);
        var (oct, nov, dec) = (periods[0], periods[1], periods[2]);

        void Report(string unit, ReportingPeriod p, DateTime sent, string? returned = null, bool accept = false)
        {
            var r = new SituationReport(t.Units[unit].Id, p);
            r.Edit(new SituationContent { GeneralSituation = "Ổn định.", MoodsOverall = "Phấn khởi.", ForecastAndRecommendations = "Ổn định." }, SituationCounts.Zero, sent);
            r.Submit(sent);
            if (returned is not null) r.Return(returned, "ban", sent.AddDays(1));
            if (accept) r.Accept("ban", sent.AddDays(1));
            t.Db.SituationReports.Add(r);
        }
        Report("C001", oct, new DateTime(2026, 10, 14, 3, 0, 0, DateTimeKind.Utc), accept: true);
        Report("C002", oct, new DateTime(2026, 10, 18, 3, 0, 0, DateTimeKind.Utc));
        Report("C003", oct, new DateTime(2026, 10, 12, 3, 0, 0, DateTimeKind.Utc), returned: "Thiếu số liệu");
        Report("C001", nov, new DateTime(2026, 11, 15, 10, 0, 0, DateTimeKind.Utc));
        Report("C001", dec, new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));
        // A draft counts as nothing sent.
        var draft = new SituationReport(t.Units["C004"].Id, nov);
        t.Db.SituationReports.Add(draft);
        await t.Db.SaveChangesAsync(Ct);

        var viewer = await t.StaffAsync("province", "24", UnitRole.Viewer);
        var matrix = await t.Service().MatrixAsync(viewer, o.Id, t.Units["24"].Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Ct);
        Assert.Equal(5, matrix.Units.Count);
        Assert.Equal(3, matrix.Periods.Count);
        Timeliness Cell(string u, ReportingPeriod p) => matrix.Cell(t.Units[u].Id, p.Id).State;
        Assert.Equal(Timeliness.OnTime, Cell("C001", oct));
        Assert.Equal(Timeliness.Late, Cell("C002", oct));
        Assert.Equal(Timeliness.Returned, Cell("C003", oct));
        Assert.Equal(Timeliness.Missing, Cell("C004", oct));
        Assert.Equal(Timeliness.OnTime, Cell("C001", nov));
        Assert.Equal(Timeliness.Missing, Cell("C004", nov));
        Assert.Equal(Timeliness.OnTime, Cell("C001", dec));
        Assert.Equal(Timeliness.Pending, Cell("C002", dec));
        var octRate = matrix.Rates.Single(r => r.PeriodId == oct.Id);
        Assert.Equal((5, 1, 1, 2, 1), (octRate.Expected, octRate.OnTime, octRate.Late, octRate.Missing, octRate.Returned));
        Assert.Equal(0.4, octRate.Completeness, 3);
        Assert.Equal(0.2, octRate.OnTimeRate, 3);

        // A subtree: one commune only.
        var one = await t.Service().MatrixAsync(viewer, o.Id, t.Units["C002"].Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Ct);
        Assert.Equal([t.Units["C002"].Id], one.Units.Select(u => u.Id));

        // A commune's editor sees its own row, not the province; a stranger sees nothing.
        var ward = await t.StaffAsync("ward", "C001", UnitRole.Editor);
        await Assert.ThrowsAsync<MonitoringForbiddenException>(() => t.Service().MatrixAsync(ward, o.Id, t.Units["24"].Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Ct));
        var stranger = await t.StaffAsync("stranger", "25", UnitRole.Administrator);
        await Assert.ThrowsAsync<MonitoringForbiddenException>(() => t.Service().MatrixAsync(stranger, o.Id, t.Units["24"].Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Ct));
        // The board reviewing the obligation may see it without a role on the province.
        var board = await t.StaffAsync("board", "24.TU.BTGDV", UnitRole.Editor);
        Assert.Equal(5, (await t.Service().MatrixAsync(board, o.Id, t.Units["24"].Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Ct)).Units.Count);
    }

    [Theory]
    [MemberData(nameof(MonitoringDatabase.Providers), MemberType = typeof(MonitoringDatabase))]
    public async Task Demo_data_matrix_matches_the_stored_reports(DatabaseProvider provider)
    {
        await using var t = await MonitoringDatabase.CreateAsync(provider, communes: 40);
        var today = new DateOnly(2026, 11, 23);
        await new MonitoringDemoSeeder(t.Db).SeedAsync(t.Units, today, Ct);
        var obligation = await t.Db.ReportingObligations.SingleAsync(Ct);
        var viewer = await t.StaffAsync("province", "24", UnitRole.Viewer);
        var matrix = await t.Service().MatrixAsync(viewer, obligation.Id, t.Units["24"].Id, today.AddMonths(-7), today.AddMonths(1), Ct);
        Assert.Equal(40, matrix.Units.Count);
        var past = matrix.Periods.Where(p => p.Due < today).ToList();
        Assert.Equal(MonitoringDemoSeeder.MonthsOfHistory, past.Count);

        foreach (var p in past)
        {
            var reports = await t.Db.SituationReports.AsNoTracking().Where(r => r.PeriodId == p.Id).ToListAsync(Ct);
            var rate = matrix.Rates.Single(r => r.PeriodId == p.Id);
            Assert.Equal(reports.Count(r => r.Status == ReportStatus.Returned), rate.Returned);
            Assert.Equal(40 - reports.Count, rate.Missing);
            int late = reports.Count(r => r.Status is ReportStatus.Submitted or ReportStatus.Accepted && VietnamTime.LocalDate(r.FirstSubmittedAt!.Value) > p.Due);
            Assert.Equal(late, rate.Late);
            Assert.Equal(reports.Count - late - rate.Returned, rate.OnTime);
        }
        // A realistic mix over the six months: some of each.
        Assert.True(matrix.Rates.Sum(r => r.Late) > 0);
        Assert.True(matrix.Rates.Sum(r => r.Missing) > 0);
        Assert.True(matrix.Rates.Sum(r => r.Returned) > 0);
        Assert.True(matrix.Rates.Where(r => past.Any(p => p.Id == r.PeriodId)).All(r => r.Completeness is > 0.5 and < 1.0));
    }
}
