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

[Collection(SynthesisDatabase.Collection)]
public sealed class ReviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ClaimsPrincipal> StaffAsync(DanYDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, email)], "test"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Staff_merge_split_move_and_decide_are_audited_and_comments_never_change(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
        var queue = scope.ServiceProvider.GetRequiredService<SynthesisJobQueue>();
        var job = await queue.EnqueueAsync(id, "test", Ct);
        Assert.True(await queue.ClaimAsync(job.Id, Ct));
        var done = await queue.ExecuteAsync(job.Id, scope.ServiceProvider.GetRequiredService<SynthesisStore>(), null, Ct);
        long runId = done.RunId!.Value;
        var staff = await StaffAsync(db, "bandanvan@dany.local");
        var ward = await StaffAsync(db, "kinhbac@dany.local");
        var review = scope.ServiceProvider.GetRequiredService<SynthesisReview>();
        string commentsBefore = string.Join("|", await db.Comments.Where(c => c.ConsultationId == id).OrderBy(c => c.Id).Select(c => c.Text + c.SectionRef).ToListAsync(Ct));
        long auditBefore = await db.AuditEntries.CountAsync(Ct);

        var groups = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == runId).OrderByDescending(g => g.Comments).ToListAsync(Ct);
        var a = groups[0];
        var b = groups.First(g => g.Id != a.Id && g.DraftId == a.DraftId);
        int total = a.Comments + b.Comments;
        int overlap = await db.SynthesisMembers.Where(m => m.GroupId == a.Id).Select(m => m.CommentId)
            .Intersect(db.SynthesisMembers.Where(m => m.GroupId == b.Id).Select(m => m.CommentId)).CountAsync(Ct);

        // A ward editor cannot edit the province's synthesis.
        await Assert.ThrowsAsync<SynthesisForbiddenException>(() => review.MergeAsync(ward, a.Id, [b.Id], Ct));

        await review.MergeAsync(staff, a.Id, [b.Id], Ct);
        var merged = await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == a.Id, Ct);
        Assert.Equal(total - overlap, merged.Comments);
        Assert.Equal(merged.Comments, await db.SynthesisMembers.CountAsync(m => m.GroupId == a.Id, Ct));
        Assert.Equal(a.Id, (await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == b.Id, Ct)).MergedIntoId);

        var some = await db.SynthesisMembers.Where(m => m.GroupId == a.Id).OrderBy(m => m.CommentId).Select(m => m.CommentId).Take(5).ToListAsync(Ct);
        long split = await review.SplitAsync(staff, a.Id, some, "Nhóm tách riêng để xem xét", Ct);
        Assert.Equal(5, (await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == split, Ct)).Comments);
        Assert.Equal(merged.Comments - 5, (await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == a.Id, Ct)).Comments);

        await review.MoveCommentAsync(staff, split, some[0], a.Id, Ct);
        Assert.Equal(4, (await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == split, Ct)).Comments);

        await review.EditSummaryAsync(staff, a.Id, "Đề nghị làm rõ lộ trình thực hiện", Ct);
        await Assert.ThrowsAsync<ArgumentException>(() => review.DecideAsync(staff, a.Id, GroupDecision.Explained, " ", Ct));
        await review.DecideAsync(staff, a.Id, GroupDecision.Adopted, "Đã bổ sung vào mục II", Ct);
        await review.MarkIsolatedAsync(staff, split, true, Ct);

        // Every edit is in the audit log; the comments are untouched.
        var audit = await db.AuditEntries.Where(e => e.Id > auditBefore).ToListAsync(Ct);
        Assert.Contains(audit, e => e.EntityType == nameof(SynthesisGroup) && e.EntityId == a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.After!.Contains("Đề nghị làm rõ lộ trình", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.EntityType == nameof(SynthesisMember));
        Assert.DoesNotContain(audit, e => e.EntityType == nameof(Comment));
        string commentsAfter = string.Join("|", await db.Comments.Where(c => c.ConsultationId == id).OrderBy(c => c.Id).Select(c => c.Text + c.SectionRef).ToListAsync(Ct));
        Assert.Equal(commentsBefore, commentsAfter);

        // The report shows the staff's sentence with the recomputed count and the decision.
        var report = await scope.ServiceProvider.GetRequiredService<SynthesisReportBuilder>().BuildAsync(id, "24.TU", Ct);
        var after = await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.Id == a.Id, Ct);
        var bullets = report.Document.Body.OfType<DanY.Documents.Reports.ReportBullet>().Select(x => x.Text).ToList();
        Assert.Contains(bullets, x => x.Contains("Đề nghị làm rõ lộ trình thực hiện", StringComparison.Ordinal) && x.Contains($"{DanY.Documents.Reports.ReportText.Number(after.Comments)} ý kiến", StringComparison.Ordinal));
        Assert.Contains(bullets, x => x.StartsWith("Tiếp thu: Đề nghị làm rõ", StringComparison.Ordinal));

        // A refresh keeps the staff's wording and decision on the group the engine finds again.
        var again = await queue.EnqueueAsync(id, "test", Ct);
        Assert.True(await queue.ClaimAsync(again.Id, Ct));
        var refreshed = await queue.ExecuteAsync(again.Id, scope.ServiceProvider.GetRequiredService<SynthesisStore>(), null, Ct);
        var carried = await db.SynthesisGroups.AsNoTracking().SingleAsync(g => g.RunId == refreshed.RunId && g.DraftId == a.DraftId && g.EngineGroupId == a.EngineGroupId, Ct);
        Assert.Equal("Đề nghị làm rõ lộ trình thực hiện", carried.Summary);
        Assert.Equal(GroupDecision.Adopted, carried.Decision);
        Assert.Equal("Đã bổ sung vào mục II", carried.DecisionNote);
    }
}
