using System.Net;
using DanY.Domain.Auditing;
using DanY.Domain.Consultations;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using DanY.Infrastructure.Synthesis;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Labelling;

public sealed class ModerationTests
{
    private const string StaffId = "test-staff";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<long>> AddPortalAsync(DanYDbContext db, int consultationId, int unitId, int count, Func<int, string> text)
    {
        var template = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Id).FirstAsync(Ct);
        var added = Enumerable.Range(0, count).Select(i => new Comment(Receipts.New(), $"mod-{Guid.NewGuid():N}", consultationId, template.DraftId,
            template.DraftVersionId, null, Stance.Disagree, text(i), CommentChannels.Portal, unitId, null, null,
            Infrastructure.Consultations.CommentSql.ContentHash(text(i)), DateTimeOffset.UtcNow)).ToList();
        db.Comments.AddRange(added);
        await db.SaveChangesAsync(Ct);
        return added.Select(c => c.Id).ToList();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Flagged_comments_are_confirmed_or_released_with_a_reason_and_the_synthesis_counts_them_as_noise(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        int setId, consultationId;
        IReadOnlyList<long> spam, abuse;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            var service = scope.ServiceProvider.GetRequiredService<LabellingService>();
            int unitId = await LabellingData.UnitIdAsync(db, DemoAccounts.WardA, Ct);
            consultationId = await LabellingData.OpenConsultationIdAsync(db, Ct);
            var set = await service.EnsureModerationSetAsync(unitId, Ct);
            setId = set.Id;
            var valid = await LabellingData.AddTopicCommentsAsync(db, DemoAccounts.WardA, 8, seed: 4, cancellationToken: Ct);
            spam = await AddPortalAsync(db, consultationId, unitId, 24, i => $"Khuyến mãi lớn, vay tiền nhanh lãi suất 0%, bấm vào link nhận quà số {i}!!!");
            abuse = await AddPortalAsync(db, consultationId, unitId, 24, i => $"Bọn ngu dốt vô dụng, đồ lừa đảo, cút hết đi lần {i}");
            var labels = valid.Take(15).ToDictionary(e => e.Id, _ => (string?)"Hợp lệ");
            foreach (var id in spam.Take(12)) labels[id] = "Rác";
            foreach (var id in abuse.Take(12)) labels[id] = "Xúc phạm";
            await service.SetLabelsAsync(set, consultationId, labels, StaffId, Ct);
            await service.TrainAsync(set, StaffId, Ct);
            var job = await service.CreateApplyJobAsync(set, consultationId, StaffId, Ct);
            await service.RunJobAsync(job.Id, Ct);
        }
        int total;
        using (var scope = app.Scope()) total = await scope.Db().Comments.CountAsync(Ct);

        // The queue: the model's flags at or above the threshold (with their confidence), and the staff's own flags.
        using (var scope = app.Scope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
            var set = await scope.Db().LabelSets.AsNoTracking().SingleAsync(s => s.Id == setId, Ct);
            var (rows, count) = await moderation.QueueAsync(set, consultationId, 0.5, 1, 500, Ct);
            Assert.Equal(count, rows.Count);
            var ids = rows.Select(r => r.CommentId).ToHashSet();
            Assert.All(spam.Concat(abuse), id => Assert.Contains(id, ids));
            Assert.All(rows.Where(r => r.StaffLabel is null), r => Assert.True(r.Confidence >= 0.5 && set.FlagLabels.Contains(r.Suggestion!)));
            var (strict, strictCount) = await moderation.QueueAsync(set, consultationId, 0.999, 1, 500, Ct);
            Assert.True(strictCount <= count);
            Assert.All(strict.Where(r => r.StaffLabel is null), r => Assert.True(r.Confidence >= 0.999));
            await Assert.ThrowsAsync<LabellingException>(() => moderation.SetAsideAsync(set, consultationId, [abuse[20]], "Hợp lệ", null, StaffId, Ct));
            var letter = await LabellingData.AddTopicCommentsAsync(scope.Db(), DemoAccounts.WardA, 1, CommentChannels.Letter, seed: 9, cancellationToken: Ct);
            await Assert.ThrowsAsync<LabellingException>(() => moderation.SetAsideAsync(set, consultationId, [letter[0].Id], "Rác", null, StaffId, Ct));
            total += 3;
        }

