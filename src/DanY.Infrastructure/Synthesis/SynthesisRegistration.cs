using DanY.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DanY.Infrastructure.Synthesis;

internal static class SynthesisRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SynthesisStore>();
        services.AddScoped<SynthesisJobQueue>();
        services.AddScoped<SynthesisReportBuilder>();
        services.AddScoped<SynthesisReview>();
        services.AddScoped<RollupService>();
        services.AddScoped<Dashboards.IChildSubmissionStatusSource, RollupSubmissionStatusSource>();
        // Runs only in hosts that start (the web app); the CLI builds its host without starting it.
        services.AddHostedService<SynthesisJobRunner>();
    }
}
