namespace DanY.Domain.Monitoring;

/// <summary>A rule of situation monitoring was broken; the message is in Vietnamese and English.</summary>
public sealed class MonitoringValidationException(string message) : Exception(message);

/// <summary>Vietnam has no daylight saving: deadlines are local days at UTC+7.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset);

    public static DateOnly Today(TimeProvider clock) => LocalDate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
}

/// <summary>Dates for people: dd/MM/yyyy whatever the thread's culture.</summary>
public static class DisplayDate
{
    public static string Of(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(DateOnly? date) => date is { } d ? Of(d) : "";
}
