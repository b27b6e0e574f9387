using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DanY.Infrastructure.Monitoring;

internal static class MonitoringRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SituationMonitoring>();
        services.AddScoped<ReportCompiler>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<ReminderService>();
    }
}