        // Staff confirm three abusive comments through the page's form, and release one spam comment.
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        string queuePage = $"/labelling/moderation/{setId}?consultation={consultationId}&threshold=50";
        string html = await client.GetStringAsync(queuePage, Ct);
        Assert.Contains("ý kiến chờ kiểm duyệt", html, StringComparison.Ordinal);
        Assert.Contains("độ tin cậy", html, StringComparison.Ordinal);
        var setAside = abuse.Skip(18).Take(3).ToList();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("reason", "Xúc phạm"), new("note", "Lời lẽ thô tục"),
        };
        fields.AddRange(setAside.Select(id => new KeyValuePair<string, string>("selected", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        string token = await DanYApp.AntiforgeryTokenAsync(client, queuePage);
        fields.Add(new("__RequestVerificationToken", token));
        var post = await client.PostAsync(queuePage + "&handler=SetAside", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var release = await Forms.PostAsync(client, queuePage, queuePage + "&handler=Release",
            new Dictionary<string, string> { ["selected"] = spam[23].ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, release.StatusCode);
        string history = await client.GetStringAsync(queuePage + "&view=history", Ct);
        Assert.Contains("Lời lẽ thô tục", history, StringComparison.Ordinal);

        using (var scope = app.Scope())
        {
            var db = scope.Db();
            // Nothing deleted; the three are set aside, the released one counts.
            Assert.Equal(total, await db.Comments.CountAsync(Ct));
            Assert.All(setAside, id => Assert.Equal(CommentStatus.Rejected, db.Comments.AsNoTracking().Single(c => c.Id == id).Status));
            Assert.Equal(CommentStatus.Received, (await db.Comments.AsNoTracking().SingleAsync(c => c.Id == spam[23], Ct)).Status);
            var decisions = await db.ModerationDecisions.AsNoTracking().OrderBy(d => d.Id).ToListAsync(Ct);
            Assert.Equal(4, decisions.Count);
            Assert.All(decisions.Take(3), d => Assert.Equal((ModerationOutcome.SetAside, "Xúc phạm", "Lời lẽ thô tục"), (d.Outcome, d.Reason, d.Note)));
            Assert.All(decisions.Take(3), d => Assert.NotNull(d.Confidence));
            Assert.Equal(ModerationOutcome.Released, decisions[3].Outcome);
            Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ModerationDecision) && a.Action == AuditAction.Created, Ct));
            // The decisions are staff labels too: the next model learns from them.
            var labels = await db.CommentLabels.AsNoTracking().Where(l => l.LabelSetId == setId).ToDictionaryAsync(l => l.CommentId, Ct);
            Assert.All(setAside, id => Assert.Equal(("Xúc phạm", LabelSource.Staff), (labels[id].Label, labels[id].Source)));
            Assert.Equal("Hợp lệ", labels[spam[23]].Label);
            // Decided comments leave the queue.
            var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
            var set = await db.LabelSets.AsNoTracking().SingleAsync(s => s.Id == setId, Ct);
            var (rows, _) = await moderation.QueueAsync(set, consultationId, 0.5, 1, 500, Ct);
            Assert.DoesNotContain(rows, r => setAside.Contains(r.CommentId) || r.CommentId == spam[23]);

            // The synthesis leaves them out of the groups and reports them as noise with the staff's reason.
            var run = await scope.ServiceProvider.GetRequiredService<SynthesisStore>().RunAsync(consultationId, null, Ct);
            var noise = await db.SynthesisAssignments.AsNoTracking().Where(a => a.RunId == run.Id && setAside.Contains(a.CommentId)).ToListAsync(Ct);
            Assert.Equal(3, noise.Count);
            Assert.All(noise, a => Assert.Equal("SetAside:Xúc phạm", a.Noise));
            Assert.All(noise, a => Assert.Null(a.GroupId));
            Assert.False(await db.SynthesisMembers.AnyAsync(m => m.RunId == run.Id && setAside.Contains(m.CommentId), Ct));
            Assert.True(run.NoiseComments >= 3);
            var appendix = new List<AppendixRow>();
            await foreach (var row in scope.ServiceProvider.GetRequiredService<SynthesisReportBuilder>().AppendixAsync(consultationId, Ct)) appendix.Add(row);
            Assert.All(appendix.Where(r => setAside.Contains(r.Id)), r => Assert.Equal("Cán bộ kiểm duyệt để riêng: Xúc phạm", r.Noise));
            Assert.Equal(3, appendix.Count(r => setAside.Contains(r.Id)));
        }

        // Released from the history: the comment counts again.
        var undo = await Forms.PostAsync(client, queuePage + "&view=history", queuePage + "&handler=Release",
            new Dictionary<string, string> { ["selected"] = setAside[0].ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        using (var scope = app.Scope())
        {
            Assert.Equal(CommentStatus.Received, (await scope.Db().Comments.AsNoTracking().SingleAsync(c => c.Id == setAside[0], Ct)).Status);
        }
        // The release came after the run: the workspace says the synthesis does not reflect it yet.
        var admin = await app.LoginAsync(DemoAccounts.Admin);
        string workspace = await admin.GetStringAsync($"/synthesis/{consultationId}", Ct);
        Assert.Matches(@"id=""moderated-since-run"" class=""alert""><strong>1</strong> quyết định kiểm duyệt", workspace);

        // Another ward cannot moderate ward A's portal comments.
        var wardB = await app.LoginAsync(DemoAccounts.WardBOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await wardB.GetAsync(queuePage, Ct)).StatusCode);
        var forged = await Forms.PostAsync(wardB, "/labelling", queuePage + "&handler=SetAside",
            new Dictionary<string, string> { ["selected"] = abuse[22].ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "Xúc phạm" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }
}
