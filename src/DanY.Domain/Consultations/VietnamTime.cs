namespace DanY.Domain.Consultations;

/// <summary>Windows are entered and shown in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) and stored in UTC.</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant of a local wall-clock time in Vietnam.</summary>
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time), Zone.GetUtcOffset(date.ToDateTime(time)));

    /// <summary>Start of the local day after <paramref name="date"/> (an end date is inclusive for people).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => FromLocal(date.AddDays(1), TimeOnly.MinValue);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "ICT");
        }
    }
}
