using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Synthesis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanY.Infrastructure.Jobs;

/// <summary>The persistent queue of synthesis jobs: one active job per consultation, state in the database.</summary>
public sealed class SynthesisJobQueue(DanYDbContext db, TimeProvider clock)
{
    /// <summary>Queues a full synthesis, or returns the job already queued or running for the consultation.</summary>
    public Task<SynthesisJob> EnqueueAsync(int consultationId, string requestedBy, CancellationToken cancellationToken = default) =>
        EnqueueAsync(consultationId, requestedBy, full: true, cancellationToken);

    /// <summary>
    /// Queues a synthesis (<paramref name="full"/>: recompute; otherwise fold the new comments into the
    /// latest run), or returns the job already queued or running for the consultation.
    /// </summary>
    public async Task<SynthesisJob> EnqueueAsync(int consultationId, string requestedBy, bool full, CancellationToken cancellationToken = default)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == consultationId, cancellationToken).ConfigureAwait(false))
            throw new KeyNotFoundException($"Không có đợt lấy ý kiến số {consultationId} / no consultation {consultationId}.");
        var active = await ActiveAsync(consultationId, cancellationToken).ConfigureAwait(false);
        if (active is not null) return active;
        var job = new SynthesisJob(consultationId, requestedBy, clock.GetUtcNow(), full);
        db.SynthesisJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.Entry(job).State = EntityState.Detached;
        return job;
    }

    public Task<SynthesisJob?> ActiveAsync(int consultationId, CancellationToken cancellationToken = default) =>
        db.SynthesisJobs.AsNoTracking()
            .Where(j => j.ConsultationId == consultationId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .OrderBy(j => j.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<SynthesisJob?> LatestAsync(int consultationId, CancellationToken cancellationToken = default) =>
        db.SynthesisJobs.AsNoTracking().Where(j => j.ConsultationId == consultationId)
            .OrderByDescending(j => j.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<SynthesisJob?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.SynthesisJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>After a restart nothing is running: interrupted jobs go back to the queue and run again.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken = default)
    {
        // Set-based: status changes are made with ExecuteUpdate everywhere, so tracked copies would be stale.
        return await db.SynthesisJobs.Where(j => j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.Stage, "").SetProperty(j => j.Progress, 0.0), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Takes the oldest queued job, atomically: two workers never run the same job.</summary>
    public async Task<long?> ClaimNextAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            long? id = await db.SynthesisJobs.AsNoTracking().Where(j => j.Status == JobStatus.Queued)
                .OrderBy(j => j.Id).Select(j => (long?)j.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (id is null) return null;
            if (await ClaimAsync(id.Value, cancellationToken).ConfigureAwait(false)) return id;
        }
    }

    public async Task<bool> ClaimAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        int claimed = await db.SynthesisJobs.Where(j => j.Id == id && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.Progress, 0.0).SetProperty(j => j.Stage, "")
                .SetProperty(j => j.Error, (string?)null), cancellationToken).ConfigureAwait(false);
        return claimed == 1;
    }

    /// <summary>Runs a claimed job to the end, saving its stage and progress about twice a second.</summary>
    public async Task<SynthesisJob> ExecuteAsync(long id, SynthesisStore store, IProgress<StoreProgress>? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var job = await db.SynthesisJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken).ConfigureAwait(false);
        var latest = new LatestProgress(observer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = PersistProgressAsync(id, latest, stop.Token);
        try
        {
            var run = job.Full
                ? await store.RunAsync(job.ConsultationId, latest, cancellationToken).ConfigureAwait(false)
                : await store.FoldAsync(job.ConsultationId, latest, cancellationToken).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
            var now = clock.GetUtcNow();
            await db.SynthesisJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Succeeded)
                .SetProperty(j => j.RunId, run.Id).SetProperty(j => j.Progress, 1.0).SetProperty(j => j.Stage, "done")
                .SetProperty(j => j.FinishedAt, now), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
            string error = ex.Message.Length > SynthesisJob.ErrorMaxLength ? ex.Message[..SynthesisJob.ErrorMaxLength] : ex.Message;
            var now = clock.GetUtcNow();
            await db.SynthesisJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed)
                .SetProperty(j => j.Error, error).SetProperty(j => j.FinishedAt, now), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
            // Stopped (server shutdown, Ctrl+C in the CLI): back to the queue, as a restart would do, so that
            // the job is not left "running" with nobody running it.
            await db.SynthesisJobs.Where(j => j.Id == id && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.Stage, "").SetProperty(j => j.Progress, 0.0), CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }
        return await db.SynthesisJobs.AsNoTracking().SingleAsync(j => j.Id == id, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task PersistProgressAsync(long id, LatestProgress latest, CancellationToken cancellationToken)
    {
        var options = DanYDatabaseOptionsOf(db);
        await using var progressDb = new DanYDbContext(options);
        StoreProgress last = default;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var current = latest.Value;
            if (current == last) continue;
            last = current;
            string stage = current.Stage.Length > SynthesisJob.StageMaxLength ? current.Stage[..SynthesisJob.StageMaxLength] : current.Stage;
            try
            {
                await progressDb.SynthesisJobs.Where(j => j.Id == id && j.Status == JobStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, stage).SetProperty(j => j.Progress, current.Fraction), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                // Progress is best effort: on SQLite the run's own write transaction holds the only write lock
                // while it saves (busy timeout), and a lost progress update must not fail the job.
                last = default;
            }
        }
    }

    private static Microsoft.EntityFrameworkCore.DbContextOptions<DanYDbContext> DanYDatabaseOptionsOf(DanYDbContext context) =>
        (Microsoft.EntityFrameworkCore.DbContextOptions<DanYDbContext>)Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(context);

    private sealed class LatestProgress(IProgress<StoreProgress>? observer) : IProgress<StoreProgress>
    {
        private StoreProgress _value;
        private readonly Lock _gate = new();

        public StoreProgress Value
        {
            get
            {
                lock (_gate) return _value;
            }
        }

        public void Report(StoreProgress value)
        {
            lock (_gate) _value = value;
            observer?.Report(value);
        }
    }
}

/// <summary>Polls the jobs table and runs queued syntheses one at a time. On start-up, jobs left running by a stopped server run again.</summary>
public sealed class SynthesisJobRunner(IServiceScopeFactory scopes, ILogger<SynthesisJobRunner> logger) : BackgroundService
{
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                int recovered = await scope.ServiceProvider.GetRequiredService<SynthesisJobQueue>().RecoverAsync(stoppingToken).ConfigureAwait(false);
                if (recovered > 0) logger.LogWarning("Requeued {Count} synthesis job(s) interrupted by a restart", recovered);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may not be migrated yet; the loop below retries.
            logger.LogWarning(ex, "Synthesis job recovery failed");
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queue = scope.ServiceProvider.GetRequiredService<SynthesisJobQueue>();
                if (await queue.ClaimNextAsync(stoppingToken).ConfigureAwait(false) is long id)
                {
                    worked = true;
                    var job = await queue.ExecuteAsync(id, scope.ServiceProvider.GetRequiredService<SynthesisStore>(), null, stoppingToken).ConfigureAwait(false);
                    logger.LogInformation("Synthesis job {Id} finished: {Status}", job.Id, job.Status);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Synthesis job runner error");
            }
            if (!worked)
            {
                try
                {
                    await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
