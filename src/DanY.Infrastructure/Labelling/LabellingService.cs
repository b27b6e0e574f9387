using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using DanY.Domain.Consultations;
using DanY.Domain.Labelling;
using DanY.Engine.Classification;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Labelling;

public enum CommentFilter
{
    All,
    Unlabelled,
    Suggested,
    LowConfidence,
    Labelled,
    Flagged,
}

/// <summary>A comment as the labelling view shows it: the staff label and the model's suggestion side by side.</summary>
public sealed record LabelledCommentRow(long Id, string Receipt, string Text, string Channel, string? SectionRef, DateTimeOffset SubmittedAt,
    string? Label, LabelSource? Source, string? Suggestion, double? Confidence);

public sealed record LabelCount(string Label, int Staff, int Accepted, int Suggested);

public sealed record ConsultationChoice(int Id, string Title);

/// <summary>
/// Label sets, staff labels, models and suggestions. Callers check permissions (pages ask the
/// permission service); this service applies the data scope: a unit that runs a consultation (or one
/// above it) works on all of its comments, any other unit only on the comments sent from its subtree.
/// </summary>
public sealed partial class LabellingService(DanYDbContext db)
{
    public const int ChunkSize = 500;
    public const double DefaultLowConfidence = 0.6;

    /// <summary>Share of each label's staff examples held back to measure the model (deterministic by comment id).</summary>
    public const int HoldBackOneIn = 5;
    public const int MinimumExamples = 10;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string EngineVersion { get; } =
        "DanY.Engine " + (typeof(TextClassifier).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(TextClassifier).Assembly.GetName().Version?.ToString() ?? "?") + "; model format " +
        TextClassifier.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<LabelSet> CreateSetAsync(int unitId, string name, IEnumerable<string> labels, CancellationToken cancellationToken = default)
    {
        var set = new LabelSet(unitId, name, labels, isModeration: false, DateTimeOffset.UtcNow);
        if (await db.LabelSets.AnyAsync(s => s.UnitId == unitId && s.Name == set.Name, cancellationToken).ConfigureAwait(false))
            throw new LabellingException($"Đơn vị đã có bộ nhãn “{set.Name}” / the unit already has a label set with this name.");
        db.LabelSets.Add(set);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return set;
    }

