using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Engine;
using DanY.Engine.Synthesis;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Synthesis;

/// <summary>
/// Incremental folding: comments received after the latest run join it without redoing it. The batch
/// is synthesised on its own, its groups are matched on their words to the stored groups of the same
/// section (<see cref="FoldMatcher"/>), and members, counts and shares of the stored groups are updated
/// in place. The stored groups are the rows staff edited, so every edit survives: wording, decisions,
/// isolated marks, merges (a batch group matching a merged group goes to the group it was merged into)
/// and splits. Given the same stored run and the same batch, the result is the same; the run's input hash
/// then names the sequence (previous hash, batch hash).
/// </summary>
public sealed partial class SynthesisStore
{
    /// <summary>Received comments of the consultation not yet in its latest run (0 when there is no run).</summary>
    public async Task<int> PendingCommentsAsync(int consultationId, CancellationToken cancellationToken = default)
    {
        long? last = await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId)
            .OrderByDescending(r => r.Id).Select(r => (long?)r.LastCommentId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (last is null) return 0;
        return await db.Comments.AsNoTracking()
            .CountAsync(c => c.ConsultationId == consultationId && c.Status == CommentStatus.Received && c.Id > last.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Folds the comments received since the latest run into it; runs in full when there is no run yet or
    /// the latest was made by another engine version or other settings (folding would mix two engines).
    /// </summary>
    public async Task<SynthesisRun> FoldAsync(int consultationId, IProgress<StoreProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report(new StoreProgress("loading", 0));
        var options = Options;
        var latest = await LatestRunAsync(consultationId, cancellationToken).ConfigureAwait(false);
        if (latest is null
            || !string.Equals(latest.EngineVersion, EngineInfo.Version, StringComparison.Ordinal)
            || !string.Equals(latest.SettingsJson, SettingsJson(options), StringComparison.Ordinal)
            || (latest.Comments > 0 && !await db.SynthesisGroups.AnyAsync(g => g.RunId == latest.Id && g.TermsJson != "{}", cancellationToken).ConfigureAwait(false)))
        {
            return await RunAsync(consultationId, progress, cancellationToken).ConfigureAwait(false);
        }
        var batch = await LoadAsync(consultationId, latest.LastCommentId, cancellationToken).ConfigureAwait(false);
        if (batch.Comments.Count == 0)
        {
            progress?.Report(new StoreProgress("done", 1));
            return latest;
        }
        var results = await SynthesiseAsync(batch, options, progress, 0.05, 0.65, cancellationToken).ConfigureAwait(false);
        progress?.Report(new StoreProgress("saving", 0.75));
        return await SaveFoldAsync(latest.Id, options, batch, results, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SynthesisRun> SaveFoldAsync(long runId, SynthesisOptions options, InputBatch batch,
        List<(int DraftId, SynthesisResult Result, Dictionary<string, int> Order)> results, IProgress<StoreProgress>? progress, CancellationToken cancellationToken)
    {
        return await SystemWriteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var run = await db.SynthesisRuns.SingleAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
            string fold = "F" + (run.Folds + 1).ToString(CultureInfo.InvariantCulture);
            var stored = await db.SynthesisGroups.Where(g => g.RunId == runId).OrderBy(g => g.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var byId = stored.ToDictionary(g => g.Id);
            var rows = batch.Comments.ToDictionary(c => c.Id.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);

            // Where each batch group goes: a stored group (merges followed) or a new group.
            var targets = new Dictionary<(int, string), SynthesisGroup>();
            var incomingTerms = new Dictionary<SynthesisGroup, TermMap>();
            var incomingCampaigns = new Dictionary<SynthesisGroup, (int Campaigns, int Letters)>();
            foreach (var (draftId, result, order) in results)
            {
                var candidates = stored.Where(g => g.DraftId == draftId).ToList();
                var matches = FoldMatcher.Match(candidates.Select(g => new FoldTarget(g.SectionRef, ReadTerms(g.TermsJson))).ToList(), result.Document);
                foreach (var section in result.Document.Sections)
                {
                    int sectionOrder = section.SectionRef.Length == 0 ? -1 : order.GetValueOrDefault(section.SectionRef, 100_000);
                    foreach (var g in section.Groups)
                    {
                        SynthesisGroup target;
                        if (matches.TryGetValue(g.Id, out int index))
                        {
                            target = candidates[index];
                            for (int hops = 0; target.MergedIntoId is long into && byId.TryGetValue(into, out var next) && hops < 64; hops++) target = next;
                        }
                        else
                        {
                            target = new SynthesisGroup(run.Id, draftId, section.SectionRef, sectionOrder, fold + "." + g.Id, g.Representative,
                                string.Join(" · ", g.KeyPhrases), g.Quantifier, g.Share, 0, 0, 0, 0, 0, "{}");
                            db.SynthesisGroups.Add(target);
                        }
                        targets[(draftId, g.Id)] = target;
                        incomingTerms[target] = FoldMatcher.Combine(incomingTerms.GetValueOrDefault(target) ?? new TermMap(), g.Terms);
                        var c = incomingCampaigns.GetValueOrDefault(target);
                        incomingCampaigns[target] = (c.Campaigns + g.Counts.Campaigns, c.Letters + g.Counts.CampaignLetters);
                    }
                }
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(new StoreProgress("saving", 0.8));

            // Members and assignments of the new comments.
            var added = new Dictionary<SynthesisGroup, List<InputRow>>();
            var duplicateOf = new Dictionary<string, string?>(StringComparer.Ordinal);
            int noise = 0, duplicates = 0, campaigns = 0;
            var rowWriter = new SynthesisRows(db);
            foreach (var (draftId, result, _) in results)
            {
                noise += result.Document.NoiseComments;
                duplicates += result.Document.DuplicateComments;
                campaigns += result.Document.Campaigns;
                var primary = result.Assignments.ToDictionary(a => a.Id, a => a.GroupId, StringComparer.Ordinal);
                var seen = new HashSet<(long, string)>();
                foreach (var section in result.Document.Sections)
                {
                    foreach (var g in section.Groups)
                    {
                        var target = targets[(draftId, g.Id)];
                        foreach (var member in g.Members)
                        {
                            if (!seen.Add((target.Id, member))) continue;
                            rowWriter.Member(run.Id, target.Id, long.Parse(member, CultureInfo.InvariantCulture),
                                string.Equals(primary.GetValueOrDefault(member), g.Id, StringComparison.Ordinal));
                            if (!added.TryGetValue(target, out var list)) added[target] = list = [];
                            list.Add(rows[member]);
                        }
                    }
                }
                foreach (var a in result.Assignments)
                {
                    long? groupId = a.GroupId is { } gid && targets.TryGetValue((draftId, gid), out var grp) ? grp.Id : null;
                    rowWriter.Assignment(run.Id, long.Parse(a.Id, CultureInfo.InvariantCulture), groupId, a.DuplicateGroup, a.Noise.ToString());
                    duplicateOf[a.Id] = a.DuplicateGroup;
                    if (rowWriter.Pending >= 40_000) await rowWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            await rowWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(new StoreProgress("saving", 0.9));

            // Counts of the groups that received comments: the stored counts plus the batch's.
            var touched = added.Keys.Union(incomingTerms.Keys).Distinct().ToList();
            var touchedIds = touched.Select(g => g.Id).ToList();
            var units = (await (from m in db.SynthesisMembers.AsNoTracking()
                                where touchedIds.Contains(m.GroupId)
                                join c in db.Comments.AsNoTracking() on m.CommentId equals c.Id
                                where c.UnitId != null
                                select new { m.GroupId, c.UnitId }).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false))
                .GroupBy(x => x.GroupId).ToDictionary(x => x.Key, x => x.Count());
            foreach (var group in touched)
            {
                var list = added.GetValueOrDefault(group) ?? [];
                var read = ReadBreakdown(group.BreakdownJson);
                // A new group starts from "{}": no counts yet.
                var old = new GroupBreakdown(read.Channel ?? new(StringComparer.Ordinal), read.Group ?? new(StringComparer.Ordinal), read.Stance ?? new(StringComparer.Ordinal));
                foreach (var r in list)
                {
                    Increment(old.Channel, r.Channel);
                    if (r.SocialGroup is not null) Increment(old.Group, r.SocialGroup);
                    Increment(old.Stance, Stances.Code(r.Stance));
                }
                int distinct = list.Select(r => duplicateOf.GetValueOrDefault(r.Id.ToString(CultureInfo.InvariantCulture)) ?? "c" + r.Id.ToString(CultureInfo.InvariantCulture))
                    .Distinct(StringComparer.Ordinal).Count();
                var (c, l) = incomingCampaigns.GetValueOrDefault(group);
                group.FoldIn(group.Comments + list.Count, group.Distinct + distinct, units.GetValueOrDefault(group.Id), group.Campaigns + c, group.CampaignLetters + l,
                    Breakdown(old.Channel, old.Group, old.Stance), TermsJson(FoldMatcher.Combine(ReadTerms(group.TermsJson), incomingTerms.GetValueOrDefault(group) ?? new TermMap())));
            }

            // Shares and ladder phrases of every group of the sections that grew.
            var ladder = options.Ladder;
            var all = stored.Concat(touched).Distinct().ToList();
            foreach (var section in touched.Select(g => (g.DraftId, g.SectionRef)).Distinct().ToList())
            {
                int total = await (from m in db.SynthesisMembers
                                   join g in db.SynthesisGroups on m.GroupId equals g.Id
                                   where g.RunId == runId && g.DraftId == section.DraftId && g.SectionRef == section.SectionRef && g.MergedIntoId == null
                                   select m.CommentId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
                foreach (var g in all.Where(g => g.DraftId == section.DraftId && string.Equals(g.SectionRef, section.SectionRef, StringComparison.Ordinal) && g.MergedIntoId is null))
                {
                    double share = total == 0 ? 0 : Math.Round(g.Comments / (double)total, 4);
                    g.Rescale(SynthesisReview.Quantifier(ladder, share, g.Comments), share);
                }
            }

            string chained = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(run.InputHash + batch.InputHash)));
            run.Fold(chained, batch.Comments.Count, noise, duplicates, campaigns, batch.Comments[^1].Id, DateTimeOffset.UtcNow);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            progress?.Report(new StoreProgress("done", 1));
            return run;
        }).ConfigureAwait(false);
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
