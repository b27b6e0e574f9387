namespace DanY.Domain.Monitoring;

/// <summary>A rule of situation monitoring was broken; the message is in Vietnamese and English.</summary>
public sealed class MonitoringValidationException(string message) : Exception(message);

/// <summary>Dates for people: dd/MM/yyyy whatever the thread's culture.</summary>
public static class DisplayDate
{
    public static string Of(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(DateOnly? date) => date is { } d ? Of(d) : "";
}
