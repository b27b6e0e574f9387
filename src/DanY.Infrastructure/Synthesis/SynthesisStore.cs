using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Engine;
using DanY.Engine.Synthesis;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using EngineSection = DanY.Engine.Synthesis.DraftSection;

namespace DanY.Infrastructure.Synthesis;

/// <summary>Progress of a stored synthesis: a stage name and the fraction of the whole job done.</summary>
public readonly record struct StoreProgress(string Stage, double Fraction);

/// <summary>
/// Runs the synthesis engine over a consultation's received comments, one draft at a time, and stores
/// the result: groups per section with counts and wording, each comment's groups, duplicate family and
/// noise reason, and the engine version, settings and input hash that make it reproducible.
/// </summary>
public sealed partial class SynthesisStore(DanYDbContext db)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The options the store runs the engine with. Parallelism does not change the output, so it is left out of the settings.</summary>
    public static SynthesisOptions Options { get; } = SynthesisOptions.Default with { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };

    public static string SettingsJson(SynthesisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var node = JsonSerializer.SerializeToNode(options, Json)!.AsObject();
        node.Remove(nameof(SynthesisOptions.MaxDegreeOfParallelism));
        return node.ToJsonString(Json);
    }

    public async Task<SynthesisRun?> LatestRunAsync(int consultationId, CancellationToken cancellationToken = default) =>
        await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    public async Task<SynthesisRun> RunAsync(int consultationId, IProgress<StoreProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report(new StoreProgress("loading", 0));
        var batch = await LoadAsync(consultationId, 0, cancellationToken).ConfigureAwait(false);
        var comments = batch.Comments;
        var options = Options;
        var results = await SynthesiseAsync(batch, options, progress, 0.05, 0.8, cancellationToken).ConfigureAwait(false);

        // Comments staff set aside on the moderation queue are noise with the staff's reason, not engine input.
        var setAside = await Labelling.ModerationService.SetAsideReasonsAsync(db, consultationId, cancellationToken).ConfigureAwait(false);
        progress?.Report(new StoreProgress("saving", 0.86));
        return await SaveAsync(consultationId, options, batch.InputHash, comments.Count,
            comments.Count == 0 ? 0 : comments[^1].Id, results, progress, cancellationToken, setAside).ConfigureAwait(false);
    }

    /// <summary>Runs the engine draft by draft; progress goes from <paramref name="from"/> over <paramref name="span"/> of the job.</summary>
    private async Task<List<(int DraftId, SynthesisResult Result, Dictionary<string, int> Order)>> SynthesiseAsync(InputBatch batch, SynthesisOptions options,
        IProgress<StoreProgress>? progress, double from, double span, CancellationToken cancellationToken)
    {
        var engine = new SynthesisEngine(options);
        var results = new List<(int DraftId, SynthesisResult Result, Dictionary<string, int> Order)>();
        int done = 0;
        int total = Math.Max(1, batch.Comments.Count);
        foreach (int draftId in batch.DraftIds)
        {
            if (!batch.Inputs.TryGetValue(draftId, out var list)) continue;
            var sections = await SectionsAsync(draftId, cancellationToken).ConfigureAwait(false);
            var order = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var s in sections) order[s.Ref] = order.Count;
            double start = from + span * done / total;
            double share = span * list.Count / total;
            var engineProgress = progress is null ? null : new InlineProgress<SynthesisProgress>(p => progress.Report(new StoreProgress(p.Stage, start + share * p.Fraction)));
            var result = await Task.Run(() => engine.Run(list, sections, engineProgress), cancellationToken).ConfigureAwait(false);
            results.Add((draftId, result, order));
            done += list.Count;
            cancellationToken.ThrowIfCancellationRequested();
        }
        return results;
    }

    /// <summary>A consultation's received comments after a given id, as engine input per draft, with the hash of that input.</summary>
    private async Task<InputBatch> LoadAsync(int consultationId, long afterId, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Drafts)
            .SingleOrDefaultAsync(c => c.Id == consultationId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Không có đợt lấy ý kiến số {consultationId} / no consultation {consultationId}.");
        var draftIds = consultation.Drafts.OrderBy(d => d.Order).Select(d => d.DraftId).ToList();
        var unitCodes = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code })
            .ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken).ConfigureAwait(false);
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ConsultationId == consultationId && c.Status == CommentStatus.Received && c.Id > afterId)
            .OrderBy(c => c.Id)
            .Select(c => new InputRow(c.Id, c.DraftId, c.SectionRef, c.UnitId, c.Channel, c.SocialGroup, c.Stance, c.SubmittedAt, c.Text))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var inputs = new Dictionary<int, List<CommentInput>>();
        foreach (var c in comments)
        {
            var input = new CommentInput(c.Id.ToString(CultureInfo.InvariantCulture), c.SectionRef,
                c.UnitId is int u ? unitCodes.GetValueOrDefault(u) : null, c.Channel, c.SocialGroup, Stances.Code(c.Stance), c.SubmittedAt, c.Text);
            if (!inputs.TryGetValue(c.DraftId, out var list)) inputs[c.DraftId] = list = [];
            list.Add(input);
            hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', input.Id, c.DraftId.ToString(CultureInfo.InvariantCulture), input.SectionRef ?? "",
                input.UnitCode ?? "", input.Channel ?? "", input.Group ?? "", input.Stance ?? "", input.Text) + "\u001e"));
        }
        foreach (var id in inputs.Keys.Where(k => !draftIds.Contains(k)).Order()) draftIds.Add(id);
        return new InputBatch(draftIds, inputs, comments, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private sealed record InputRow(long Id, int DraftId, string? SectionRef, int? UnitId, string Channel, string? SocialGroup, Stance Stance, DateTimeOffset SubmittedAt, string Text);

    private sealed record InputBatch(List<int> DraftIds, Dictionary<int, List<CommentInput>> Inputs, List<InputRow> Comments, string InputHash);

    private async Task<List<EngineSection>> SectionsAsync(int draftId, CancellationToken cancellationToken)
    {
        int? versionId = await db.Drafts.AsNoTracking().Where(d => d.Id == draftId).Select(d => d.CurrentVersionId)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (versionId is null) return [];
        return (await db.DraftSections.AsNoTracking().Where(s => s.DraftVersionId == versionId).OrderBy(s => s.Order)
            .Select(s => new { s.Ref, s.ParentRef, s.Label, s.Title }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(s => new EngineSection(s.Ref, s.ParentRef, s.Label.Length == 0 ? s.Title : s.Label + " " + s.Title)).ToList();
    }

    private async Task<SynthesisRun> SaveAsync(int consultationId, SynthesisOptions options, string inputHash, int count, long lastId,
        List<(int DraftId, SynthesisResult Result, Dictionary<string, int> Order)> results, IProgress<StoreProgress>? progress, CancellationToken cancellationToken,
        IReadOnlyDictionary<long, string>? setAside = null)
    {
        setAside ??= new Dictionary<long, string>();
        return await SystemWriteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var run = new SynthesisRun(consultationId, EngineInfo.Version, SettingsJson(options), inputHash, count + setAside.Count, DateTimeOffset.UtcNow)
            {
                LastCommentId = lastId,
                NoiseComments = results.Sum(r => r.Result.Document.NoiseComments) + setAside.Count,
                DuplicateComments = results.Sum(r => r.Result.Document.DuplicateComments),
                Campaigns = results.Sum(r => r.Result.Document.Campaigns),
            };
            db.SynthesisRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            var groupIds = new Dictionary<(int, string), SynthesisGroup>();
            foreach (var (draftId, result, order) in results)
            {
                foreach (var section in result.Document.Sections)
                {
                    int sectionOrder = section.SectionRef.Length == 0 ? -1 : order.GetValueOrDefault(section.SectionRef, 100_000);
                    foreach (var g in section.Groups)
                    {
                        var group = new SynthesisGroup(run.Id, draftId, section.SectionRef, sectionOrder, g.Id, g.Representative,
                            string.Join(" · ", g.KeyPhrases), g.Quantifier, g.Share, g.Counts.Comments, g.Counts.Distinct, g.Counts.Units,
                            g.Counts.Campaigns, g.Counts.CampaignLetters, Breakdown(g.Counts.ByChannel, g.Counts.BySocialGroup, g.Counts.ByStance));
                        group.SetTerms(TermsJson(g.Terms));
                        groupIds[(draftId, g.Id)] = group;
                        db.SynthesisGroups.Add(group);
                    }
                }
            }
            await CarryOverEditsAsync(consultationId, run.Id, groupIds, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(new StoreProgress("saving", 0.9));

            int written = 0;
            var rows = new SynthesisRows(db);
            foreach (var (draftId, result, _) in results)
            {
                var primary = result.Assignments.ToDictionary(a => a.Id, a => a.GroupId, StringComparer.Ordinal);
                foreach (var section in result.Document.Sections)
                {
                    foreach (var g in section.Groups)
                    {
                        long groupId = groupIds[(draftId, g.Id)].Id;
                        foreach (var member in g.Members.Distinct(StringComparer.Ordinal))
                        {
                            rows.Member(run.Id, groupId, long.Parse(member, CultureInfo.InvariantCulture),
                                string.Equals(primary.GetValueOrDefault(member), g.Id, StringComparison.Ordinal));
                        }
                    }
                }
                foreach (var a in result.Assignments)
                {
                    long? groupId = a.GroupId is { } gid && groupIds.TryGetValue((draftId, gid), out var grp) ? grp.Id : null;
                    rows.Assignment(run.Id, long.Parse(a.Id, CultureInfo.InvariantCulture), groupId, a.DuplicateGroup, a.Noise.ToString());
                    if (++written % 20_000 == 0)
                    {
                        await rows.FlushAsync(cancellationToken).ConfigureAwait(false);
                        progress?.Report(new StoreProgress("saving", 0.9 + 0.09 * written / Math.Max(1, count)));
                    }
                }
            }
            foreach (var (commentId, reason) in setAside.OrderBy(kv => kv.Key))
                rows.Assignment(run.Id, commentId, null, null, Domain.Labelling.ModerationDecision.NoiseCode(reason));
            await rows.FlushAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(new StoreProgress("done", 1));
            return run;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// A run is thousands of rows written by the system: the audit log records staff edits to them, not their
    /// creation, and change detection over them would dominate the save. Retried as a whole by the execution strategy.
    /// </summary>
    private async Task<T> SystemWriteAsync<T>(Func<Task<T>> write)
    {
        bool auditing = db.AuditingEnabled;
        bool detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.AuditingEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(write).ConfigureAwait(false);
        }
        finally
        {
            db.AuditingEnabled = auditing;
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// A refresh (new comments folded in) keeps the staff's wording and decisions: groups the engine
    /// finds again (same draft and engine group id) take the edited summary, adopt/explain note and
    /// isolated mark of the previous run. Merges and splits are not replayed; the previous run stays stored.
    /// </summary>
    private async Task CarryOverEditsAsync(int consultationId, long runId, Dictionary<(int, string), SynthesisGroup> groups, CancellationToken cancellationToken)
    {
        long? previous = await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId && r.Id < runId)
            .OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (previous is null) return;
        var edited = await db.SynthesisGroups.AsNoTracking()
            .Where(g => g.RunId == previous && (g.Summary != g.Representative || g.Decision != GroupDecision.None || g.IsolatedSubstantial))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var old in edited)
        {
            if (!groups.TryGetValue((old.DraftId, old.EngineGroupId), out var group)) continue;
            if (!string.Equals(old.Summary, old.Representative, StringComparison.Ordinal)) group.EditSummary(old.Summary);
            if (old.Decision != GroupDecision.None) group.Decide(old.Decision, old.DecisionNote);
            if (old.IsolatedSubstantial) group.MarkIsolated(true);
        }
    }

    internal static string TermsJson(TermMap terms) => JsonSerializer.Serialize(terms, Json);

    internal static TermMap ReadTerms(string json) =>
        string.IsNullOrEmpty(json) ? new TermMap() : JsonSerializer.Deserialize<TermMap>(json, Json) ?? new TermMap();

    internal static string Breakdown(IDictionary<string, int> channel, IDictionary<string, int> group, IDictionary<string, int> stance) =>
        JsonSerializer.Serialize(new GroupBreakdown(new(channel, StringComparer.Ordinal), new(group, StringComparer.Ordinal), new(stance, StringComparer.Ordinal)), Json);

    public static GroupBreakdown ReadBreakdown(string json) =>
        JsonSerializer.Deserialize<GroupBreakdown>(json, Json) ?? new GroupBreakdown(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Calls back on the reporting thread (the engine reports from its own thread; no synchronisation context needed).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

/// <summary>Counts of a group by channel, social group and stance.</summary>
public sealed record GroupBreakdown(SortedDictionary<string, int> Channel, SortedDictionary<string, int> Group, SortedDictionary<string, int> Stance);
