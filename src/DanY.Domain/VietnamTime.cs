namespace DanY.Domain;

/// <summary>
/// Local time in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving): windows and deadlines are
/// entered and shown as local days and stored in UTC.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant of a local wall-clock time in Vietnam.</summary>
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time), Zone.GetUtcOffset(date.ToDateTime(time)));

    /// <summary>Start of the local day after <paramref name="date"/> (an end date is inclusive for people).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => FromLocal(date.AddDays(1), TimeOnly.MinValue);

    /// <summary>The local calendar day of a UTC time.</summary>
    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset);

    public static DateOnly Today(TimeProvider clock) => LocalDate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", Offset, "Giờ Việt Nam", "ICT");
        }
    }
}
