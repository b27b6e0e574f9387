using System.Threading.Channels;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanY.Infrastructure.Labelling;

/// <summary>Runs apply jobs one at a time in the background; jobs left unfinished by a restart are picked up again.</summary>
public sealed partial class LabellingJobRunner(IServiceScopeFactory scopes, ILogger<LabellingJobRunner> logger) : BackgroundService
{
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(int jobId) => _queue.Writer.TryWrite(jobId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
                var pending = await db.LabellingJobs.AsNoTracking()
                    .Where(j => j.Status == LabellingJobStatus.Queued || j.Status == LabellingJobStatus.Running)
                    .OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(stoppingToken).ConfigureAwait(false);
                foreach (int id in pending) Enqueue(id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database not migrated yet (first start) has no jobs to resume.
            LogResumeFailed(logger, ex);
        }

        await foreach (int jobId in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<LabellingService>().RunJobAsync(jobId, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogJobFailed(logger, jobId, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resume labelling jobs")]
    private static partial void LogResumeFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Labelling job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, int jobId, Exception ex);
}

public static class LabellingServices
{
    public static IServiceCollection AddLabelling(this IServiceCollection services)
    {
        services.TryAddScoped<LabellingService>();
        services.TryAddScoped<ModerationService>();
        services.TryAddScoped<ReportItemLabelling>();
        services.TryAddSingleton<LabellingJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<LabellingJobRunner>());
        return services;
    }
}
