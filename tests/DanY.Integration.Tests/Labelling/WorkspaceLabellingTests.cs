using System.Net;
using System.Text.RegularExpressions;
using DanY.Domain.Consultations;
using DanY.Domain.Labelling;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Labelling;

/// <summary>The labelling panel on the synthesis group page, through its forms (no JavaScript).</summary>
public sealed partial class WorkspaceLabellingTests
{
    private const string StaffId = "test-staff";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ward A's consultation with 60 topic comments, a trained "Chủ đề" model applied, and one synthesis group holding 30 of them.</summary>
    internal static async Task<(int ConsultationId, int SetId, long GroupId, IReadOnlyList<(long Id, string Topic)> Members, IReadOnlyList<long> Others)> SeedAsync(
        DanYApp app)
    {
        using var scope = app.Scope();
        var db = scope.Db();
        var service = scope.ServiceProvider.GetRequiredService<LabellingService>();
        int ward = await LabellingData.UnitIdAsync(db, DemoAccounts.WardA, Ct);
        var template = await db.Comments.AsNoTracking().OrderBy(c => c.Id).FirstAsync(Ct);
        var consultation = new Consultation("Lấy ý kiến Nhân dân phường Kinh Bắc về chương trình an sinh năm 2027", ward, ward,
            DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(20), [CommentChannels.Portal], []);
        consultation.AddDraft(template.DraftId);
        consultation.Publish();
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(Ct);
        var examples = await LabellingData.AddTopicCommentsAsync(db, DemoAccounts.WardA, 20, seed: 21, cancellationToken: Ct);
        // Move them into the ward's consultation (the helper writes to the demo one).
        await db.Comments.Where(c => examples.Select(e => e.Id).Contains(c.Id)).ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsultationId, consultation.Id), Ct);

        var set = await service.CreateSetAsync(ward, "Chủ đề", LabellingData.Topics, Ct);
        var train = examples.Where((e, i) => i % 2 == 1).ToList();
        await service.SetLabelsAsync(set, consultation.Id, train.ToDictionary(e => e.Id, e => (string?)e.Topic), StaffId, Ct);
        await service.TrainAsync(set, StaffId, Ct);
        var job = await service.CreateApplyJobAsync(set, consultation.Id, StaffId, Ct);
        await service.RunJobAsync(job.Id, Ct);

        var run = new SynthesisRun(consultation.Id, "test", "{}", "test", examples.Count, DateTimeOffset.UtcNow);
        db.SynthesisRuns.Add(run);
        await db.SaveChangesAsync(Ct);
        var group = new SynthesisGroup(run.Id, template.DraftId, "", -1, "g1", examples[0].Topic, "", "Nhiều ý kiến", 0.5, 30, 30, 1, 0, 0,
            """{"Channel":{},"Group":{},"Stance":{}}""");
        db.SynthesisGroups.Add(group);
        await db.SaveChangesAsync(Ct);
        var members = examples.Take(30).ToList();
        foreach (var m in members) db.SynthesisMembers.Add(new SynthesisMember(run.Id, group.Id, m.Id, true));
        await db.SaveChangesAsync(Ct);
        return (consultation.Id, set.Id, group.Id, members.Select(m => (m.Id, m.Topic)).ToList(), examples.Skip(30).Select(e => e.Id).ToList());
    }

    [GeneratedRegex("name=\"Labels\\[(\\d+)\\]\"")]
    private static partial Regex LabelSelect();

    private static HashSet<long> Selects(string html) =>
        LabelSelect().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Staff_label_and_accept_suggestions_for_a_groups_comments_in_the_workspace(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        var (consultationId, setId, groupId, members, others) = await SeedAsync(app);
        var memberIds = members.Select(m => m.Id).ToHashSet();
        var client = await app.LoginAsync(DemoAccounts.WardAOfficer);
        string groupPage = $"/synthesis/{consultationId}/groups/{groupId}";

        // The panel lists the group's comments (first page of 20), each with the model's suggestion and confidence.
        string html = await client.GetStringAsync($"{groupPage}?ls={setId}", Ct);
        Assert.Contains("Phân loại các ý kiến của nhóm", html, StringComparison.Ordinal);
        var shown = Selects(html);
        Assert.Equal(20, shown.Count);
        Assert.Subset(memberIds, shown);
        Assert.Contains("độ tin cậy", html, StringComparison.Ordinal);
        Assert.Contains("1 · Kinh tế", html, StringComparison.Ordinal);

        // Filter: unlabelled comments whose suggestion is "Y tế" — exactly the group's unlabelled members the model calls so.
        List<(long CommentId, string Label)> suggestions;
        HashSet<long> labelled;
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            suggestions = (await db.LabelSuggestions.AsNoTracking().Where(s => s.LabelSetId == setId).Select(s => new { s.CommentId, s.Label }).ToListAsync(Ct))
                .Select(s => (s.CommentId, s.Label)).ToList();
            labelled = (await db.CommentLabels.Where(l => l.LabelSetId == setId).Select(l => l.CommentId).ToListAsync(Ct)).ToHashSet();
        }
        var expectedHealth = suggestions.Where(s => memberIds.Contains(s.CommentId) && !labelled.Contains(s.CommentId) && s.Label == "Y tế").Select(s => s.CommentId).ToHashSet();
        Assert.NotEmpty(expectedHealth);
        string filtered = await client.GetStringAsync($"{groupPage}?ls={setId}&lf=Suggested&ll={Uri.EscapeDataString("Y tế")}", Ct);
        Assert.Equal(expectedHealth, Selects(filtered));
        // The synthesis page's own filters are carried through the panel's form.
        string withChannel = await client.GetStringAsync($"{groupPage}?channel=online&ls={setId}", Ct);
        Assert.Contains("<input type=\"hidden\" name=\"channel\" value=\"online\">", withChannel, StringComparison.Ordinal);

        // Label one comment, accept the suggestion of another, in one post of the panel's form.
        var unlabelled = members.Where(m => !labelled.Contains(m.Id)).ToList();
        var (relabel, acceptOne) = (unlabelled[0], unlabelled[1]);
        string returnUrl = $"{groupPage}?ls={setId}&lf=All&lp=1#labelling";
        var save = await Forms.PostAsync(client, $"{groupPage}?ls={setId}", "/labelling/workspace?handler=Save", new Dictionary<string, string>
        {
            ["Set"] = setId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Consultation"] = consultationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Group"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReturnUrl"] = returnUrl,
            [$"Labels[{relabel.Id}]"] = "Giáo dục",
            [$"Labels[{acceptOne.Id}]"] = "",
            ["Accept"] = acceptOne.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(returnUrl, save.Headers.Location!.OriginalString);
        string after = await client.GetStringAsync(returnUrl, Ct);
        Assert.Contains("Đã lưu 1 thay đổi nhãn và nhận 1 gợi ý.", after, StringComparison.Ordinal);
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            var l1 = await db.CommentLabels.AsNoTracking().SingleAsync(l => l.LabelSetId == setId && l.CommentId == relabel.Id, Ct);
            Assert.Equal(("Giáo dục", LabelSource.Staff), (l1.Label, l1.Source));
            var l2 = await db.CommentLabels.AsNoTracking().SingleAsync(l => l.LabelSetId == setId && l.CommentId == acceptOne.Id, Ct);
            Assert.Equal((suggestions.Single(s => s.CommentId == acceptOne.Id).Label, LabelSource.AcceptedSuggestion), (l2.Label, l2.Source));
        }

        // Bulk accept at 1 %: every unlabelled member of the group, and nothing outside it.
        var bulk = await Forms.PostAsync(client, $"{groupPage}?ls={setId}", "/labelling/workspace?handler=Accept", new Dictionary<string, string>
        {
            ["Set"] = setId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Consultation"] = consultationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Group"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReturnUrl"] = "https://evil.example/",
            ["Threshold"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        Assert.StartsWith(groupPage, bulk.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using (var scope = app.Scope())
        {
            var db = scope.Db();
            var labels = await db.CommentLabels.AsNoTracking().Where(l => l.LabelSetId == setId).ToDictionaryAsync(l => l.CommentId, Ct);
            Assert.All(members, m => Assert.True(labels.ContainsKey(m.Id), $"member {m.Id} has no label"));
            Assert.Equal(unlabelled.Count - 2, labels.Values.Count(l => l.Source == LabelSource.AcceptedSuggestion && memberIds.Contains(l.CommentId)) - 1);
            Assert.All(others.Where(o => !labelled.Contains(o)), o => Assert.False(labels.ContainsKey(o), $"comment {o} outside the group was labelled"));
        }

        // Another ward's officer can neither see the panel's set nor post to it.
        var wardB = await app.LoginAsync(DemoAccounts.WardBOfficer);
        var forged = await Forms.PostAsync(wardB, "/labelling", "/labelling/workspace?handler=Save", new Dictionary<string, string>
        {
            ["Set"] = setId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Consultation"] = consultationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Group"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Labels[{members[^1].Id}]"] = "Y tế",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }
}
