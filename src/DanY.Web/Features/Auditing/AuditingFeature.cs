namespace DanY.Web.Features.Auditing;

public static class AuditingFeature
{
    /// <summary>The audit log page (/admin/audit) for system administrators.</summary>
    public static IServiceCollection AddAuditingFeature(this IServiceCollection services) => services;
}
