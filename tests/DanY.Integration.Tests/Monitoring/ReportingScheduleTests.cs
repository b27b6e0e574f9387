using DanY.Domain.Monitoring;
using DanY.Domain.Units;

namespace DanY.Integration.Tests.Monitoring;

public sealed class ReportingScheduleTests
{
    private static ReportingObligation Obligation() => new("Báo cáo tháng", 1, UnitLevel.Commune, null, 2, 3);

    [Fact]
    public void Monthly_on_the_15th_covers_mid_month_to_mid_month()
    {
        var o = Obligation();
        o.ScheduleMonthly(15);
        var periods = o.PeriodsDueBetween(new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30));
        Assert.Equal(["2026-09", "2026-10", "2026-11"], periods.Select(p => p.Key));
        var november = periods[^1];
        Assert.Equal(new DateOnly(2026, 10, 15), november.Start);
        Assert.Equal(new DateOnly(2026, 11, 14), november.End);
        Assert.Equal(new DateOnly(2026, 11, 15), november.Due);
        Assert.Equal("Tháng 11/2026", november.Label);
        Assert.Equal("FREQ=MONTHLY;BYMONTHDAY=15", o.RRule());
    }

    [Fact]
    public void Day_31_falls_on_the_last_day_of_short_months()
    {
        var o = Obligation();
        o.ScheduleMonthly(31);
        var february = o.PeriodsDueBetween(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)).Single();
        Assert.Equal(new DateOnly(2026, 2, 28), february.Due);
    }

    [Fact]
    public void Quarterly_windowed_and_congress_schedules()
    {
        var q = Obligation();
        q.ScheduleQuarterly(20);
        var quarters = q.PeriodsDueBetween(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], quarters.Select(p => p.Key));
        Assert.Equal(new DateOnly(2025, 6, 20), quarters[1].Due);
        Assert.Equal("Quý II/2025", quarters[1].Label);

        var w = Obligation();
        w.ScheduleWindow(new DateOnly(2024, 12, 1), new DateOnly(2025, 3, 30), "Đại hội chi bộ");
        var window = w.PeriodsDueBetween(new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1)).Single();
        Assert.Equal(new DateOnly(2025, 3, 30), window.Due);

        var c = Obligation();
        c.ScheduleAroundCongress("Đại hội Đảng bộ tỉnh", new DateOnly(2025, 10, 20), CongressTiming.After, 10);
        Assert.Equal(new DateOnly(2025, 10, 30), c.PeriodsDueBetween(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)).Single().Due);
        Assert.Empty(c.PeriodsDueBetween(new DateOnly(2025, 11, 1), new DateOnly(2025, 12, 31)));

        Assert.Throws<MonitoringValidationException>(() => w.ScheduleWindow(new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 1)));
    }

    [Theory]
    [InlineData(null, null, "2026-11-15", "2026-11-16", Timeliness.Missing)]
    [InlineData(null, null, "2026-11-15", "2026-11-15", Timeliness.Pending)]
    [InlineData(ReportStatus.Draft, null, "2026-11-15", "2026-11-20", Timeliness.Missing)]
    // 16:59 UTC on the 15th is 23:59 in Hà Nội: still on time; 17:00 UTC is the 16th there.
    [InlineData(ReportStatus.Submitted, "2026-11-15T16:59:00Z", "2026-11-15", "2026-11-20", Timeliness.OnTime)]
    [InlineData(ReportStatus.Accepted, "2026-11-15T17:00:00Z", "2026-11-15", "2026-11-20", Timeliness.Late)]
    [InlineData(ReportStatus.Returned, "2026-11-10T01:00:00Z", "2026-11-15", "2026-11-20", Timeliness.Returned)]
    public void Timeliness_is_judged_on_the_vietnamese_day(ReportStatus? status, string? sent, string due, string today, Timeliness expected)
    {
        DateTime? sentAt = sent is null ? null : DateTime.Parse(sent, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(expected, TimelinessRules.Classify(status, sentAt, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
