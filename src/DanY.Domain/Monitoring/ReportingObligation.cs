using System.Globalization;
using DanY.Domain.Auditing;
using DanY.Domain.Units;

namespace DanY.Domain.Monitoring;

public enum ReportingFrequency
{
    /// <summary>Every month on <see cref="ReportingObligation.DayOfMonth"/> ("vào ngày 15 hàng tháng").</summary>
    Monthly,

    /// <summary>Every quarter, on <see cref="ReportingObligation.DayOfMonth"/> of the quarter's last month.</summary>
    Quarterly,

    /// <summary>One report inside a dated window (per congress level: "bắt đầu từ tháng 12/2024, đến ngày 30/3/2025").</summary>
    Window,

    /// <summary>Before or after a congress: the due day is the congress date minus or plus <see cref="ReportingObligation.OffsetDays"/>.</summary>
    Congress,
}

public enum CongressTiming
{
    Before,
    After,
}

/// <summary>
/// Who reports what to whom (and via whom), when. The reporters are the units below
/// <see cref="ReportersRootUnitId"/> that match <see cref="ReporterLevel"/> and <see cref="ReporterKind"/>
/// (e.g. every commune of the province); the report goes to <see cref="RecipientUnitId"/> through
/// <see cref="ViaUnitId"/>, whose staff review and compile.
/// </summary>
public sealed class ReportingObligation : IAuditable
{
    public const int TitleMaxLength = 512;

    private ReportingObligation()
    {
    }

    public ReportingObligation(string title, int reportersRootUnitId, UnitLevel? reporterLevel, UnitKind? reporterKind, int recipientUnitId, int? viaUnitId)
    {
        Title = IssuedPlan.Limit(title, TitleMaxLength) ?? "";
        if (Title.Length == 0) throw new MonitoringValidationException("Nghĩa vụ báo cáo cần có tên / An obligation needs a title.");
        ReportersRootUnitId = reportersRootUnitId;
        ReporterLevel = reporterLevel;
        ReporterKind = reporterKind;
        RecipientUnitId = recipientUnitId;
        ViaUnitId = viaUnitId;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public int? PlanId { get; set; }
    public IssuedPlan? Plan { get; private set; }

    public int ReportersRootUnitId { get; private set; }
    public Unit? ReportersRoot { get; private set; }
    public UnitLevel? ReporterLevel { get; private set; }
    public UnitKind? ReporterKind { get; private set; }
    public int RecipientUnitId { get; private set; }
    public Unit? Recipient { get; private set; }
    public int? ViaUnitId { get; private set; }
    public Unit? Via { get; private set; }

    public ReportingFrequency Frequency { get; private set; }
    public int DayOfMonth { get; private set; } = 15;
    public DateOnly? WindowStart { get; private set; }
    public DateOnly? WindowEnd { get; private set; }
    public string? CongressName { get; private set; }
    public DateOnly? CongressDate { get; private set; }
    public CongressTiming? Timing { get; private set; }
    public int OffsetDays { get; private set; }

    /// <summary>Days before a deadline when reminders start (and the cadence of reminders after it).</summary>
    public int RemindDaysBefore { get; set; } = 3;

    public bool Active { get; set; } = true;

    public void ScheduleMonthly(int dayOfMonth, DateOnly? from = null, DateOnly? until = null)
    {
        CheckDay(dayOfMonth);
        Frequency = ReportingFrequency.Monthly;
        DayOfMonth = dayOfMonth;
        SetWindow(from, until);
    }

    public void ScheduleQuarterly(int dayOfMonth, DateOnly? from = null, DateOnly? until = null)
    {
        CheckDay(dayOfMonth);
        Frequency = ReportingFrequency.Quarterly;
        DayOfMonth = dayOfMonth;
        SetWindow(from, until);
    }

    public void ScheduleWindow(DateOnly start, DateOnly end, string? congressName = null)
    {
        if (end < start) throw new MonitoringValidationException("Ngày kết thúc trước ngày bắt đầu / The window ends before it starts.");
        Frequency = ReportingFrequency.Window;
        SetWindow(start, end);
        CongressName = IssuedPlan.Limit(congressName, 256);
    }

    public void ScheduleAroundCongress(string congressName, DateOnly congressDate, CongressTiming timing, int offsetDays)
    {
        if (offsetDays is < 0 or > 366) throw new MonitoringValidationException("Số ngày phải từ 0 đến 366 / Offset must be 0 to 366 days.");
        Frequency = ReportingFrequency.Congress;
        CongressName = IssuedPlan.Limit(congressName, 256);
        CongressDate = congressDate;
        Timing = timing;
        OffsetDays = offsetDays;
    }

    /// <summary>The reporting periods whose due day falls between <paramref name="from"/> and <paramref name="to"/> (inclusive).</summary>
    public IReadOnlyList<PeriodSpec> PeriodsDueBetween(DateOnly from, DateOnly to)
    {
        var list = new List<PeriodSpec>();
        switch (Frequency)
        {
            case ReportingFrequency.Monthly:
                for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
                {
                    var due = DayIn(month, DayOfMonth);
                    if (due < from || due > to || !InWindow(due)) continue;
                    var previous = DayIn(month.AddMonths(-1), DayOfMonth);
                    // Mid-month to mid-month: "từ ngày 15/10 đến ngày 14/11".
                    list.Add(new PeriodSpec(Key(month), "Tháng " + month.ToString("MM/yyyy", CultureInfo.InvariantCulture), previous, due.AddDays(-1), due));
                }
                break;
            case ReportingFrequency.Quarterly:
                for (var month = new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 1, 1); month <= to; month = month.AddMonths(3))
                {
                    var last = month.AddMonths(2);
                    var due = DayIn(last, DayOfMonth);
                    if (due < from || due > to || !InWindow(due)) continue;
                    int quarter = (month.Month - 1) / 3 + 1;
                    list.Add(new PeriodSpec(month.Year.ToString("D4", CultureInfo.InvariantCulture) + "-Q" + quarter.ToString(CultureInfo.InvariantCulture), $"Quý {Roman(quarter)}/{month.Year.ToString(CultureInfo.InvariantCulture)}",
                        month, last.AddMonths(1).AddDays(-1), due));
                }
                break;
            case ReportingFrequency.Window when WindowStart is { } s && WindowEnd is { } e:
                if (e >= from && e <= to)
                    list.Add(new PeriodSpec("W" + s.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + e.ToString("yyyyMMdd", CultureInfo.InvariantCulture), $"Từ {DisplayDate.Of(s)} đến {DisplayDate.Of(e)}", s, e, e));
                break;
            case ReportingFrequency.Congress when CongressDate is { } c:
                var d = Timing == CongressTiming.Before ? c.AddDays(-OffsetDays) : c.AddDays(OffsetDays);
                if (d >= from && d <= to)
                {
                    string label = (Timing == CongressTiming.Before ? "Trước " : "Sau ") + (CongressName ?? "Đại hội");
                    list.Add(new PeriodSpec("C" + c.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Timing, label, Timing == CongressTiming.Before ? d.AddDays(-30) : c, d, d));
                }
                break;
        }
        return list;
    }

