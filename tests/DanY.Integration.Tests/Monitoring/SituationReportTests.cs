using DanY.Domain.Accounts;
using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests.Monitoring;

public sealed class SituationReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(ReportingObligation Obligation, IReadOnlyList<ReportingPeriod> Periods)> MonthlyAsync(MonitoringDatabase t)
    {
        var o = new ReportingObligation("Báo cáo tình hình Nhân dân hằng tháng", t.Units["24"].Id, UnitLevel.Commune, UnitKind.AdministrativeArea,
            t.Units["24.TU"].Id, t.Units["24.TU.BTGDV"].Id);
        o.ScheduleMonthly(15);
        t.Db.ReportingObligations.Add(o);
        await t.Db.SaveChangesAsync(Ct);
        var periods = await t.Service().EnsurePeriodsAsync(o, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), Ct);
        return (o, periods);
    }

    private static SituationContent Filled(string general = "Tình hình ổn định.") => new()
    {
        GeneralSituation = general,
        MoodsOverall = "Nhân dân phấn khởi.",
        GroupMoods = new Dictionary<SocialGroup, string> { [SocialGroup.Farmers] = "Nông dân lo giá phân bón." },
        PublicOpinion = "Quan tâm giá điện.",
        ForecastAndRecommendations = "Ổn định.",
    };

    [Theory]
    [MemberData(nameof(MonitoringDatabase.Providers), MemberType = typeof(MonitoringDatabase))]
    public async Task Draft_submitted_returned_resubmitted_accepted_keeps_first_submission_and_audits(DatabaseProvider provider)
    {
        await using var t = await MonitoringDatabase.CreateAsync(provider);
        var (_, periods) = await MonthlyAsync(t);
        var november = periods.Single(p => p.Key == "2026-11");
        var ward = await t.StaffAsync("ward", "C001", UnitRole.Editor);
        var board = await t.StaffAsync("board", "24.TU.BTGDV", UnitRole.Editor);
        var service = t.Service();

        t.Clock.Now = new DateTimeOffset(2026, 11, 10, 2, 0, 0, TimeSpan.Zero);
        var report = await service.OpenReportAsync(ward, t.Units["C001"].Id, november.Id, Ct);
        Assert.Equal(ReportStatus.Draft, report.Status);
        // An empty report cannot be sent, and the message says what is missing in both languages.
        var empty = await Assert.ThrowsAsync<MonitoringValidationException>(() => service.SubmitAsync(ward, report, Ct));
        Assert.Contains("Tình hình chung", empty.Message, StringComparison.Ordinal);
        Assert.Contains("required", empty.Message, StringComparison.Ordinal);

        await service.SaveAsync(ward, report, Filled(), new SituationCounts(4, 1, 0, 2, 3), Ct);
        await service.SubmitAsync(ward, report, Ct);
        var firstSent = report.FirstSubmittedAt;
        Assert.Equal(ReportStatus.Submitted, report.Status);
        await Assert.ThrowsAsync<MonitoringValidationException>(() => service.SaveAsync(ward, report, Filled("x"), SituationCounts.Zero, Ct));
        // The ward cannot review its own report; the board can.
        await Assert.ThrowsAsync<MonitoringForbiddenException>(() => service.AcceptAsync(ward, report, Ct));
        await Assert.ThrowsAsync<MonitoringValidationException>(() => service.ReturnAsync(board, report, "  ", Ct));
        await service.ReturnAsync(board, report, "Bổ sung kết quả giải quyết đơn thư.", Ct);
        Assert.Equal(ReportStatus.Returned, report.Status);

        t.Clock.Now = new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);
        await service.SaveAsync(ward, report, Filled("Tình hình ổn định, đã bổ sung."), new SituationCounts(4, 1, 0, 2, 4), Ct);
        await service.SubmitAsync(ward, report, Ct);
        await service.AcceptAsync(board, report, Ct);

        t.Db.ChangeTracker.Clear();
        var stored = await t.Db.SituationReports.SingleAsync(r => r.Id == report.Id, Ct);
        Assert.Equal(ReportStatus.Accepted, stored.Status);
        Assert.Equal(firstSent, stored.FirstSubmittedAt);
        Assert.True(stored.SubmittedAt > stored.FirstSubmittedAt);
        Assert.Equal("Nông dân lo giá phân bón.", stored.Content.GroupMoods[SocialGroup.Farmers]);
        Assert.Equal(new SituationCounts(4, 1, 0, 2, 4), stored.Counts);
        // Sent first on the 10th: on time although accepted after the 15th.
        Assert.Equal(Timeliness.OnTime, TimelinessRules.Classify(stored.Status, stored.FirstSubmittedAt, november.Due, new DateOnly(2026, 11, 20)));
        int audits = await t.Db.AuditEntries.CountAsync(a => a.EntityType == nameof(SituationReport) && a.EntityId == report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        Assert.True(audits >= 6, $"expected every step audited, got {audits}");
    }

    [Theory]
    [MemberData(nameof(MonitoringDatabase.Providers), MemberType = typeof(MonitoringDatabase))]
    public async Task Counts_are_validated_and_compared_with_the_previous_period(DatabaseProvider provider)
    {
        await using var t = await MonitoringDatabase.CreateAsync(provider);
        var (_, periods) = await MonthlyAsync(t);
        var ward = await t.StaffAsync("ward", "C002", UnitRole.Editor);
        var other = await t.StaffAsync("other", "C003", UnitRole.Editor);
        var service = t.Service();
        var october = await service.OpenReportAsync(ward, t.Units["C002"].Id, periods.Single(p => p.Key == "2026-10").Id, Ct);
        await service.SaveAsync(ward, october, Filled(), new SituationCounts(7, 0, 1, 3, 2), Ct);
        var november = await service.OpenReportAsync(ward, t.Units["C002"].Id, periods.Single(p => p.Key == "2026-11").Id, Ct);

        var negative = await Assert.ThrowsAsync<MonitoringValidationException>(() => service.SaveAsync(ward, november, Filled(), new SituationCounts(-1, 0, 0, 0, 0), Ct));
        Assert.Contains("Đơn thư khiếu nại, tố cáo", negative.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MonitoringValidationException>(() => service.SaveAsync(ward, november, Filled(), new SituationCounts(1, 0, 0, 0, 5), Ct));

        var previous = await service.PreviousAsync(november, Ct);
        Assert.NotNull(previous);
        Assert.Equal(7, previous.Complaints);
        Assert.Null(await service.PreviousAsync(october, Ct));

        // Another commune's editor cannot open or change this commune's report; a unit outside the reporters cannot report.
        await Assert.ThrowsAsync<MonitoringForbiddenException>(() => service.SaveAsync(other, november, Filled(), SituationCounts.Zero, Ct));
        await Assert.ThrowsAsync<MonitoringForbiddenException>(() => service.OpenReportAsync(other, t.Units["C002"].Id, periods[0].Id, Ct));
        var party = await t.StaffAsync("party", "C001.DU", UnitRole.Editor);
        await Assert.ThrowsAsync<MonitoringValidationException>(() => service.OpenReportAsync(party, t.Units["C001.DU"].Id, periods[0].Id, Ct));
    }

    [Theory]
    [MemberData(nameof(MonitoringDatabase.Providers), MemberType = typeof(MonitoringDatabase))]
    public async Task Attachments_are_stored_by_content_and_refused_when_empty(DatabaseProvider provider)
    {
        await using var t = await MonitoringDatabase.CreateAsync(provider);
        var (_, periods) = await MonthlyAsync(t);
        var ward = await t.StaffAsync("ward", "C001", UnitRole.Editor);
        var service = t.Service();
        var report = await service.OpenReportAsync(ward, t.Units["C001"].Id, periods[^1].Id, Ct);
        var a = await service.AttachAsync(ward, report, "../../bien-ban.pdf", "application/pdf", [1, 2, 3], Ct);
        Assert.Equal("bien-ban.pdf", a.FileName);
        Assert.True(File.Exists(service.AttachmentPath(a)));
        await Assert.ThrowsAsync<MonitoringValidationException>(() => service.AttachAsync(ward, report, "x.pdf", "application/pdf", [], Ct));
    }
}
