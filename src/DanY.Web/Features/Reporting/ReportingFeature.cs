using DanY.Infrastructure.Monitoring;

namespace DanY.Web.Features.Reporting;

public static class ReportingFeature
{
    public static IServiceCollection AddReportingFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapReportingFeature(this IEndpointRouteBuilder endpoints)
    {
        ReportingEndpoints.Map(endpoints);
        return endpoints;
    }
}

/// <summary>Display helpers shared by the reporting pages.</summary>
public static class ReportingDisplay
{
    public static string CssOf(DanY.Domain.Monitoring.Timeliness t) => t switch
    {
        DanY.Domain.Monitoring.Timeliness.OnTime => "ontime",
        DanY.Domain.Monitoring.Timeliness.Late => "late",
        DanY.Domain.Monitoring.Timeliness.Missing => "missing",
        DanY.Domain.Monitoring.Timeliness.Returned => "returned",
        _ => "pending",
    };

    public static string CssOf(DanY.Domain.Monitoring.ReportStatus s) => s.ToString().ToLowerInvariant();

    public static string Percent(double share) => (share * 100).ToString("0", DanY.Web.Shared.PlatformExtensions.Vietnamese) + "%";

    public static string DateTime(DateTime? utc) => utc is { } u
        ? DateTime(u)
        : "";

    private static string DateTime(DateTime utc) =>
        (System.DateTime.SpecifyKind(utc, DateTimeKind.Utc) + DanY.Domain.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Maps the service's exceptions to a status page.</summary>
    public static int StatusOf(Exception e) => e switch
    {
        MonitoringForbiddenException => StatusCodes.Status403Forbidden,
        MonitoringNotFoundException => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };
}