    /// <summary>An RFC 5545 RRULE for the recurring kinds, null otherwise.</summary>
    public string? RRule() => Frequency switch
    {
        ReportingFrequency.Monthly => "FREQ=MONTHLY;BYMONTHDAY=" + DayOfMonth.ToString(CultureInfo.InvariantCulture),
        ReportingFrequency.Quarterly => "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=" + DayOfMonth.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public string ScheduleText() => Frequency switch
    {
        ReportingFrequency.Monthly => $"Ngày {DayOfMonth} hằng tháng",
        ReportingFrequency.Quarterly => $"Ngày {DayOfMonth} tháng cuối quý",
        ReportingFrequency.Window => $"Từ {DisplayDate.Of(WindowStart)} đến {DisplayDate.Of(WindowEnd)}",
        ReportingFrequency.Congress => $"{(Timing == CongressTiming.Before ? "Trước" : "Sau")} {CongressName} ({DisplayDate.Of(CongressDate)}) {OffsetDays} ngày",
        _ => "",
    };

    private bool InWindow(DateOnly due) => (WindowStart is not { } s || due >= s) && (WindowEnd is not { } e || due <= e);

    private void SetWindow(DateOnly? from, DateOnly? until)
    {
        if (from is { } f && until is { } u && u < f) throw new MonitoringValidationException("Ngày kết thúc trước ngày bắt đầu / The window ends before it starts.");
        WindowStart = from;
        WindowEnd = until;
    }

    private static void CheckDay(int day)
    {
        if (day is < 1 or > 31) throw new MonitoringValidationException("Ngày trong tháng phải từ 1 đến 31 / Day of month must be 1 to 31.");
    }

    /// <summary>Day N of the month, or its last day when the month is shorter ("ngày 31" in February).</summary>
    private static DateOnly DayIn(DateOnly month, int day) => new(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));

    private static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}

/// <summary>A period as the schedule defines it, before it is stored.</summary>
public sealed record PeriodSpec(string Key, string Label, DateOnly Start, DateOnly End, DateOnly Due);

/// <summary>One occurrence of an obligation: what is covered and the last acceptable day.</summary>
public sealed class ReportingPeriod
{
    private ReportingPeriod()
    {
    }

    public ReportingPeriod(ReportingObligation obligation, PeriodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(spec);
        // Only a new obligation travels as a navigation: a stored one (perhaps read without tracking) goes by id.
        if (obligation.Id > 0) ObligationId = obligation.Id;
        else Obligation = obligation;
        Key = spec.Key;
        Label = spec.Label;
        Start = spec.Start;
        End = spec.End;
        Due = spec.Due;
    }

    public int Id { get; private set; }
    public int ObligationId { get; private set; }
    public ReportingObligation? Obligation { get; private set; }
    public string Key { get; private set; } = "";
    public string Label { get; private set; } = "";
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public DateOnly Due { get; private set; }
}
