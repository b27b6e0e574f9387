using DanY.Domain.Accounts;
using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DanY.Integration.Tests.Monitoring;

public sealed class CompilationAndRemindersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(MonitoringDatabase.Providers), MemberType = typeof(MonitoringDatabase))]
    public async Task Compiled_counts_equal_the_sum_of_the_children_and_texts_name_their_units(DatabaseProvider provider)
    {
        await using var t = await MonitoringDatabase.CreateAsync(provider, communes: 12);
        var today = new DateOnly(2026, 11, 23);
        await new MonitoringDemoSeeder(t.Db).SeedAsync(t.Units, today, Ct);
        var board = await t.StaffAsync("board", "24.TU.BTGDV", UnitRole.Editor);
        var ward = await t.StaffAsync("ward", "C001", UnitRole.Editor);
        var period = await t.Db.ReportingPeriods.Where(p => p.Due < today).OrderByDescending(p => p.Due).FirstAsync(Ct);
        var compiler = new ReportCompiler(t.Service());

        await Assert.ThrowsAsync<MonitoringForbiddenException>(() => compiler.CompileAsync(ward, period.Id, Ct));
        var compiled = await compiler.CompileAsync(board, period.Id, Ct);
        Assert.True(compiled.IsCompiled);
        Assert.Equal(t.Units["24.TU.BTGDV"].Id, compiled.UnitId);

        var children = await t.Db.SituationReports.AsNoTracking().Include(r => r.Unit)
            .Where(r => r.PeriodId == period.Id && !r.IsCompiled && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted)).ToListAsync(Ct);
        Assert.NotEmpty(children);
        Assert.Equal(children.Sum(c => c.Complaints), compiled.Complaints);
        Assert.Equal(children.Sum(c => c.HostileContent), compiled.HostileContent);
        Assert.Equal(children.Sum(c => c.MassPetitions + c.Hotspots), compiled.MassPetitions + compiled.Hotspots);
        var breakdown = await compiler.BreakdownAsync(period.Id, Ct);
        Assert.Equal(children.Count, breakdown.Count);
        Assert.Equal(compiled.Counts, breakdown.Aggregate(SituationCounts.Zero, (s, b) => s + b.Counts));
        // Every child's unit is named in the compiled text, and returned reports are left out.
        foreach (var c in children) Assert.Contains(c.Unit!.Name, compiled.GeneralSituation, StringComparison.Ordinal);
        var returned = await t.Db.SituationReports.AsNoTracking().Include(r => r.Unit).Where(r => r.PeriodId == period.Id && r.Status == ReportStatus.Returned).ToListAsync(Ct);
        foreach (var r in returned.Where(r => children.All(c => c.UnitId != r.UnitId)))
            Assert.DoesNotContain(r.Unit!.Name + ",", compiled.GeneralSituation + ",", StringComparison.Ordinal);

        // Editable, and a second compilation rewrites the draft rather than adding one.
        await t.Service().SaveAsync(board, compiled, compiled.Content with { ForecastAndRecommendations = "Kiến nghị của Ban." }, compiled.Counts, Ct);
        var again = await compiler.CompileAsync(board, period.Id, Ct);
        Assert.Equal(compiled.Id, again.Id);
        Assert.Equal(1, await t.Db.SituationReports.CountAsync(r => r.IsCompiled, Ct));

        var trend = await compiler.TrendAsync(period.ObligationId, today, 6, Ct);
        Assert.Equal(MonitoringDemoSeeder.MonthsOfHistory, trend.Count);
        Assert.Equal(children.Sum(c => c.Complaints), trend[^1].Totals.Complaints);
    }

    [Fact]
    public void Gathering_groups_the_same_concern_and_names_every_source()
    {
        string text = ReportCompiler.Gather(
        [
            ("Phường A", "Nhân dân quan tâm đến giá điện tăng. Lo lắng về việc làm."),
            ("Phường B", "Nhân dân quan tâm đến giá điện tăng cao."),
            ("Xã C", "Đề nghị sửa đường liên xã."),
        ]);
        var lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("- Nhân dân quan tâm đến giá điện tăng (2 đơn vị: Phường A, Phường B)", lines[0], StringComparison.Ordinal);
        Assert.Contains("(Xã C)", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MonitoringDatabase.Providers), MemberType = typeof(MonitoringDatabase))]
    public async Task Reminders_go_once_before_and_after_the_deadline_to_the_outbox(DatabaseProvider provider)
    {
        await using var t = await MonitoringDatabase.CreateAsync(provider, communes: 3);
        var o = new ReportingObligation("Báo cáo tháng", t.Units["24"].Id, UnitLevel.Commune, UnitKind.AdministrativeArea, t.Units["24.TU"].Id, t.Units["24.TU.BTGDV"].Id);
        o.ScheduleMonthly(15);
        t.Db.ReportingObligations.Add(o);
        await t.Db.SaveChangesAsync(Ct);
        var ward = await t.StaffAsync("ward", "C001", UnitRole.Editor);
        var service = t.Service();
        var config = new ConfigurationBuilder().Build();
        var reminders = new ReminderService(service, new MailOutbox(config, t.Settings));

        // 13/12: two days before the 15th nothing is sent yet (and November, within the last 30 days, is overdue).
        var before = await reminders.RunAsync(new DateOnly(2026, 12, 13), Ct);
        Assert.Equal(6, before.Created);
        Assert.Equal(3, await t.Db.Reminders.CountAsync(r => r.Kind == ReminderKind.BeforeDue, Ct));
        Assert.Equal(2, before.Emails);
        var eml = Directory.GetFiles(Path.Combine(t.Settings.DataPath, "outbox"), "*.eml");
        Assert.Equal(2, eml.Length);
        Assert.Contains("ward@test.local", await File.ReadAllTextAsync(eml[0], Ct), StringComparison.Ordinal);
        Assert.Equal(0, (await reminders.RunAsync(new DateOnly(2026, 12, 14), Ct)).Created);

        // C001 sends on time; after the deadline only C002 and C003 are chased.
        var period = await t.Db.ReportingPeriods.SingleAsync(p => p.Key == "2026-12", Ct);
        t.Clock.Now = new DateTimeOffset(2026, 12, 14, 3, 0, 0, TimeSpan.Zero);
        var report = await service.OpenReportAsync(ward, t.Units["C001"].Id, period.Id, Ct);
        await service.SaveAsync(ward, report, new SituationContent { GeneralSituation = "Ổn định.", MoodsOverall = "Phấn khởi.", ForecastAndRecommendations = "Ổn định." }, SituationCounts.Zero, Ct);
        await service.SubmitAsync(ward, report, Ct);
        t.Clock.Now = new DateTimeOffset(2026, 12, 17, 3, 0, 0, TimeSpan.Zero);
        var after = await reminders.RunAsync(new DateOnly(2026, 12, 17), Ct);
        Assert.Equal(2, after.Created);
        var overdue = await t.Db.Reminders.Where(r => r.Kind == ReminderKind.Overdue && r.PeriodId == period.Id).Select(r => r.UnitId).ToListAsync(Ct);
        Assert.DoesNotContain(t.Units["C001"].Id, overdue);

        string ics = ReminderService.Calendar([(o, period)], new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Contains("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261215\r\n", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Theory]
    [MemberData(nameof(MonitoringDatabase.Providers), MemberType = typeof(MonitoringDatabase))]
    public async Task Cadre_statistics_are_validated_and_summed_up_the_tree(DatabaseProvider provider)
    {
        await using var t = await MonitoringDatabase.CreateAsync(provider, communes: 3);
        var a = new CadreStatistic(t.Units["C001"].Id, CongressLevel.Commune, "2025-2030");
        a.Set(30, 2, 4, DateTime.UtcNow);
        var b = new CadreStatistic(t.Units["C002"].Id, CongressLevel.Commune, "2025-2030");
        b.Set(27, 3, 3, DateTime.UtcNow);
        Assert.Throws<MonitoringValidationException>(() => b.Set(5, 3, 3, DateTime.UtcNow));
        t.Db.CadreStatistics.AddRange(a, b);
        await t.Db.SaveChangesAsync(Ct);
        string path = t.Units["24"].Path;
        var sum = await t.Db.CadreStatistics.Where(c => c.Unit!.Path.StartsWith(path)).GroupBy(c => c.Level)
            .Select(g => new { Members = g.Sum(c => c.CommitteeMembers), Front = g.Sum(c => c.FrontCadres), Union = g.Sum(c => c.UnionCadres) }).SingleAsync(Ct);
        Assert.Equal((57, 5, 7), (sum.Members, sum.Front, sum.Union));
    }
}