    /// <summary>The unit's "Sàng lọc" set for the portal's moderation queue, created on first use.</summary>
    public async Task<LabelSet> EnsureModerationSetAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var existing = await db.LabelSets.FirstOrDefaultAsync(s => s.UnitId == unitId && s.IsModeration, cancellationToken).ConfigureAwait(false);
        if (existing is not null) return existing;
        var set = LabelSet.Moderation(unitId, DateTimeOffset.UtcNow);
        db.LabelSets.Add(set);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return set;
    }

    /// <summary>Consultations a unit can work on: those it (or a unit below it) runs, and those that consult it.</summary>
    public async Task<IReadOnlyList<ConsultationChoice>> ConsultationsForAsync(int unitId, CancellationToken cancellationToken = default)
    {
        string path = await UnitPathAsync(unitId, cancellationToken).ConfigureAwait(false);
        var rows = await (from c in db.Consultations.AsNoTracking()
                          join o in db.Units on c.OwnerUnitId equals o.Id
                          join t in db.Units on c.TargetUnitId equals t.Id
                          select new { c.Id, c.Title, Owner = o.Path, Target = t.Path }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Where(r => r.Owner.StartsWith(path, StringComparison.Ordinal) || path.StartsWith(r.Target, StringComparison.Ordinal))
            .OrderByDescending(r => r.Id).Select(r => new ConsultationChoice(r.Id, r.Title)).ToList();
    }

    /// <summary>The comments of a consultation that the set's unit works on (portal comments only for a moderation set).</summary>
    public async Task<IQueryable<Comment>> ScopedCommentsAsync(LabelSet set, int consultationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        string path = await UnitPathAsync(set.UnitId, cancellationToken).ConfigureAwait(false);
        var choices = await ConsultationsForAsync(set.UnitId, cancellationToken).ConfigureAwait(false);
        if (!choices.Any(c => c.Id == consultationId)) return db.Comments.Where(_ => false);
        string? ownerPath = await (from c in db.Consultations join o in db.Units on c.OwnerUnitId equals o.Id where c.Id == consultationId select o.Path)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Comments.Where(c => c.ConsultationId == consultationId);
        if (!ownerPath.StartsWith(path, StringComparison.Ordinal))
            query = query.Where(c => c.UnitId != null && db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(path)));
        if (set.IsModeration) query = query.Where(c => c.Channel == CommentChannels.Portal);
        return query;
    }

    /// <summary>
    /// A page of comments with their labels and suggestions. <paramref name="groupId"/> narrows to the members
    /// of a synthesis group; <paramref name="label"/> narrows to one label: the staff label for
    /// <see cref="CommentFilter.Labelled"/>, the suggestion for <see cref="CommentFilter.Suggested"/>, either otherwise.
    /// </summary>
    public async Task<(IReadOnlyList<LabelledCommentRow> Rows, int Total)> PageAsync(LabelSet set, int consultationId, CommentFilter filter,
        double lowConfidence, int page, int pageSize, CancellationToken cancellationToken = default, long? groupId = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var scoped = await ScopedCommentsAsync(set, consultationId, cancellationToken).ConfigureAwait(false);
        if (groupId is long inGroup) scoped = InGroup(scoped, inGroup);
        int setId = set.Id;
        var query = from c in scoped
                    join l in db.CommentLabels.Where(l => l.LabelSetId == setId) on c.Id equals l.CommentId into ls
                    from l in ls.DefaultIfEmpty()
                    join s in db.LabelSuggestions.Where(s => s.LabelSetId == setId) on c.Id equals s.CommentId into ss
                    from s in ss.DefaultIfEmpty()
                    select new
                    {
                        c.Id, c.Receipt, c.Text, c.Channel, c.SectionRef, c.SubmittedAt,
                        Label = l != null ? l.Label : null,
                        Source = l != null ? (LabelSource?)l.Source : null,
                        Suggestion = s != null ? s.Label : null,
                        Confidence = s != null ? (double?)s.Confidence : null,
                    };
        var flags = set.FlagLabels.ToList();
        query = filter switch
        {
            CommentFilter.Unlabelled => query.Where(r => r.Label == null),
            CommentFilter.Suggested => query.Where(r => r.Label == null && r.Suggestion != null),
            CommentFilter.LowConfidence => query.Where(r => r.Label == null && r.Confidence != null && r.Confidence < lowConfidence),
            CommentFilter.Labelled => query.Where(r => r.Label != null),
            CommentFilter.Flagged => query.Where(r => (r.Label != null && flags.Contains(r.Label)) || (r.Label == null && r.Suggestion != null && flags.Contains(r.Suggestion))),
            _ => query,
        };
        if (!string.IsNullOrEmpty(label))
        {
            query = filter switch
            {
                CommentFilter.Labelled => query.Where(r => r.Label == label),
                CommentFilter.Suggested or CommentFilter.LowConfidence => query.Where(r => r.Suggestion == label),
                CommentFilter.Unlabelled => query.Where(r => r.Suggestion == label),
                _ => query.Where(r => r.Label == label || (r.Label == null && r.Suggestion == label)),
            };
        }
        int total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        page = Math.Max(1, page);
        var rows = await query.OrderBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (rows.Select(r => new LabelledCommentRow(r.Id, r.Receipt, r.Text, r.Channel, r.SectionRef, r.SubmittedAt, r.Label, r.Source, r.Suggestion, r.Confidence)).ToList(), total);
    }

    /// <summary>
    /// Sets, changes or (with an empty value) removes staff labels. Every comment must be in scope and
    /// every label in the set; otherwise nothing is saved.
    /// </summary>
    public async Task<int> SetLabelsAsync(LabelSet set, int consultationId, IReadOnlyDictionary<long, string?> labels, string userId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0) return 0;
        foreach (var label in labels.Values)
        {
            if (!string.IsNullOrEmpty(label) && !set.HasLabel(label))
                throw new LabellingException("Nhãn không thuộc bộ nhãn này / the label is not in this label set.");
        }
        var ids = labels.Keys.ToList();
        var scoped = await ScopedCommentsAsync(set, consultationId, cancellationToken).ConfigureAwait(false);
        int inScope = await scoped.CountAsync(c => ids.Contains(c.Id), cancellationToken).ConfigureAwait(false);
        if (inScope != ids.Count) throw new LabellingException("Có ý kiến ngoài phạm vi của đơn vị / some comments are outside the unit's scope.");
        var existing = await db.CommentLabels.Where(l => l.LabelSetId == set.Id && ids.Contains(l.CommentId))
            .ToDictionaryAsync(l => l.CommentId, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        int changed = 0;
        foreach (var (commentId, label) in labels)
        {
            existing.TryGetValue(commentId, out var current);
            if (string.IsNullOrEmpty(label))
            {
                if (current is null) continue;
                db.CommentLabels.Remove(current);
            }
            else if (current is null)
            {
                db.CommentLabels.Add(new CommentLabel(set.Id, commentId, label, LabelSource.Staff, userId, now));
            }
            // The form re-sends every label on the page: an unchanged one (even an accepted suggestion) stays as it is.
            else if (!string.Equals(current.Label, label, StringComparison.Ordinal))
            {
                current.Relabel(label, userId, now);
            }
            else
            {
                continue;
            }
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>
    /// Trains a model from the set's staff labels on comments and on situation-report items (accepted suggestions are not used: a model must not
    /// learn from itself). One in <see cref="HoldBackOneIn"/> examples of each label, chosen by a hash of
    /// the comment id, is held back and scored by a model trained without it; the stored model then
    /// learns from every staff label.
    /// </summary>
    public async Task<LabelModel> TrainAsync(LabelSet set, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var examples = await (from l in db.CommentLabels.AsNoTracking()
                              join c in db.Comments on l.CommentId equals c.Id
                              where l.LabelSetId == set.Id && l.Source == LabelSource.Staff
                              orderby l.CommentId
                              select new { l.CommentId, l.Label, c.Text }).ToListAsync(cancellationToken).ConfigureAwait(false);
        // Sentences of situation reports labelled in the same set teach the same model (negative keys keep them apart from comment ids).
        var reportItems = await db.ReportItemLabels.AsNoTracking().Where(l => l.LabelSetId == set.Id && l.Source == LabelSource.Staff).OrderBy(l => l.Id)
            .Select(l => new { CommentId = -l.Id, l.Label, l.Text }).ToListAsync(cancellationToken).ConfigureAwait(false);
        examples = examples.Concat(reportItems).Where(e => set.HasLabel(e.Label)).ToList();
        int distinct = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Count();
        if (examples.Count < MinimumExamples || distinct < 2)
            throw new LabellingException($"Cần ít nhất {MinimumExamples} ý kiến đã gán nhãn, thuộc ít nhất hai nhãn / at least {MinimumExamples} staff labels in at least two labels are needed.");

        var started = Stopwatch.StartNew();
        var heldBack = new HashSet<long>();
        foreach (var group in examples.GroupBy(e => e.Label, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(e => Mix(e.CommentId)).ToList();
            int hold = ordered.Count >= 3 ? Math.Max(1, ordered.Count / HoldBackOneIn) : 0;
            foreach (var e in ordered.Take(hold)) heldBack.Add(e.CommentId);
        }
        var train = examples.Where(e => !heldBack.Contains(e.CommentId)).ToList();
        var test = examples.Where(e => heldBack.Contains(e.CommentId)).ToList();
        var trainCounts = examples.GroupBy(e => e.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var (model, metrics) = await Task.Run(() =>
        {
            ClassificationMetrics? measured = null;
            if (test.Count > 0 && train.Select(e => e.Label).Distinct(StringComparer.Ordinal).Count() >= 2)
            {
                var probe = TextClassifierTrainer.Train(train.Select(e => e.Text).ToList(), train.Select(e => e.Label).ToList(), cancellationToken: cancellationToken);
                var predicted = probe.PredictMany(test.Select(e => e.Text).ToList(), cancellationToken: cancellationToken);
                measured = ClassificationMetrics.Compute(test.Select(e => e.Label).ToList(), predicted.Select(p => p.Label).ToList());
            }
            var final = TextClassifierTrainer.Train(examples.Select(e => e.Text).ToList(), examples.Select(e => e.Label).ToList(), cancellationToken: cancellationToken);
            return (final, measured);
        }, cancellationToken).ConfigureAwait(false);

        using var stream = new MemoryStream();
        model.Save(stream);
        var perLabel = set.LabelList.Select(label =>
        {
            var score = metrics?.PerLabel.FirstOrDefault(p => string.Equals(p.Label, label, StringComparison.Ordinal));
            return new LabelMetric(label, score?.Precision ?? 0, score?.Recall ?? 0, score?.F1 ?? 0, score?.Support ?? 0, trainCounts.GetValueOrDefault(label));
        }).ToList();
        var stored = new LabelModel(set.Id, stream.ToArray(), EngineVersion, examples.Count, test.Count,
            metrics?.Accuracy ?? 0, metrics?.MacroF1 ?? 0, JsonSerializer.Serialize(perLabel, Json), userId, DateTimeOffset.UtcNow, started.Elapsed.TotalSeconds);
        db.LabelModels.Add(stored);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public static IReadOnlyList<LabelMetric> MetricsOf(LabelModel model) =>
        JsonSerializer.Deserialize<List<LabelMetric>>(model?.MetricsJson ?? "[]", Json) ?? [];

    public Task<LabelModel?> CurrentModelAsync(int setId, CancellationToken cancellationToken = default) =>
        db.LabelModels.AsNoTracking().Where(m => m.LabelSetId == setId).OrderByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Queues applying the set's current model to a consultation; the job runner does the work.</summary>
    public async Task<LabellingJob> CreateApplyJobAsync(LabelSet set, int consultationId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        int? modelId = await db.LabelModels.Where(m => m.LabelSetId == set.Id).OrderByDescending(m => m.Id).Select(m => (int?)m.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (modelId is null) throw new LabellingException("Chưa có mô hình: hãy huấn luyện trước / there is no model yet: train one first.");
        var active = await db.LabellingJobs.Where(j => j.LabelSetId == set.Id && j.ConsultationId == consultationId
            && (j.Status == LabellingJobStatus.Queued || j.Status == LabellingJobStatus.Running)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (active is not null) return active;
        var job = new LabellingJob(set.Id, modelId.Value, consultationId, userId, DateTimeOffset.UtcNow);
        db.LabellingJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return job;
    }

    public Task<LabellingJob?> LatestJobAsync(int setId, int consultationId, CancellationToken cancellationToken = default) =>
        db.LabellingJobs.AsNoTracking().Where(j => j.LabelSetId == setId && j.ConsultationId == consultationId)
            .OrderByDescending(j => j.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Runs a queued job in chunks of <see cref="ChunkSize"/> comments, saving progress after each.</summary>
    public async Task RunJobAsync(int jobId, CancellationToken cancellationToken = default)
    {
        var job = await db.LabellingJobs.SingleAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (!job.IsActive) return;
        // Progress is the system's bookkeeping, not a staff change: the job's creation is the audited act.
        bool auditing = db.AuditingEnabled;
        db.AuditingEnabled = false;
        try
        {
            var set = await db.LabelSets.AsNoTracking().SingleAsync(s => s.Id == job.LabelSetId, cancellationToken).ConfigureAwait(false);
            var bytes = await db.LabelModels.AsNoTracking().Where(m => m.Id == job.ModelId).Select(m => m.ModelBytes).SingleAsync(cancellationToken).ConfigureAwait(false);
            TextClassifier model;
            using (var stream = new MemoryStream(bytes)) model = TextClassifier.Load(stream);
            var scoped = await ScopedCommentsAsync(set, job.ConsultationId, cancellationToken).ConfigureAwait(false);
            job.Start(await scoped.CountAsync(cancellationToken).ConfigureAwait(false));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            long after = 0;
            int done = 0;
            while (true)
            {
                var chunk = await scoped.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(ChunkSize)
                    .Select(c => new { c.Id, c.Text }).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (chunk.Count == 0) break;
                var predictions = model.PredictMany(chunk.Select(c => c.Text).ToList(), cancellationToken: cancellationToken);
                var ids = chunk.Select(c => c.Id).ToList();
                await db.LabelSuggestions.Where(s => s.LabelSetId == set.Id && ids.Contains(s.CommentId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < chunk.Count; i++)
                    db.LabelSuggestions.Add(new LabelSuggestion(set.Id, chunk[i].Id, job.ModelId, predictions[i].Label, Math.Round(predictions[i].Confidence, 4)));
                done += chunk.Count;
                job.Advance(done);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                db.Attach(job);
                after = chunk[^1].Id;
            }
            job.Finish(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var failed = await db.LabellingJobs.SingleAsync(j => j.Id == jobId, CancellationToken.None).ConfigureAwait(false);
            failed.Fail(ex.GetType().Name + ": " + ex.Message, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            db.AuditingEnabled = auditing;
        }
    }

    /// <summary>
    /// Turns the suggestions at or above <paramref name="threshold"/> into labels, for comments that
    /// have no label yet (a staff label is never overwritten). Returns how many were accepted.
    /// </summary>
    public async Task<int> AcceptAboveAsync(LabelSet set, int consultationId, double threshold, string userId, CancellationToken cancellationToken = default,
        long? groupId = null, IReadOnlyCollection<long>? only = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (double.IsNaN(threshold) || threshold < 0 || threshold > 1)
            throw new LabellingException("Ngưỡng tin cậy phải từ 0 đến 1 / the confidence threshold must be between 0 and 1.");
        var scoped = await ScopedCommentsAsync(set, consultationId, cancellationToken).ConfigureAwait(false);
        if (groupId is long inGroup) scoped = InGroup(scoped, inGroup);
        if (only is not null)
        {
            var ids = only.ToList();
            scoped = scoped.Where(c => ids.Contains(c.Id));
        }
        int setId = set.Id;
        var picks = await (from s in db.LabelSuggestions
                           join c in scoped on s.CommentId equals c.Id
                           where s.LabelSetId == setId && s.Confidence >= threshold
                                 && !db.CommentLabels.Any(l => l.LabelSetId == setId && l.CommentId == s.CommentId)
                           select new { s.CommentId, s.Label }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        foreach (var p in picks.Where(p => set.HasLabel(p.Label)))
            db.CommentLabels.Add(new CommentLabel(setId, p.CommentId, p.Label, LabelSource.AcceptedSuggestion, userId, now));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return picks.Count;
    }

    /// <summary>Per label: staff labels, accepted suggestions and open suggestions (on unlabelled comments).</summary>
    public async Task<IReadOnlyList<LabelCount>> CountsAsync(LabelSet set, int consultationId, CancellationToken cancellationToken = default, long? groupId = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var scoped = await ScopedCommentsAsync(set, consultationId, cancellationToken).ConfigureAwait(false);
        if (groupId is long inGroup) scoped = InGroup(scoped, inGroup);
        int setId = set.Id;
        var labelled = await (from l in db.CommentLabels
                              join c in scoped on l.CommentId equals c.Id
                              where l.LabelSetId == setId
                              group l by new { l.Label, l.Source } into g
                              select new { g.Key.Label, g.Key.Source, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var suggested = await (from s in db.LabelSuggestions
                               join c in scoped on s.CommentId equals c.Id
                               where s.LabelSetId == setId && !db.CommentLabels.Any(l => l.LabelSetId == setId && l.CommentId == s.CommentId)
                               group s by s.Label into g
                               select new { Label = g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return set.LabelList.Select(label => new LabelCount(label,
            labelled.Where(x => x.Label == label && x.Source == LabelSource.Staff).Sum(x => x.Count),
            labelled.Where(x => x.Label == label && x.Source == LabelSource.AcceptedSuggestion).Sum(x => x.Count),
            suggested.Where(x => x.Label == label).Sum(x => x.Count))).ToList();
    }

    /// <summary>The comments filed in a synthesis group (as the group page lists them).</summary>
    private IQueryable<Comment> InGroup(IQueryable<Comment> comments, long groupId) =>
        comments.Where(c => db.SynthesisMembers.Any(m => m.GroupId == groupId && m.CommentId == c.Id));

    private async Task<string> UnitPathAsync(int unitId, CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(cancellationToken).ConfigureAwait(false);

    // A fixed 64-bit mix (splitmix64 finaliser): the held-back part depends only on the comment ids.
    private static ulong Mix(long id)
    {
        ulong z = unchecked((ulong)id + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
