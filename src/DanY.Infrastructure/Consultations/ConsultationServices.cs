using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DanY.Infrastructure.Consultations;

public static class ConsultationServices
{
    /// <summary>The group-commit writer (one per process), the cached catalog and the submission service.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConsultationCatalog>();
        services.TryAddSingleton<CommentWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CommentWriter>());
        services.TryAddSingleton<CommentSubmission>();
        services.TryAddScoped<BulkIntake>();
        return services;
    }
}
