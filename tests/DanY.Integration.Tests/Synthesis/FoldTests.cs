using System.Security.Claims;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Jobs;
using DanY.Infrastructure.Synthesis;
using DanY.TestKit.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Synthesis;

public sealed class FoldTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ClaimsPrincipal> StaffAsync(DanYDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, email)], "test"));
    }

    private static async Task<SynthesisJob> RunJobAsync(IServiceProvider services, int consultationId, bool full)
    {
        var queue = services.GetRequiredService<SynthesisJobQueue>();
        var job = await queue.EnqueueAsync(consultationId, "test", full, Ct);
        Assert.True(await queue.ClaimAsync(job.Id, Ct));
        var done = await queue.ExecuteAsync(job.Id, services.GetRequiredService<SynthesisStore>(), null, Ct);
        Assert.True(done.Status == JobStatus.Succeeded, done.Error);
        return done;
    }

    /// <summary>Copies of existing comments (same text, section, unit) arriving later, as a citizen resending would.</summary>
    private static async Task<List<long>> AddCommentsAsync(DanYDbContext db, int consultationId, int skip, int count, string tag)
    {
        var sources = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Id).Skip(skip).Take(count).ToListAsync(Ct);
        var added = sources.Select((c, i) => new Comment(Receipts.New(), $"{tag}-{i}", consultationId, c.DraftId, c.DraftVersionId, c.SectionRef, c.Stance,
            c.Text, c.Channel, c.UnitId, c.SocialGroup, null, c.ContentHash, c.SubmittedAt.AddDays(1))).ToList();
        db.Comments.AddRange(added);
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        return added.Select(c => c.Id).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task New_comments_fold_into_the_run_in_place_staff_edits_survive_and_counts_match_the_members(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.FreshAsync(provider);
        await using var scope = t.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DanYDbContext>();
        var store = services.GetRequiredService<SynthesisStore>();
        var review = services.GetRequiredService<SynthesisReview>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);

        var first = await RunJobAsync(services, id, full: true);
        long runId = first.RunId!.Value;
        var run = await db.SynthesisRuns.AsNoTracking().SingleAsync(r => r.Id == runId, Ct);
        Assert.Equal(0, await store.PendingCommentsAsync(id, Ct));

        // Staff edit the stored synthesis: wording, decision, and a merge of two groups of one section.
        var staff = await StaffAsync(db, "bandanvan@dany.local");
        var groups = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == runId).OrderByDescending(g => g.Comments).ThenBy(g => g.Id).ToListAsync(Ct);
        var edited = groups[0];
        var pair = groups.GroupBy(g => (g.DraftId, g.SectionRef)).First(g => g.Count() >= 2 && !g.Any(x => x.Id == edited.Id)).Take(2).ToList();
        await review.EditSummaryAsync(staff, edited.Id, "Câu tổng hợp do cán bộ viết lại", Ct);
        await review.DecideAsync(staff, edited.Id, GroupDecision.Explained, "Đã giải trình tại hội nghị", Ct);
        await review.MergeAsync(staff, pair[0].Id, [pair[1].Id], Ct);

        // New comments arrive: resubmissions of existing ones, including some from the merged group.
        var mergedMember = await db.SynthesisMembers.Where(m => m.GroupId == pair[0].Id).OrderBy(m => m.CommentId).Select(m => m.CommentId).FirstAsync(Ct);
        var fromMerged = await db.Comments.AsNoTracking().Where(c => c.Id == mergedMember).Select(c => c.Id).ToListAsync(Ct);
        int existingCount = await db.Comments.CountAsync(c => c.ConsultationId == id, Ct);
        var added = await AddCommentsAsync(db, id, 0, 60, "fold1");
        Assert.Equal(60, await store.PendingCommentsAsync(id, Ct));

        var folded = await RunJobAsync(services, id, full: false);
        Assert.Equal(runId, folded.RunId);
        var after = await db.SynthesisRuns.AsNoTracking().SingleAsync(r => r.Id == runId, Ct);
        Assert.Equal(1, after.Folds);
        Assert.Equal(run.Comments + 60, after.Comments);
        Assert.Equal(added.Max(), after.LastCommentId);
        Assert.NotEqual(run.InputHash, after.InputHash);
        Assert.Equal(0, await store.PendingCommentsAsync(id, Ct));
        Assert.Equal(1, await db.SynthesisRuns.CountAsync(r => r.ConsultationId == id, Ct));

        // Staff edits survive.
        var e = await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == edited.Id, Ct);
        Assert.Equal("Câu tổng hợp do cán bộ viết lại", e.Summary);
        Assert.Equal(GroupDecision.Explained, e.Decision);
        Assert.Equal("Đã giải trình tại hội nghị", e.DecisionNote);
        Assert.Equal(pair[0].Id, (await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == pair[1].Id, Ct)).MergedIntoId);
        Assert.Equal(0, await db.SynthesisMembers.CountAsync(m => m.GroupId == pair[1].Id, Ct));

        // Every new comment has its place in the run; most resubmissions join the group of their original.
        Assert.Equal(60, await db.SynthesisAssignments.CountAsync(a => a.RunId == runId && added.Contains(a.CommentId), Ct));
        var originals = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == id).OrderBy(c => c.Id).Take(60).Select(c => c.Id).ToListAsync(Ct);
        var groupOf = await db.SynthesisAssignments.AsNoTracking().Where(a => a.RunId == runId && (originals.Contains(a.CommentId) || added.Contains(a.CommentId)))
            .ToDictionaryAsync(a => a.CommentId, a => a.GroupId, Ct);
        int withGroup = 0, same = 0;
        for (int i = 0; i < 60; i++)
        {
            if (groupOf[originals[i]] is not long g) continue;
            withGroup++;
            if (groupOf[added[i]] == g) same++;
        }
        Assert.True(withGroup > 30, $"{withGroup} originals in a group");
        Assert.True(same >= 0.7 * withGroup, $"{same} of {withGroup} resubmissions joined their original's group");

        // Counts are the members' counts, for every group the fold touched and the rest.
        var counts = await db.SynthesisMembers.Where(m => m.RunId == runId).GroupBy(m => m.GroupId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, Ct);
        foreach (var g in await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == runId && g.MergedIntoId == null).ToListAsync(Ct))
        {
            Assert.Equal(counts.GetValueOrDefault(g.Id), g.Comments);
            Assert.InRange(g.Share, 0, 1);
        }

        // Nothing new: a fold changes nothing. A full run then counts the same comments.
        var again = await RunJobAsync(services, id, full: false);
        Assert.Equal(runId, again.RunId);
        Assert.Equal(1, (await db.SynthesisRuns.AsNoTracking().SingleAsync(r => r.Id == runId, Ct)).Folds);
        var full = await RunJobAsync(services, id, full: true);
        Assert.NotEqual(runId, full.RunId);
        Assert.Equal(existingCount + 60, (await db.SynthesisRuns.AsNoTracking().SingleAsync(r => r.Id == full.RunId, Ct)).Comments);
        Assert.Empty(fromMerged.Except(await db.SynthesisAssignments.Where(a => a.RunId == runId).Select(a => a.CommentId).ToListAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_same_sequence_of_batches_gives_the_same_synthesis(DatabaseProvider provider)
    {
        var results = new List<List<(string, string, int, int, string)>>();
        for (int attempt = 0; attempt < 2; attempt++)
        {
            var t = await SynthesisDatabase.FreshAsync(provider);
            await using var scope = t.Scope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<DanYDbContext>();
            int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
            var run = await RunJobAsync(services, id, full: true);
            await AddCommentsAsync(db, id, 100, 40, "a");
            await RunJobAsync(services, id, full: false);
            await AddCommentsAsync(db, id, 300, 25, "b");
            await RunJobAsync(services, id, full: false);
            var r = await db.SynthesisRuns.AsNoTracking().SingleAsync(x => x.Id == run.RunId, Ct);
            Assert.Equal(2, r.Folds);
            // Row ids differ between databases only through identical insert orders; compare content.
            results.Add((await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == run.RunId).ToListAsync(Ct))
                .Select(g => (g.SectionRef, g.EngineGroupId, g.Comments, g.Units, g.Quantifier + "|" + g.BreakdownJson + "|" + g.TermsJson + "|" + r.InputHash))
                .Order().ToList());
        }
        Assert.Equal(results[0], results[1]);
    }
}
