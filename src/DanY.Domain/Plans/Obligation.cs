namespace DanY.Domain.Plans;

public enum ObligationKind
{
    Task,
    Report,
    Consultation,
    Conference,
    Plan,
}

/// <summary>
/// One thing a plan asks of someone, with its schedule. <see cref="Due"/> is the last acceptable day;
/// <see cref="Start"/> opens a window; <see cref="Recurrence"/> repeats it; <see cref="Relative"/> ties it
/// to an event without a date (a congress). <see cref="Source"/> is the sentence it was read from, so
/// staff can check every field against the text.
/// </summary>
public sealed record Obligation
{
    public ObligationKind Kind { get; init; }

    public required string Title { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? Due { get; init; }

    public RecurrenceRule? Recurrence { get; init; }

    /// <summary>Ongoing work without a deadline ("Thường xuyên").</summary>
    public bool Ongoing { get; init; }

    public RelativeSchedule? Relative { get; init; }

    /// <summary>Lead units (chủ trì, or the unit the task is given to).</summary>
    public IReadOnlyList<string> Lead { get; init; } = [];

    /// <summary>Supporting units (phối hợp).</summary>
    public IReadOnlyList<string> Support { get; init; } = [];

    /// <summary>Whom the result goes to ("báo cáo về Ban Thường vụ Huyện ủy").</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Whom it goes through ("qua Ban Dân vận Huyện ủy").</summary>
    public IReadOnlyList<string> Via { get; init; } = [];

    public required string Source { get; init; }
}

public enum RecurrenceFrequency
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// <summary>The subset of an RFC 5545 RRULE that plans use: "vào ngày 15 hàng tháng", "hàng quý", "6 tháng", "hằng năm".</summary>
public sealed record RecurrenceRule(RecurrenceFrequency Frequency, int Interval = 1, int? ByMonthDay = null)
{
    /// <summary>Months of the year, for "tháng cuối quý" (3, 6, 9, 12).</summary>
    public IReadOnlyList<int> ByMonth { get; init; } = [];

    /// <summary>The RRULE value, e.g. <c>FREQ=MONTHLY;BYMONTHDAY=15</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(4) { "FREQ=" + Frequency.ToString().ToUpperInvariant() };
        if (Interval > 1) parts.Add("INTERVAL=" + Interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ByMonth.Count > 0) parts.Add("BYMONTH=" + string.Join(',', ByMonth.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (ByMonthDay is { } day) parts.Add("BYMONTHDAY=" + day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(';', parts);
    }
}

public enum RelativeTiming
{
    Before,
    During,
    After,
}

/// <summary>
/// A time tied to an event whose date the plan does not give: "trước, trong và sau Đại hội",
/// "chậm nhất 10 ngày sau khi kết thúc Đại hội". Resolved to dates once the congress is scheduled.
/// </summary>
public sealed record RelativeSchedule(string Event, IReadOnlyList<RelativeTiming> Timing, int? OffsetDays = null);
